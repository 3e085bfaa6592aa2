import type { LicenceType } from '../domain/licences';
import type { Contact } from '../domain/worklists/rebound-matches';
import type { OrderFacts } from '../domain/worklists/work-lists';
import { type Db, dialectOf } from './open-database';

/**
 * The records the work lists read, on a day (records after it do not exist yet). Each query runs
 * on a partial covering index of migration 12, named in its comment; worklists.test.ts checks the
 * plans still use them.
 */

/** Records that answer an order to rectify: a re-inspection, or an outcome that ends it. */
const RECTIFICATION = `type IN ('ordered', 'reinspected', 'upgraded', 'model', 'closed', 'converted')`;

// A record's place in a premise's history: by day, then as recorded (the fold's order).
const ORDER_KEY = 'day * 4294967296 + id';

function statementsFor(db: Db) {
  return {
    // events_rectification: the latest of each premise's rectification records is an order
    // (SQLite takes the bare columns from the row where max() is found).
    openOrders: db.prepare(
      dialectOf(db) === 'sqlite'
        ? `SELECT premise_id, max(${ORDER_KEY}), day, deadline_day FROM events
           WHERE ${RECTIFICATION} AND day <= @day
           GROUP BY premise_id
           HAVING type = 'ordered' AND deadline_day BETWEEN @from AND @to`
        : // PostgreSQL has no bare columns: the latest row of each premise is DISTINCT ON's first.
          `SELECT premise_id, 0, day, deadline_day FROM (
             SELECT DISTINCT ON (premise_id) premise_id, type, day, deadline_day FROM events
             WHERE ${RECTIFICATION} AND day <= @day ORDER BY premise_id, day DESC, id DESC) latest
           WHERE type = 'ordered' AND deadline_day BETWEEN @from AND @to`,
    ),
    // events_premise: a few records of each of a few premises
    rectification: db.prepare(
      `SELECT premise_id, type, day, deadline_day FROM events
       WHERE ${RECTIFICATION} AND day <= @day AND premise_id IN (SELECT value FROM json_each(@ids))
       ORDER BY premise_id, day, id`,
    ),
    // events_failed
    failures: db.prepare(
      `SELECT premise_id, count(*), max(day) FROM events
       WHERE type = 'reinspected' AND passed = 0 AND day <= @day
       GROUP BY premise_id HAVING count(*) >= @min`,
    ),
    // events_closures
    closures: db.prepare(
      `SELECT premise_id, max(day) FROM events
       WHERE type IN ('closed', 'converted') AND day <= @day GROUP BY premise_id`,
    ),
    // events_licence_ends, then each premise's own records (events_premise) for a later word on that licence
    endingLicences: db.prepare(
      `SELECT o.premise_id, o.licence, o.licence_no, o.valid_to_day FROM events o
       WHERE o.type = 'licence_obtained' AND o.valid_to_day BETWEEN @day AND @until AND o.day <= @day
         AND o.licence IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM events l
           WHERE l.premise_id = o.premise_id AND l.day BETWEEN o.day AND @day AND l.licence = o.licence
             AND l.type IN ('licence_obtained', 'licence_expired') AND (l.day > o.day OR l.id > o.id))`,
    ),
    contacts: db.prepare('SELECT id, village_id, category, operator, phone, address FROM premises'),
    contactsStamp: db.prepare(
      `SELECT (SELECT value FROM meta WHERE key = 'db_id') || ':' || (SELECT value FROM meta WHERE key = 'contacts_version')`,
    ),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof statementsFor>>();

function sql(db: Db) {
  let s = prepared.get(db);
  if (!s) {
    s = statementsFor(db);
    prepared.set(db, s);
  }
  return s;
}

export interface OpenOrder {
  premiseId: number;
  orderedOn: number;
  deadline: number;
}

/** Orders to rectify still open on `day` (no re-inspection or ending outcome since) with a deadline in [from, to]. */
export function openOrders(db: Db, day: number, from: number, to: number): OpenOrder[] {
  const rows = sql(db).openOrders.raw().all({ day, from, to }) as number[][];
  return rows.map(([premiseId, , orderedOn, deadline]) => ({ premiseId, orderedOn, deadline }));
}

/** The latest order to rectify of each of the premises on `day`, and whether it is still open. */
export function latestOrders(db: Db, day: number, ids: readonly number[]): Map<number, OrderFacts> {
  const out = new Map<number, OrderFacts>();
  if (ids.length === 0) return out;
  const rows = sql(db)
    .rectification.raw()
    .all({ day, ids: JSON.stringify(ids) }) as [number, string, number, number | null][];
  for (const [premiseId, type, orderedOn, deadline] of rows) {
    if (type === 'ordered') out.set(premiseId, { orderedOn, deadline, open: true });
    else {
      const order = out.get(premiseId);
      if (order) order.open = false;
    }
  }
  return out;
}

export interface Failures {
  premiseId: number;
  failures: number;
  lastFailedOn: number;
}

/** Premises with at least `min` failed re-inspections on or before `day`. */
export function repeatedFailures(db: Db, day: number, min: number): Failures[] {
  const rows = sql(db).failures.raw().all({ day, min }) as number[][];
  return rows.map(([premiseId, failures, lastFailedOn]) => ({ premiseId, failures, lastFailedOn }));
}

/** The day of each premise's latest closure or conversion on or before `day`. */
export function closures(db: Db, day: number): Map<number, number> {
  const rows = sql(db).closures.raw().all({ day }) as number[][];
  return new Map(rows.map(([premiseId, closedOn]) => [premiseId, closedOn]));
}

export interface EndingLicence {
  premiseId: number;
  licence: LicenceType;
  licenceNo: string | null;
  validTo: number;
}

/** Licences held and valid on `day` (not replaced or lapsed since they were obtained) that end by `until`. */
export function endingLicences(db: Db, day: number, until: number): EndingLicence[] {
  const rows = sql(db).endingLicences.raw().all({ day, until }) as [
    number,
    LicenceType,
    string | null,
    number,
  ][];
  return rows.map(([premiseId, licence, licenceNo, validTo]) => ({ premiseId, licence, licenceNo, validTo }));
}

/**
 * Changes whenever any premise's operator, phone, address or village does (a trigger counts them),
 * or the record is replaced: what is derived from the contacts may be kept until it changes.
 */
export function contactsStamp(db: Db): string {
  return String(sql(db).contactsStamp.pluck().get());
}

/** Every premise's operator, phone, address, village and trade (for matching, never for a response). */
export function allContacts(db: Db): Contact[] {
  const rows = sql(db).contacts.raw().all() as [
    number,
    number,
    string,
    string | null,
    string | null,
    string,
  ][];
  return rows.map(([id, villageId, category, operator, phone, address]) => ({
    id,
    villageId,
    category,
    operator,
    phone,
    address,
  }));
}

/** The index each query is written for (see the comments above). */
const PLANNED: Record<string, string> = {
  openOrders: 'events_rectification',
  rectification: 'events_premise',
  failures: 'events_failed',
  closures: 'events_closures',
  endingLicences: 'events_licence_ends',
};

/**
 * How SQLite runs each work-list query, with the index it was written for: for a test that fails
 * when a schema change makes a list fall back to scanning every event.
 */
export function worklistQueryPlans(db: Db): { query: string; index: string; plan: string[] }[] {
  const statements = sql(db) as unknown as Record<string, { source: string }>;
  const params = { day: 0, from: 0, to: 0, until: 0, min: 2, ids: '[]' };
  return Object.entries(PLANNED).map(([query, index]) => {
    const explain = db.prepare(`EXPLAIN QUERY PLAN ${statements[query].source}`);
    const plan = (explain.all(params) as { detail: string }[]).map((r) => r.detail);
    return { query, index, plan };
  });
}
