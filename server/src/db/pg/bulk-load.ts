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
   * Send each batch without waiting for it (SyncPg.copyFromLater), and while PostgreSQL is still at
   * an earlier request, keep the batch until it is done rather than wait: for a load that has the
   * connection to itself. An import's batches are waited for: the requests answered between its
   * slices share its connection, and one of them would otherwise be handed the import's error.
   */
  { later = false }: { later?: boolean } = {},
): {
  add(table: T, values: readonly unknown[]): void;
  /** Sends every row given so far (`later`, the last of them still unanswered). */
  flush(): void;
} {
  const filling = new Map<T, { bytes: Buffer; used: number }>(
    Object.keys(tables).map((t) => [t as T, { bytes: Buffer.allocUnsafe(BUFFER_BYTES), used: 0 }]),
  );
  /** Batches made and not sent yet, by table. */
  const kept = new Map<T, Uint8Array[]>(Object.keys(tables).map((t) => [t as T, []]));
  let keptBytes = 0;
  let count = 0;
  /** Each table's kept batches in one COPY, in table order; unless `all`, only while PostgreSQL is free. */
  const send = (all: boolean) => {
    for (const [table, chunks] of kept) {
      if (chunks.length === 0) continue;
      // A table's rows go only once those of the tables before it have all gone.
      if (later && !all && db.pg.busy()) return;
      const sql = `COPY ${table} (${tables[table]}) FROM STDIN`;
      if (later) db.pg.copyFromLater(sql, chunks);
      else db.pg.copyFrom(sql, chunks);
      kept.set(table, []);
      for (const chunk of chunks) keptBytes -= chunk.byteLength;
    }
  };
  const seal = () => {
    for (const [table, buffer] of filling) {
      if (buffer.used === 0) continue;
      // A copy of the bytes used is kept (the buffer is filled again at once).
      kept.get(table)?.push(new Uint8Array(buffer.bytes.subarray(0, buffer.used)));
      keptBytes += buffer.used;
      buffer.used = 0;
    }
    count = 0;
    // Sent `later`, the next batch is made while PostgreSQL takes this one in, and whatever comes next
    // (a COPY, a query, the commit) waits for it first. Rows kept past a bound are sent, waiting.
    send(keptBytes > MAX_KEPT_BYTES);
  };
  return {
    add(table, values) {
      const line = copyLine(values);
      const buffer = filling.get(table) as { bytes: Buffer; used: number };
      // At most three bytes a UTF-16 unit in UTF-8: the line's exact length is not worked out.
      const most = line.length * 3;
      if (buffer.used + most > buffer.bytes.length) {
        seal();
        if (most > buffer.bytes.length) buffer.bytes = Buffer.allocUnsafe(most);
      }
      buffer.used += buffer.bytes.write(line, buffer.used);
      if (++count >= batch) seal();
    },
    flush() {
      seal();
      send(true);
    },
  };
}

/** How much COPY text a load keeps while PostgreSQL is busy (building indexes, say) before it waits. */
const MAX_KEPT_BYTES = 512 << 20;

/** Each table's COPY text is gathered in a buffer of this size (a batch's rows fit in it). */
const BUFFER_BYTES = 4 << 20;

/** One row as a line of COPY's text format. */
function copyLine(values: readonly unknown[]): string {
  let line = copyText(values[0]);
  for (let i = 1; i < values.length; i++) line += `\t${copyText(values[i])}`;
  return `${line}\n`;
}

/** The tables a seed loads. */
export type BulkTable = 'premises' | 'events';

/** A seed's rows into either store (pgBulkLoader here, sqliteLoader in ../sqlite-bulk-load.ts). */
export interface BulkLoader {
  /** Returns the premise's id, given here rather than by the table: its records refer to it. */
  insertPremise(p: Omit<PremiseRow, 'id'>): number;
  insertEvent(premiseId: number, e: PremiseEvent): void;
  /** Every row of `table` has been given: its indexes may be built while the other table's are read. */
  endOf(table: BulkTable): void;
  /** Sends what is left, moves the identities past the ids given, and counts the rows in meta. */
  finish(): void;
}

/**
 * Premises and their records into PostgreSQL with COPY instead of an INSERT a row (a round trip
 * each: a million premises with their records would take most of an hour), inside the caller's
 * transaction. Ids are given here, after the highest on record. Where the account may, the rows go
 * in without their triggers (change notices, counters: counted once at the end) — a seed is news to
 * nobody yet.
 */
export function pgBulkLoader(db: PgDatabase): BulkLoader {
  const nextId = (table: string) =>
    Number(db.pg.query(`SELECT coalesce(max(id), 0) + 1 FROM ${table}`).rows[0][0]);
  let premiseId = nextId('premises');
  let eventId = nextId('events');
  // The stamps the columns' default gives every row of the transaction (now() is its start), written
  // once here: worked out by the default, to_char took 9 s of PostgreSQL's time at a million premises.
  const at = String(
    db.pg.query(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`).rows[0][0],
  );
  // A seed has the connection to itself (the server is not listening yet): its batches go unwaited.
  const rows = copyBatches(
    db,
    {
      premises: `${PREMISE_COPY_COLUMNS}, created_at, updated_at`,
      events: `${EVENT_COPY_COLUMNS}, created_at`,
    },
    BATCH,
    { later: true },
  );
  let premiseCount = 0;
  let eventCount = 0;
  db.pg.query('SAVEPOINT bulk_replica');
  try {
    db.pg.query('SET LOCAL session_replication_role = replica');
  } catch {
    db.pg.query('ROLLBACK TO SAVEPOINT bulk_replica'); // not a superuser: the triggers run
  }
  const aside = setIndexesAside(db);
  const ended = new Set<BulkTable>();
  const endOf = (table: BulkTable) => {
    if (ended.has(table)) return;
    ended.add(table);
    rows.flush();
    const definitions = aside.get(table) ?? [];
    if (definitions.length === 0) return;
    // Built while this thread reads the other table's rows (kept meanwhile: see copyBatches), by one
    // process then, so as not to take this thread's core; the last table's, by as many as PostgreSQL
    // is set to use, as this thread only waits for them.
    const workers = ended.size === 2 ? 'DEFAULT' : '0';
    db.pg.queryLater(
      [
        `SET LOCAL maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`,
        `SET LOCAL max_parallel_maintenance_workers = ${workers}`,
        ...definitions,
      ].join(';\n'),
    );
  };
  return {
    insertPremise(p) {
      const id = premiseId++;
      rows.add('premises', [id, ...premiseValues(p), at, at]);
      premiseCount++;
      return id;
    },
    insertEvent(premise, e) {
      rows.add('events', [eventId++, premise, ...eventValues(e), at]);
      eventCount++;
    },
    endOf,
    finish() {
      endOf('premises');
      endOf('events');
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

/** The memory PostgreSQL sorts an index's keys in when a seed builds it (its default is 64 MB). */
const INDEX_BUILD_MEMORY = '512MB';

/**
 * Partial indexes over few of a seed's records (closures, failed re-inspections, records issued
 * with an inspection, ids a phone gave): kept up to date through the load, which costs it little,
 * where each built after it would read the whole table again for a few thousand rows (2 s apiece at
 * a million premises, while nothing else is left to do: the seed took 66 s on average, 63 s so).
 */
const KEPT_DURING_LOAD = ['events_closures', 'events_failed', 'events_parent', 'events_client_id'];

/**
 * Into empty tables (a seed), the premises' and records' indexes other than their keys (and
 * KEPT_DURING_LOAD) are dropped for the load and built once after it from the whole of it (in the
 * same transaction, so an error leaves them as they were): kept up to date row by row, the GiST
 * index on the points and the records' big ones took most of a million premises' load. Returns each
 * table's statements that build them again (none when the tables held rows: their indexes stay).
 */
function setIndexesAside(db: PgDatabase): Map<BulkTable, string[]> {
  const aside = new Map<BulkTable, string[]>();
  const empty = db.pg.query(
    'SELECT NOT EXISTS (SELECT 1 FROM premises) AND NOT EXISTS (SELECT 1 FROM events)',
  ).rows[0][0];
  if (!empty) return aside;
  // Not those behind a constraint (the keys, the unique archive number): the load itself needs them.
  const indexes = db.pg.query(
    `SELECT (SELECT relname FROM pg_class WHERE oid = i.indrelid), i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
       FROM pg_index i
      WHERE i.indrelid IN ('premises'::regclass, 'events'::regclass)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        AND (SELECT relname FROM pg_class WHERE oid = i.indexrelid) <> ALL ($1::text[])`,
    [KEPT_DURING_LOAD],
  ).rows as [BulkTable, string, string][];
  for (const [table, name, definition] of indexes) {
    db.pg.query(`DROP INDEX ${name}`);
    aside.set(table, [...(aside.get(table) ?? []), definition]);
  }
  return aside;
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
