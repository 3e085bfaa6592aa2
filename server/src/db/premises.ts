import type { DepartmentCode } from '../domain/auth/roles';
import type { CategoryCode } from '../domain/categories';
import type { EventType, Problem } from '../domain/event-types';
import type { ChecklistRecord } from '../domain/inspection/score-checklist';
import type { LicenceType } from '../domain/licences';
import type { PremiseInput } from '../domain/premise-columns';
import type { PremiseEvent } from '../domain/premise-event';
import { type Db, dialectOf } from './open-database';
import { type CopyKind, readCopyRows } from './pg/copy-out';
import type { PgDatabase } from './pg/pg-database';

export type GeocodeMethod = 'address_point' | 'road_interpolation' | 'village_fallback' | 'manual';

export interface PremiseRow {
  id: number;
  archiveNo: string;
  name: string;
  operator: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string;
  villageId: number;
  category: CategoryCode;
  lng: number;
  lat: number;
  crs: string;
  geocodeMethod: GeocodeMethod;
  keyObject: boolean;
  areaM2: number | null;
  staff: number | null;
  notes: string | null;
}

export interface StoredEvent extends PremiseEvent {
  id: number;
}

/** A premise's own columns, archive_no to notes: the order premiseValues gives their values in. */
export const PREMISE_COLUMNS = [
  'archive_no',
  'name',
  'operator',
  'phone',
  'id_number',
  'address',
  'village_id',
  'category',
  'lng',
  'lat',
  'crs',
  'geocode_method',
  'key_object',
  'area_m2',
  'staff',
  'notes',
] as const;

/** An event's own columns, day to note: the order eventValues gives their values in. */
export const EVENT_COLUMNS = [
  'day',
  'type',
  'problems',
  'deadline_day',
  'passed',
  'licence',
  'licence_no',
  'valid_to_day',
  'note',
] as const;

const placeholders = (n: number) => new Array(n).fill('?').join(', ');

/** A premise's own values, in the order of PREMISE_COLUMNS (the INSERT below and the bulk loaders bind them so). */
export function premiseValues(p: Omit<PremiseRow, 'id'>): unknown[] {
  return [
    p.archiveNo,
    p.name,
    p.operator,
    p.phone,
    p.idNumber,
    p.address,
    p.villageId,
    p.category,
    p.lng,
    p.lat,
    p.crs,
    p.geocodeMethod,
    p.keyObject ? 1 : 0,
    p.areaM2,
    p.staff,
    p.notes,
  ];
}

/** A prepared inserter for premises (imports, the premise form): one statement, reused; returns the new id. */
export function premiseInserter(db: Db): (p: Omit<PremiseRow, 'id'>) => number {
  const stmt = db.prepare(
    `INSERT INTO premises (${PREMISE_COLUMNS.join(', ')}) VALUES (${placeholders(PREMISE_COLUMNS.length)})`,
  );
  return (p) => Number(stmt.run(...premiseValues(p)).lastInsertRowid);
}

/** An event's own values, in the order of EVENT_COLUMNS (the INSERTs below and the bulk loaders bind them so). */
export function eventValues(e: PremiseEvent) {
  return [
    e.day,
    e.type,
    e.problems?.length ? e.problems.join(';') : null,
    e.deadlineDay ?? null,
    e.passed === undefined ? null : e.passed ? 1 : 0,
    e.licence ?? null,
    e.licenceNo ?? null,
    e.validToDay ?? null,
    e.note ?? null,
  ];
}

/** A prepared inserter for many events (imports): one statement, reused; returns the new id. */
export function eventInserter(db: Db): (premiseId: number, e: PremiseEvent) => number {
  const stmt = db.prepare(
    `INSERT INTO events (premise_id, ${EVENT_COLUMNS.join(', ')}) VALUES (${placeholders(EVENT_COLUMNS.length + 1)})`,
  );
  return (premiseId, e) => Number(stmt.run(premiseId, ...eventValues(e)).lastInsertRowid);
}

const premiseColumns = `id, ${PREMISE_COLUMNS.join(', ')}`;

function toPremise(r: Record<string, unknown>): PremiseRow {
  return {
    id: Number(r.id),
    archiveNo: String(r.archive_no),
    name: String(r.name),
    operator: r.operator as string | null,
    phone: r.phone as string | null,
    idNumber: r.id_number as string | null,
    address: String(r.address),
    villageId: Number(r.village_id),
    category: r.category as CategoryCode,
    lng: Number(r.lng),
    lat: Number(r.lat),
    crs: String(r.crs),
    geocodeMethod: r.geocode_method as GeocodeMethod,
    keyObject: r.key_object === 1,
    areaM2: r.area_m2 as number | null,
    staff: r.staff as number | null,
    notes: r.notes as string | null,
  };
}

export function getPremise(db: Db, id: number): PremiseRow | null {
  const r = db.prepare(`SELECT ${premiseColumns} FROM premises WHERE id = ?`).get(id) as
    | Record<string, unknown>
    | undefined;
  return r ? toPremise(r) : null;
}

/** The premises with these ids (one page of a list), by id; ids that do not exist are left out. */
export function premisesByIds(db: Db, ids: readonly number[]): Map<number, PremiseRow> {
  const rows = db
    .prepare(`SELECT ${premiseColumns} FROM premises WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as Record<string, unknown>[];
  return new Map(rows.map((r) => [Number(r.id), toPremise(r)]));
}

function toEvent(r: readonly unknown[]): StoredEvent {
  const [id, day, type, problems, deadline, passed, licence, licenceNo, validTo, note] = r;
  const e: StoredEvent = { id: Number(id), day: Number(day), type: type as EventType };
  if (problems) e.problems = String(problems).split(';') as Problem[];
  if (deadline !== null) e.deadlineDay = Number(deadline);
  if (passed !== null) e.passed = passed === 1;
  if (licence) e.licence = licence as LicenceType;
  if (licenceNo) e.licenceNo = String(licenceNo);
  if (validTo !== null) e.validToDay = Number(validTo);
  if (note) e.note = String(note);
  return e;
}

const eventColumns = 'id, day, type, problems, deadline_day, passed, licence, licence_no, valid_to_day, note';
/**
 * A record's columns as the model reads them by COPY, then its premise's id: only what the status
 * fold reads — not the record's id, the licence's number nor the note (at a million premises, 7 M
 * ids, 2 M licence numbers and notes were a sixth of the bytes PostgreSQL wrote at every start).
 */
const MODEL_EVENT_COLUMNS = 'day, type, problems, deadline_day, passed, licence, valid_to_day, premise_id';
/** What MODEL_EVENT_COLUMNS hold. The problems are a few combinations of a dozen codes. */
const MODEL_EVENT_KINDS: CopyKind[] = ['int', 'code', 'code', 'int', 'int', 'code', 'int', 'int'];

/**
 * A record as the model reads it (MODEL_EVENT_COLUMNS), its problems split once per combination:
 * records that share one share its array (the fold only reads them).
 */
function modelEventReader(): (r: readonly unknown[]) => PremiseEvent {
  const split = new Map<string, Problem[]>();
  const problemsOf = (text: string) => {
    let problems = split.get(text);
    if (!problems) {
      problems = text.split(';') as Problem[];
      split.set(text, problems);
    }
    return problems;
  };
  return (r) => {
    const [day, type, problems, deadline, passed, licence, validTo] = r;
    const e: PremiseEvent = { day: day as number, type: type as EventType };
    if (problems) e.problems = problemsOf(problems as string);
    if (deadline !== null) e.deadlineDay = deadline as number;
    if (passed !== null) e.passed = passed === 1;
    if (licence) e.licence = licence as LicenceType;
    if (validTo !== null) e.validToDay = validTo as number;
    return e;
  };
}

/** The premise's events in the order they apply: by day, then as recorded. */
export function listEvents(db: Db, premiseId: number): StoredEvent[] {
  return (
    db
      .prepare(`SELECT ${eventColumns} FROM events WHERE premise_id = ? ORDER BY day, id`)
      .raw()
      .all(premiseId) as unknown[][]
  ).map(toEvent);
}

/** The model's view of one premise, or null if it does not exist. */
export function premiseInput(db: Db, id: number): PremiseInput | null {
  const p = getPremise(db, id);
  if (!p) return null;
  return {
    id: p.id,
    lng: p.lng,
    lat: p.lat,
    category: p.category,
    villageId: p.villageId,
    events: listEvents(db, id),
  };
}

/**
 * Every premise with its records, ordered by id, each handed to `visit` as it is read (building the
 * model at start): on PostgreSQL by COPY (everyPremiseInputOnPostgres), on SQLite through one cursor.
 */
export function eachPremiseInput(db: Db, visit: (p: PremiseInput) => void): void {
  if (dialectOf(db) === 'postgres') everyPremiseInputOnPostgres(db as unknown as PgDatabase, visit);
  else for (const p of streamPremiseInputs(db)) visit(p);
}

/**
 * Streams every premise (or those with an id in fromId..toId, or of a list) with its events,
 * ordered by id, through one cursor (building the model on SQLite, bringing an import's premises
 * or other servers' changes into it).
 */
export function* streamPremiseInputs(
  db: Db,
  {
    fromId = 0,
    toId = Number.MAX_SAFE_INTEGER,
    ids,
  }: { fromId?: number; toId?: number; ids?: readonly number[] } = {},
): Generator<PremiseInput> {
  // Every premise in a range of ids, or those of a list (scattered ids, a few thousand at most).
  const which = ids ? 'p.id IN (SELECT value FROM json_each(?))' : 'p.id BETWEEN ? AND ?';
  const rows = db
    .prepare(
      `SELECT p.id, p.lng, p.lat, p.category, p.village_id,
              e.id, e.day, e.type, e.problems, e.deadline_day, e.passed, e.licence, NULL, e.valid_to_day, NULL
       FROM premises p LEFT JOIN events e ON e.premise_id = p.id
       WHERE ${which}
       ORDER BY p.id, e.day, e.id`,
    )
    .raw()
    .iterate(...(ids ? [JSON.stringify(ids)] : [fromId, toId])) as IterableIterator<unknown[]>;
  let current: PremiseInput | null = null;
  let events: PremiseEvent[] = [];
  for (const r of rows) {
    const id = Number(r[0]);
    if (!current || current.id !== id) {
      if (current) yield current;
      events = [];
      current = {
        id,
        lng: Number(r[1]),
        lat: Number(r[2]),
        category: r[3] as CategoryCode,
        villageId: Number(r[4]),
        events,
      };
    }
    if (r[5] !== null) events.push(toEvent(r.slice(5)));
  }
  if (current) yield current;
}

/**
 * Every premise with its records on PostgreSQL, read by COPY in two passes of one snapshot: the
 * premises in id order, kept (a million are a few tens of MB in columns), then the records in their
 * premises' order as the events_premise index keeps them, each premise handed on once its records
 * are past. Through a cursor, the same rows took a minute at a million premises: most of it in
 * making each row's values in the worker thread and copying them across to this one; and joined in
 * one query, PostgreSQL sorted the join again.
 */
function everyPremiseInputOnPostgres(db: PgDatabase, visit: (p: PremiseInput) => void): void {
  // One snapshot for both passes, unless the caller's transaction already holds one.
  const own = !db.inTransaction;
  if (own) db.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const ids: number[] = [];
    const lngs: number[] = [];
    const lats: number[] = [];
    const categories: CategoryCode[] = [];
    const villages: number[] = [];
    readCopyRows(
      db.pg.copyTo('COPY (SELECT id, lng, lat, category, village_id FROM premises ORDER BY id) TO STDOUT'),
      ['int', 'text', 'text', 'code', 'int'],
      (r) => {
        ids.push(r[0] as number);
        lngs.push(Number(r[1]));
        lats.push(Number(r[2]));
        categories.push(r[3] as CategoryCode);
        villages.push(r[4] as number);
      },
    );
    const input = (at: number): PremiseInput => ({
      id: ids[at],
      lng: lngs[at],
      lat: lats[at],
      category: categories[at],
      villageId: villages[at],
      events: [],
    });
    let at = 0;
    let current = ids.length > 0 ? input(0) : null;
    const toModelEvent = modelEventReader();
    readCopyRows(
      db.pg.copyTo(`COPY (SELECT ${MODEL_EVENT_COLUMNS} FROM events ORDER BY premise_id, day, id) TO STDOUT`),
      MODEL_EVENT_KINDS,
      (r) => {
        const premiseId = r[7] as number;
        while (current && current.id < premiseId) {
          visit(current);
          current = ++at < ids.length ? input(at) : null;
        }
        // not possible in one snapshot: a record's premise is there
        if (current?.id === premiseId) (current.events as PremiseEvent[]).push(toModelEvent(r));
      },
    );
    while (current) {
      visit(current);
      current = ++at < ids.length ? input(at) : null;
    }
  } finally {
    if (own) db.exec('COMMIT');
  }
}

/** The day of the earliest supervision record, or null when there is none. */
export function firstEventDay(db: Db): number | null {
  const day = db.prepare('SELECT min(day) FROM events').pluck().get();
  return day === null || day === undefined ? null : Number(day);
}

/** The day of the latest supervision record, or null when there is none. */
export function lastEventDay(db: Db): number | null {
  const day = db.prepare('SELECT max(day) FROM events').pluck().get();
  return day === null || day === undefined ? null : Number(day);
}

/** Who made a record and how, beyond what the status fold reads (stored beside the event). */
export interface EventMeta {
  actor: string | null;
  departments?: readonly DepartmentCode[];
  /** ordered: who answers for the rectification (责任人). */
  responsible?: string | null;
  /** inspected / reinspected: the checklist as answered, with the standard's version. */
  checklist?: ChecklistRecord | null;
  /** The id a phone gave the record it made offline: the same id twice is recorded once. */
  clientId?: string | null;
  /** The inspection or re-inspection an order to rectify was issued with. */
  parentEventId?: number | null;
}

/** A record as the premise file shows it: the event, who made it, and when it was entered. */
export interface EventRecord extends StoredEvent {
  premiseId: number;
  actor: string | null;
  departments: DepartmentCode[];
  responsible: string | null;
  checklist: ChecklistRecord | null;
  clientId: string | null;
  parentEventId: number | null;
  /** When it was entered (ISO timestamp), as against `day`, the day it happened. */
  recordedAt: string;
}

/** Writes one record with who made it; returns its id. */
export function recordEvent(db: Db, premiseId: number, e: PremiseEvent, meta: EventMeta): number {
  return Number(
    db
      .prepare(
        `INSERT INTO events (premise_id, day, type, problems, deadline_day, passed, licence, licence_no,
           valid_to_day, note, actor, departments, responsible, checklist, client_id, parent_event_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        premiseId,
        ...eventValues(e),
        meta.actor,
        meta.departments ? JSON.stringify(meta.departments) : null,
        meta.responsible ?? null,
        meta.checklist ? JSON.stringify(meta.checklist) : null,
        meta.clientId ?? null,
        meta.parentEventId ?? null,
      ).lastInsertRowid,
  );
}

const recordColumns = `${eventColumns}, premise_id, actor, departments, responsible, checklist, client_id,
  parent_event_id, created_at`;

function toRecord(r: unknown[]): EventRecord {
  const [premiseId, actor, departments, responsible, checklist, clientId, parentId, createdAt] = r.slice(10);
  return {
    ...toEvent(r.slice(0, 10)),
    premiseId: Number(premiseId),
    actor: (actor as string | null) ?? null,
    departments: departments ? (JSON.parse(String(departments)) as DepartmentCode[]) : [],
    responsible: (responsible as string | null) ?? null,
    checklist: checklist ? (JSON.parse(String(checklist)) as ChecklistRecord) : null,
    clientId: (clientId as string | null) ?? null,
    parentEventId: parentId === null ? null : Number(parentId),
    recordedAt: String(createdAt),
  };
}

/** The premise's records in the order they apply (by day, then as entered), with who made them. */
export function listEventRecords(db: Db, premiseId: number): EventRecord[] {
  return (
    db
      .prepare(`SELECT ${recordColumns} FROM events WHERE premise_id = ? ORDER BY day, id`)
      .raw()
      .all(premiseId) as unknown[][]
  ).map(toRecord);
}

export function getEventRecord(db: Db, id: number): EventRecord | null {
  const r = db.prepare(`SELECT ${recordColumns} FROM events WHERE id = ?`).raw().get(id) as
    | unknown[]
    | undefined;
  return r ? toRecord(r) : null;
}

/** The record a phone sent under `clientId`, if it was recorded already. */
export function eventRecordByClientId(db: Db, clientId: string): EventRecord | null {
  const r = db.prepare(`SELECT ${recordColumns} FROM events WHERE client_id = ?`).raw().get(clientId) as
    | unknown[]
    | undefined;
  return r ? toRecord(r) : null;
}

/** The records entered on a premise after the record `afterId` (what an offline phone did not know of). */
export function eventRecordsEnteredAfter(db: Db, premiseId: number, afterId: number): EventRecord[] {
  return (
    db
      .prepare(`SELECT ${recordColumns} FROM events WHERE premise_id = ? AND id > ? ORDER BY id`)
      .raw()
      .all(premiseId, afterId) as unknown[][]
  ).map(toRecord);
}

/** The records issued with another (an inspection's order to rectify). */
export function childEventRecords(db: Db, parentId: number): EventRecord[] {
  return (
    db
      .prepare(`SELECT ${recordColumns} FROM events WHERE parent_event_id = ? ORDER BY id`)
      .raw()
      .all(parentId) as unknown[][]
  ).map(toRecord);
}

/** When the premise's own fields were last changed (ISO timestamp), or null when there is no such premise. */
export function premiseUpdatedAt(db: Db, id: number): string | null {
  const at = db.prepare('SELECT updated_at FROM premises WHERE id = ?').pluck().get(id);
  return at === undefined ? null : String(at);
}

export function archiveNumbers(db: Db): string[] {
  return db.prepare('SELECT archive_no FROM premises').pluck().all() as string[];
}

export function premiseIdByArchiveNo(db: Db, archiveNo: string): number | null {
  const id = db.prepare('SELECT id FROM premises WHERE archive_no = ?').pluck().get(archiveNo);
  return id === undefined ? null : Number(id);
}

/** The fields of a premise a person may change in its file. */
export type EditableFields = Pick<
  PremiseRow,
  | 'name'
  | 'category'
  | 'address'
  | 'operator'
  | 'phone'
  | 'idNumber'
  | 'notes'
  | 'keyObject'
  | 'areaM2'
  | 'staff'
  | 'villageId'
  | 'lng'
  | 'lat'
  | 'crs'
  | 'geocodeMethod'
>;

const editableColumns: Record<keyof EditableFields, string> = {
  name: 'name',
  category: 'category',
  address: 'address',
  operator: 'operator',
  phone: 'phone',
  idNumber: 'id_number',
  notes: 'notes',
  keyObject: 'key_object',
  areaM2: 'area_m2',
  staff: 'staff',
  villageId: 'village_id',
  lng: 'lng',
  lat: 'lat',
  crs: 'crs',
  geocodeMethod: 'geocode_method',
};

/**
 * Writes the given fields and returns the new updated_at. The stamp always moves forward, by a
 * millisecond when the clock has not, so an editor holding the old stamp is always told.
 */
export function updatePremise(db: Db, id: number, fields: Partial<EditableFields>): string {
  const entries = Object.entries(fields).filter(([k]) => k in editableColumns) as [
    keyof EditableFields,
    unknown,
  ][];
  const sets = entries.map(([k]) => `${editableColumns[k]} = ?, `).join('');
  const values = entries.map(([k, v]) => (k === 'keyObject' ? (v ? 1 : 0) : v));
  db.prepare(
    `UPDATE premises SET ${sets}updated_at = CASE
       WHEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') > updated_at THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       ELSE strftime('%Y-%m-%dT%H:%M:%fZ', updated_at, '+0.001 seconds') END
     WHERE id = ?`,
  ).run(...values, id);
  return premiseUpdatedAt(db, id) as string;
}
