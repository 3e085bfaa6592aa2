import type { CategoryCode } from '../domain/categories';
import type { EventType, Problem } from '../domain/event-types';
import type { LicenceType } from '../domain/licences';
import type { PremiseInput } from '../domain/premise-columns';
import type { PremiseEvent } from '../domain/premise-event';
import type { Db } from './open-database';

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

/** A prepared inserter for many premises (seeding, imports): one statement, reused; returns the new id. */
export function premiseInserter(db: Db): (p: Omit<PremiseRow, 'id'>) => number {
  const stmt = db.prepare(
    `INSERT INTO premises (archive_no, name, operator, phone, id_number, address, village_id, category,
       lng, lat, crs, geocode_method, key_object, area_m2, staff, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (p) =>
    Number(
      stmt.run(
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
      ).lastInsertRowid,
    );
}

/** A prepared inserter for many events (seeding, imports): one statement, reused; returns the new id. */
export function eventInserter(db: Db): (premiseId: number, e: PremiseEvent) => number {
  const stmt = db.prepare(
    `INSERT INTO events (premise_id, day, type, problems, deadline_day, passed, licence, licence_no, valid_to_day, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (premiseId, e) =>
    Number(
      stmt.run(
        premiseId,
        e.day,
        e.type,
        e.problems?.length ? e.problems.join(';') : null,
        e.deadlineDay ?? null,
        e.passed === undefined ? null : e.passed ? 1 : 0,
        e.licence ?? null,
        e.licenceNo ?? null,
        e.validToDay ?? null,
        e.note ?? null,
      ).lastInsertRowid,
    );
}

const premiseColumns = `id, archive_no, name, operator, phone, id_number, address, village_id, category, lng, lat,
  crs, geocode_method, key_object, area_m2, staff, notes`;

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

function toEvent(r: unknown[]): StoredEvent {
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

/** Streams every premise with its events, ordered by id, through one cursor (for building the model). */
export function* streamPremiseInputs(db: Db): Generator<PremiseInput> {
  const rows = db
    .prepare(
      `SELECT p.id, p.lng, p.lat, p.category, p.village_id,
              e.id, e.day, e.type, e.problems, e.deadline_day, e.passed, e.licence, e.licence_no, e.valid_to_day, e.note
       FROM premises p LEFT JOIN events e ON e.premise_id = p.id
       ORDER BY p.id, e.day, e.id`,
    )
    .raw()
    .iterate() as IterableIterator<unknown[]>;
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
