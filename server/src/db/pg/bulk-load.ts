import type { PremiseEvent } from '../../domain/premise-event';
import { importItemValues } from '../import-items';
import { type ImportWriter, reviewValues } from '../import-writes';
import { EVENT_COLUMNS, eventValues, PREMISE_COLUMNS, type PremiseRow, premiseValues } from '../premises';
import { copyText } from './copy-to-postgres';
import type { PgDatabase } from './pg-database';

/** Rows sent per COPY: a few MB of text each. */
const BATCH = 20_000;

const PREMISE_COPY_COLUMNS = ['id', ...PREMISE_COLUMNS].join(', ');
const EVENT_COPY_COLUMNS = ['id', 'premise_id', ...EVENT_COLUMNS].join(', ');

/**
 * Rows for some tables of the record, sent by COPY in table order (keys referenced before those
 * referring: premises before their events): all of them once `batch` rows are waiting, and on flush.
 * Each row is written as a line of COPY text into its table's buffer as it comes, so it is garbage
 * at once: kept as strings until the batch went, a million premises' records were promoted out of
 * the young generation by the million and the collector took a third of the load.
 */
export function copyBatches<T extends string>(
  db: PgDatabase,
  tables: Readonly<Record<T, string>>,
  batch: number,
  /**
   * Send each batch without waiting for it (SyncPg.copyFromLater): for a load that has the
   * connection to itself. An import's batches are waited for: the requests answered between its
   * slices share its connection, and one of them would otherwise be handed the import's error.
   */
  { later = false }: { later?: boolean } = {},
): { add(table: T, values: readonly unknown[]): void; flush(): void } {
  const waiting = new Map<T, { bytes: Buffer; used: number }>(
    Object.keys(tables).map((t) => [t as T, { bytes: Buffer.allocUnsafe(BUFFER_BYTES), used: 0 }]),
  );
  let count = 0;
  const flush = () => {
    for (const [table, buffer] of waiting) {
      if (buffer.used === 0) continue;
      // A copy of the bytes used goes (the buffer is filled again at once). Sent `later`, the next
      // batch is made while PostgreSQL takes this one in, and whatever comes next (a COPY, a query,
      // the commit) waits for it first.
      const sql = `COPY ${table} (${tables[table]}) FROM STDIN`;
      const bytes = new Uint8Array(buffer.bytes.subarray(0, buffer.used));
      if (later) db.pg.copyFromLater(sql, [bytes]);
      else db.pg.copyFrom(sql, [bytes]);
      buffer.used = 0;
    }
    count = 0;
  };
  return {
    add(table, values) {
      const line = copyLine(values);
      const buffer = waiting.get(table) as { bytes: Buffer; used: number };
      const length = Buffer.byteLength(line);
      if (buffer.used + length > buffer.bytes.length) {
        flush();
        if (length > buffer.bytes.length) buffer.bytes = Buffer.allocUnsafe(length);
      }
      buffer.used += buffer.bytes.write(line, buffer.used);
      if (++count >= batch) flush();
    },
    flush,
  };
}

/** Each table's COPY text is gathered in a buffer of this size (a batch's rows fit in it). */
const BUFFER_BYTES = 4 << 20;

/** One row as a line of COPY's text format. */
function copyLine(values: readonly unknown[]): string {
  let line = copyText(values[0]);
  for (let i = 1; i < values.length; i++) line += `\t${copyText(values[i])}`;
  return `${line}\n`;
}

/** A seed's rows into either store (pgBulkLoader here, sqliteLoader in ../sqlite-bulk-load.ts). */
export interface BulkLoader {
  /** Returns the premise's id, given here rather than by the table: its records refer to it. */
  insertPremise(p: Omit<PremiseRow, 'id'>): number;
  insertEvent(premiseId: number, e: PremiseEvent): void;
  /** Sends what is left, moves the identities past the ids given, and counts the rows in meta. */
  finish(): void;
}

/**
 * Premises and their records into PostgreSQL with COPY instead of an INSERT a row (a round trip
 * each: a million premises with their records would take most of an hour), inside the caller's
 * transaction. Ids are given here, after the highest on record. Where the account may, the rows go
 * in without their triggers (change notices, counters: counted once at the end) — a seed is news
 * to nobody yet.
 */
export function pgBulkLoader(db: PgDatabase): BulkLoader {
  const nextId = (table: string) =>
    Number(db.pg.query(`SELECT coalesce(max(id), 0) + 1 FROM ${table}`).rows[0][0]);
  let premiseId = nextId('premises');
  let eventId = nextId('events');
  // A seed has the connection to itself (the server is not listening yet): its batches go unwaited.
  const rows = copyBatches(db, { premises: PREMISE_COPY_COLUMNS, events: EVENT_COPY_COLUMNS }, BATCH, {
    later: true,
  });
  let premiseCount = 0;
  let eventCount = 0;
  db.pg.query('SAVEPOINT bulk_replica');
  try {
    db.pg.query('SET LOCAL session_replication_role = replica');
  } catch {
    db.pg.query('ROLLBACK TO SAVEPOINT bulk_replica'); // not a superuser: the triggers run
  }
  const rebuild = setIndexesAside(db);
  return {
    insertPremise(p) {
      const id = premiseId++;
      rows.add('premises', [id, ...premiseValues(p)]);
      premiseCount++;
      return id;
    },
    insertEvent(premise, e) {
      rows.add('events', [eventId++, premise, ...eventValues(e)]);
      eventCount++;
    },
    finish() {
      rows.flush();
      rebuild();
      db.pg.query('SET LOCAL session_replication_role = DEFAULT');
      for (const table of ['premises', 'events'])
        db.pg.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${table}), false)`,
        );
      db.pg.query(
        `UPDATE meta SET value = (value::bigint + CASE key WHEN 'data_version' THEN $1::bigint ELSE $2::bigint END)::text
         WHERE key IN ('data_version', 'contacts_version')`,
        [premiseCount + eventCount, premiseCount],
      );
      // Rows loaded past the triggers left no note of which premises changed: a snapshot kept in
      // the record before the load could not be brought up to date, so it goes.
      db.pg.query('DELETE FROM model_snapshots');
      db.pg.query('DELETE FROM model_snapshot_parts');
      db.pg.query('ANALYZE premises');
      db.pg.query('ANALYZE events');
    },
  };
}

/**
 * Into empty tables (a seed), the premises' and records' indexes other than their keys are dropped
 * for the load and built once after it from the whole of it (in the same transaction, so an error
 * leaves them as they were): kept up to date row by row, the GiST index on the points and the
 * records' seven took most of a million premises' load. Returns the function that builds them again.
 */
function setIndexesAside(db: PgDatabase): () => void {
  const empty = db.pg.query(
    'SELECT NOT EXISTS (SELECT 1 FROM premises) AND NOT EXISTS (SELECT 1 FROM events)',
  ).rows[0][0];
  if (!empty) return () => {};
  // Not those behind a constraint (the keys, the unique archive number): the load itself needs them.
  const indexes = db.pg.query(
    `SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
       FROM pg_index i
      WHERE i.indrelid IN ('premises'::regclass, 'events'::regclass)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  ).rows as [string, string][];
  for (const [name] of indexes) db.pg.query(`DROP INDEX ${name}`);
  return () => {
    db.pg.query("SET LOCAL maintenance_work_mem = '256MB'");
    for (const [, definition] of indexes) db.pg.query(definition);
  };
}

/**
 * Rows an import sends per COPY: small enough that one takes tens of milliseconds, for the server
 * waits on it (other requests are answered between them).
 */
const IMPORT_BATCH = 2000;

/** How many ids are taken from a sequence at once. */
const ID_BLOCK = 1000;

/** Ids from a table's identity sequence, a block at a time: unique whatever other servers insert meanwhile. */
function idsFrom(db: PgDatabase, table: string): () => number {
  let block: number[] = [];
  return () => {
    if (block.length === 0)
      block = db.pg
        .query(`SELECT nextval(pg_get_serial_sequence('${table}', 'id')) FROM generate_series(1, $1)`, [
          ID_BLOCK,
        ])
        .rows.map((r) => Number(r[0]))
        .reverse();
    return block.pop() as number;
  };
}

/**
 * An import's rows into PostgreSQL with COPY, inside its transaction, the triggers running (change
 * notices, counters, which premises changed): ids come from the tables' own sequences, and the
 * rows go in batches when `flush` is called or a batch is full. Reads of what was written wait for
 * a flush.
 */
export function pgImportWriter(db: PgDatabase, importId: number): ImportWriter {
  const premiseId = idsFrom(db, 'premises');
  const eventId = idsFrom(db, 'events');
  // In the order foreign keys need: a premise before its events and reviews.
  const rows = copyBatches(
    db,
    {
      premises: PREMISE_COPY_COLUMNS,
      events: EVENT_COPY_COLUMNS,
      geocode_reviews: 'premise_id, address, method, confidence, matched_text, conflict',
      import_items: 'import_id, row_no, action, entity, entity_id, before, after',
    },
    IMPORT_BATCH,
  );
  return {
    insertPremise(p) {
      const id = premiseId();
      rows.add('premises', [id, ...premiseValues(p)]);
      return id;
    },
    insertEvent(premise, e) {
      const id = eventId();
      rows.add('events', [id, premise, ...eventValues(e)]);
      return id;
    },
    recordItem(item) {
      rows.add('import_items', [importId, ...importItemValues(item)]);
    },
    queueReview(r) {
      rows.add('geocode_reviews', reviewValues(r));
    },
    flush: rows.flush,
  };
}

/** An upload's parsed rows into import_rows by COPY (stageRows on PostgreSQL), inside the caller's transaction. */
export function pgStageRows(
  db: PgDatabase,
  importId: number,
  staged: Iterable<{ rowNo: number; data: unknown }>,
): void {
  const rows = copyBatches(db, { import_rows: 'import_id, row_no, data' }, 5000);
  for (const r of staged) rows.add('import_rows', [importId, r.rowNo, JSON.stringify(r.data)]);
  rows.flush();
}
