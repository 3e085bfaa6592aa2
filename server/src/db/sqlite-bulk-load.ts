import type { Db } from './open-database';
import type { BulkLoader } from './pg/bulk-load';
import { EVENT_COLUMNS, eventValues, PREMISE_COLUMNS, premiseValues } from './premises';

// A bulk load into SQLite (the seed): the twin of pg/bulk-load.ts's pgBulkLoader.

/** The triggers that only count changes (migrations 5 and 12): counted once after a bulk load instead of per row. */
const COUNTERS: Record<string, { key: string; per: 'premise' | 'event' }> = {
  premises_version_insert: { key: 'data_version', per: 'premise' },
  events_version_insert: { key: 'data_version', per: 'event' },
  premises_contacts_insert: { key: 'contacts_version', per: 'premise' },
};

/**
 * Sets aside, within the seeding transaction, what makes a bulk load of premises and events slow row
 * by row: their indexes (built again afterwards in one sorted pass each; a unique one refuses
 * duplicates then) and the insert triggers that only bump a counter (bumped once afterwards by the
 * count). Returns the function that puts them back. Any other trigger stays and runs per row.
 */
function setAsideForBulkLoad(db: Db): (premises: number, events: number) => void {
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('premises', 'events') AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  const triggers = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('premises', 'events')",
    )
    .all() as { name: string; sql: string }[];
  const counting = triggers.filter((t) => t.name in COUNTERS);
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  for (const t of counting) db.exec(`DROP TRIGGER "${t.name}"`);
  return (premises, events) => {
    for (const i of indexes) db.exec(i.sql);
    for (const t of counting) {
      db.exec(t.sql);
      const { key, per } = COUNTERS[t.name];
      db.prepare('UPDATE meta SET value = value + CAST(? AS INTEGER) WHERE key = ?').run(
        per === 'premise' ? premises : events,
        key,
      );
    }
  };
}

interface RowBatches {
  /** One row's values, in the order of the columns. */
  add(values: readonly unknown[]): void;
  /** Writes the rows of a last, partial batch. */
  flush(): void;
}

/**
 * Rows into a SQLite table 64 to an INSERT: with one statement a row, binding and stepping it spent
 * most of the load's time (7 M records at a million premises). The `stamped` columns are given the
 * time `at` in the statement itself: their default, strftime(…, 'now'), worked out again for every
 * row, cost seconds.
 */
function rowBatches(
  db: Db,
  table: string,
  columns: readonly string[],
  stamped: { columns: readonly string[]; at: string },
): RowBatches {
  const ROWS = 64;
  const width = columns.length;
  const stamp = stamped.columns.map(() => `'${stamped.at}'`);
  const row = `(${[...new Array(width).fill('?'), ...stamp].join(', ')})`;
  const into = `INSERT INTO ${table} (${[...columns, ...stamped.columns].join(', ')}) VALUES`;
  const many = db.prepare(`${into} ${new Array(ROWS).fill(row).join(', ')}`);
  const one = db.prepare(`${into} ${row}`);
  // One array for every batch, filled in place: the statement copies what it binds.
  const values: unknown[] = new Array(ROWS * width);
  let filled = 0;
  return {
    add(rowValues) {
      for (const v of rowValues) values[filled++] = v;
      if (filled === values.length) {
        many.run(values);
        filled = 0;
      }
    },
    flush() {
      for (let at = 0; at < filled; at += width) one.run(values.slice(at, at + width));
      filled = 0;
    },
  };
}

/**
 * The SQLite side of the load, as pgBulkLoader is PostgreSQL's: premises and records in batches,
 * the tables' indexes and counting triggers set aside until `finish`. A premise's id is given with
 * it (the next after the table's highest), so a batch need not be written to know its ids.
 */
export function sqliteLoader(db: Db): BulkLoader {
  const putBack = setAsideForBulkLoad(db);
  let nextId = db.prepare('SELECT coalesce(max(id), 0) + 1 FROM premises').pluck().get() as number;
  const counts = { premises: 0, events: 0 };
  // The time the rows are written, as the columns' own default writes it (…T12:34:56.789Z).
  const at = new Date().toISOString();
  const premises = rowBatches(db, 'premises', ['id', ...PREMISE_COLUMNS], {
    columns: ['created_at', 'updated_at'],
    at,
  });
  const events = rowBatches(db, 'events', ['premise_id', ...EVENT_COLUMNS], { columns: ['created_at'], at });
  return {
    insertPremise(p) {
      const id = nextId++;
      premises.add([id, ...premiseValues(p)]);
      counts.premises++;
      return id;
    },
    insertEvent(premiseId, e) {
      events.add([premiseId, ...eventValues(e)]);
      counts.events++;
    },
    // SQLite builds every index at the end, in finish.
    endOf() {},
    finish() {
      premises.flush();
      events.flush();
      putBack(counts.premises, counts.events);
    },
  };
}

/**
 * SQLite's connection settings for a bulk load, set before its transaction (neither foreign_keys nor
 * journal_mode can change inside one):
 * - no foreign-key look-up per row: the rows refer only to ids the load itself just made, 7 M
 *   look-ups at a million premises;
 * - a 256 MB page cache to build the indexes in;
 * - a rollback journal instead of the write-ahead log. The load only adds pages to a record that is
 *   all but empty, and a rollback journal keeps only the pages that were there before (a few), so a
 *   crash or an error still leaves the record as it was. In WAL every page is written twice, to the
 *   log and again at the checkpoint: 1.1 GB each at a million premises.
 * Returns the function that puts the connection's own settings back.
 */
export function sqliteBulkSettings(db: Db): () => void {
  const foreignKeys = db.pragma('foreign_keys', { simple: true });
  const cacheSize = db.pragma('cache_size', { simple: true });
  const journal = String(db.pragma('journal_mode', { simple: true }));
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  // Left as it is when another connection holds the record (SQLite then keeps WAL).
  if (journal === 'wal') db.pragma('journal_mode = DELETE');
  return () => {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    db.pragma(`cache_size = ${Number(cacheSize)}`);
    if (journal === 'wal') db.pragma('journal_mode = WAL');
  };
}
