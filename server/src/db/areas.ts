import type { Polygonal } from '../domain/areas/point-in-polygon';
import { audit } from './audit';
import type { Db } from './open-database';

/** Why leaders keep an eye on an area. */
export const AREA_REASONS = ['concentration', 'unlicensed_hotspot', 'other'] as const;
export type AreaReason = (typeof AREA_REASONS)[number];

/** A key area (重点区域) as stored: its fields, its shape as GeoJSON, and when it was written. */
export interface AreaRow {
  id: number;
  name: string;
  reason: AreaReason;
  note: string;
  /** YYYY-MM-DD, inclusive; null when open. */
  activeFrom: string | null;
  activeTo: string | null;
  geometry: Polygonal;
  createdAt: string;
  updatedAt: string;
}

export type AreaFields = Omit<AreaRow, 'id' | 'createdAt' | 'updatedAt'>;

const columns = 'id, name, reason, note, active_from, active_to, geometry, created_at, updated_at';

function statementsFor(db: Db) {
  return {
    list: db.prepare(`SELECT ${columns} FROM areas ORDER BY id`),
    get: db.prepare(`SELECT ${columns} FROM areas WHERE id = ?`),
    insert: db.prepare(
      `INSERT INTO areas (name, reason, note, active_from, active_to, geometry)
       VALUES (@name, @reason, @note, @activeFrom, @activeTo, @geometry)`,
    ),
    update: db.prepare(
      `UPDATE areas SET name = @name, reason = @reason, note = @note, active_from = @activeFrom,
         active_to = @activeTo, geometry = @geometry, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE id = @id`,
    ),
    remove: db.prepare('DELETE FROM areas WHERE id = ?'),
    premiseSummaries: db.prepare(
      `SELECT id, archive_no, name, address FROM premises WHERE id IN (SELECT value FROM json_each(?))`,
    ),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof statementsFor>>();

/** The prepared statements of this module for `db`, prepared once per connection. */
function sql(db: Db) {
  let s = prepared.get(db);
  if (!s) {
    s = statementsFor(db);
    prepared.set(db, s);
  }
  return s;
}

function toArea(r: Record<string, unknown>): AreaRow {
  return {
    id: Number(r.id),
    name: String(r.name),
    reason: r.reason as AreaReason,
    note: String(r.note),
    activeFrom: r.active_from === null ? null : String(r.active_from),
    activeTo: r.active_to === null ? null : String(r.active_to),
    geometry: JSON.parse(String(r.geometry)),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

const params = (f: AreaFields) => ({
  name: f.name,
  reason: f.reason,
  note: f.note,
  activeFrom: f.activeFrom,
  activeTo: f.activeTo,
  geometry: JSON.stringify(f.geometry),
});

export function listAreas(db: Db): AreaRow[] {
  return (sql(db).list.all() as Record<string, unknown>[]).map(toArea);
}

export function getArea(db: Db, id: number): AreaRow | null {
  const r = sql(db).get.get(id) as Record<string, unknown> | undefined;
  return r ? toArea(r) : null;
}

/** Stores a new area and audits it, in one transaction. */
export function createArea(db: Db, fields: AreaFields, actor: string | null = null): AreaRow {
  return db.transaction(() => {
    const id = Number(sql(db).insert.run(params(fields)).lastInsertRowid);
    const after = getArea(db, id) as AreaRow;
    audit(db, { actor, action: 'create', entity: 'area', entityId: id, after });
    return after;
  })();
}

/** Replaces an area's fields and audits before and after; null when there is no such area. */
export function updateArea(
  db: Db,
  id: number,
  fields: AreaFields,
  actor: string | null = null,
): AreaRow | null {
  return db.transaction(() => {
    const before = getArea(db, id);
    if (!before) return null;
    sql(db).update.run({ id, ...params(fields) });
    const after = getArea(db, id) as AreaRow;
    audit(db, { actor, action: 'update', entity: 'area', entityId: id, before, after });
    return after;
  })();
}

/** Deletes an area and audits what it was; false when there is no such area. */
export function deleteArea(db: Db, id: number, actor: string | null = null): boolean {
  return db.transaction(() => {
    const before = getArea(db, id);
    if (!before) return false;
    sql(db).remove.run(id);
    audit(db, { actor, action: 'delete', entity: 'area', entityId: id, before });
    return true;
  })();
}

export interface PremiseSummary {
  archiveNo: string;
  name: string;
  address: string;
}

/** Archive number, name and address of the given premises (for lists of what an area holds). */
export function premiseSummaries(db: Db, ids: readonly number[]): Map<number, PremiseSummary> {
  const out = new Map<number, PremiseSummary>();
  const rows = sql(db).premiseSummaries.all(JSON.stringify(ids)) as Record<string, unknown>[];
  for (const r of rows) {
    out.set(Number(r.id), {
      archiveNo: String(r.archive_no),
      name: String(r.name),
      address: String(r.address),
    });
  }
  return out;
}
