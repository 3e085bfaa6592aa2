import type { PremiseEvent } from '../../domain/premise-event';
import { importItemValues } from '../import-items';
import { type ImportWriter, reviewValues } from '../import-writes';
import { eventValues, type PremiseRow, premiseValues } from '../premises';
import { copyText } from './copy-to-postgres';
import type { PgDatabase } from './pg-database';

/** Rows sent per COPY: a few MB of text each. */
const BATCH = 20_000;

const PREMISE_COLUMNS =
  'id, archive_no, name, operator, phone, id_number, address, village_id, category, lng, lat, crs, geocode_method, key_object, area_m2, staff, notes';
const EVENT_COLUMNS =
  'id, premise_id, day, type, problems, deadline_day, passed, licence, licence_no, valid_to_day, note';

export interface BulkLoader {
  insertPremise(p: Omit<PremiseRow, 'id'>): number;
  insertEvent(premiseId: number, e: PremiseEvent): number;
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
  let premises: string[] = [];
  let events: string[] = [];
  let premiseCount = 0;
  let eventCount = 0;
  db.pg.query('SAVEPOINT bulk_replica');
  try {
    db.pg.query('SET LOCAL session_replication_role = replica');
  } catch {
    db.pg.query('ROLLBACK TO SAVEPOINT bulk_replica'); // not a superuser: the triggers run
  }
  const line = (values: unknown[]) => `${values.map(copyText).join('\t')}\n`;
  const flushPremises = () => {
    if (premises.length === 0) return;
    db.pg.copyFrom(`COPY premises (${PREMISE_COLUMNS}) FROM STDIN`, [premises.join('')]);
    premises = [];
  };
  const flushEvents = () => {
    flushPremises(); // the premises they belong to first
    if (events.length === 0) return;
    db.pg.copyFrom(`COPY events (${EVENT_COLUMNS}) FROM STDIN`, [events.join('')]);
    events = [];
  };
  return {
    insertPremise(p) {
      const id = premiseId++;
      premises.push(line([id, ...premiseValues(p)]));
      premiseCount++;
      if (premises.length >= BATCH) flushPremises();
      return id;
    },
    insertEvent(premise, e) {
      const id = eventId++;
      events.push(line([id, premise, ...eventValues(e)]));
      eventCount++;
      if (events.length >= BATCH) flushEvents();
      return id;
    },
    finish() {
      flushEvents();
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
  const tables = {
    premises: { columns: PREMISE_COLUMNS, lines: [] as string[] },
    events: { columns: EVENT_COLUMNS, lines: [] as string[] },
    geocode_reviews: {
      columns: 'premise_id, address, method, confidence, matched_text, conflict',
      lines: [] as string[],
    },
    import_items: {
      columns: 'import_id, row_no, action, entity, entity_id, before, after',
      lines: [] as string[],
    },
  };
  const line = (values: unknown[]) => `${values.map(copyText).join('\t')}\n`;
  let buffered = 0;
  const add = (table: keyof typeof tables, values: unknown[]) => {
    tables[table].lines.push(line(values));
    if (++buffered >= IMPORT_BATCH) flush();
  };
  const flush = () => {
    for (const [table, t] of Object.entries(tables)) {
      if (t.lines.length === 0) continue;
      db.pg.copyFrom(`COPY ${table} (${t.columns}) FROM STDIN`, [t.lines.join('')]);
      t.lines = [];
    }
    buffered = 0;
  };
  return {
    insertPremise(p) {
      const id = premiseId();
      add('premises', [id, ...premiseValues(p)]);
      return id;
    },
    insertEvent(premise, e) {
      const id = eventId();
      add('events', [id, premise, ...eventValues(e)]);
      return id;
    },
    recordItem(item) {
      add('import_items', [importId, ...importItemValues(item)]);
    },
    queueReview(r) {
      add('geocode_reviews', reviewValues(r));
    },
    flush,
  };
}
