import type { PremiseEvent } from '../../domain/premise-event';
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
