import { commitsByOthers } from './data-version';
import type { Db } from './open-database';

export interface TownshipRow {
  id: number;
  code: string;
  name: string;
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  /** 'villages': made as the union of the villages (no outline was imported); kept up with them. */
  outline: 'imported' | 'villages';
}

export interface VillageRow {
  id: number;
  code: string;
  name: string;
  kind: 'village' | 'community';
  townshipId: number;
  areaKm2: number;
  fringe: boolean;
  pilot: boolean;
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}

export interface BasemapFeatureRow {
  id: number;
  layer: string;
  class: string;
  name: string | null;
  widthM: number | null;
  geometry: GeoJSON.Geometry;
}

export function insertTownship(
  db: Db,
  t: Omit<TownshipRow, 'id' | 'outline'> & { outline?: TownshipRow['outline'] },
): number {
  geographyChanged(db);
  return Number(
    db
      .prepare('INSERT INTO townships (code, name, geometry, outline) VALUES (?, ?, ?, ?)')
      .run(t.code, t.name, JSON.stringify(t.geometry), t.outline ?? 'imported').lastInsertRowid,
  );
}

/** Sets a township's outline and where it came from. */
export function setTownshipOutline(
  db: Db,
  id: number,
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon,
  outline: TownshipRow['outline'],
): void {
  geographyChanged(db);
  db.prepare('UPDATE townships SET geometry = ?, outline = ? WHERE id = ?').run(
    JSON.stringify(geometry),
    outline,
    id,
  );
}

export function deleteTownship(db: Db, id: number): void {
  geographyChanged(db);
  db.prepare('DELETE FROM townships WHERE id = ?').run(id);
}

export function insertVillage(db: Db, v: Omit<VillageRow, 'id'>): number {
  geographyChanged(db);
  return Number(
    db
      .prepare(
        `INSERT INTO villages (code, name, kind, township_id, area_km2, fringe, pilot, geometry)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        v.code,
        v.name,
        v.kind,
        v.townshipId,
        v.areaKm2,
        v.fringe ? 1 : 0,
        v.pilot ? 1 : 0,
        JSON.stringify(v.geometry),
      ).lastInsertRowid,
  );
}

export function insertBasemapFeatures(db: Db, features: readonly Omit<BasemapFeatureRow, 'id'>[]): void {
  // Fifty rows a statement: a district's basemap is thousands of roads and rivers, and a
  // statement each was a round trip each on PostgreSQL (1.3 s of a seed).
  for (let from = 0; from < features.length; from += BASEMAP_ROWS_PER_INSERT) {
    const some = features.slice(from, from + BASEMAP_ROWS_PER_INSERT);
    db.prepare(
      `INSERT INTO basemap_features (layer, class, name, width_m, geometry) VALUES ${some.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
    ).run(...some.flatMap((f) => [f.layer, f.class, f.name, f.widthM, JSON.stringify(f.geometry)]));
  }
}

const BASEMAP_ROWS_PER_INSERT = 50;

/** Renames a township or gives it its code (the set-up revised); its outline stays. */
export function renameTownship(db: Db, id: number, t: { code: string; name: string }): void {
  geographyChanged(db);
  db.prepare('UPDATE townships SET code = ?, name = ? WHERE id = ?').run(t.code, t.name, id);
}

function readTownships(db: Db): TownshipRow[] {
  return (
    db.prepare('SELECT id, code, name, geometry, outline FROM townships ORDER BY id').all() as Record<
      string,
      unknown
    >[]
  ).map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    geometry: JSON.parse(String(r.geometry)),
    outline: r.outline === 'villages' ? 'villages' : 'imported',
  }));
}

/** Every township, its outline parsed (from memory while the boundaries are unchanged). */
export function listTownships(db: Db): TownshipRow[] {
  return parsedGeography(db).townships.map((t) => ({ ...t }));
}

const villageColumns = 'id, code, name, kind, township_id, area_km2, fringe, pilot, geometry';

function toVillage(r: Record<string, unknown>): VillageRow {
  return {
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    kind: r.kind as VillageRow['kind'],
    townshipId: Number(r.township_id),
    areaKm2: Number(r.area_km2),
    fringe: r.fringe === 1,
    pilot: r.pilot === 1,
    geometry: JSON.parse(String(r.geometry)),
  };
}

function readVillages(db: Db): VillageRow[] {
  return (
    db.prepare(`SELECT ${villageColumns} FROM villages ORDER BY code`).all() as Record<string, unknown>[]
  ).map(toVillage);
}

/** Every village by code, its boundary parsed (from memory while the boundaries are unchanged). */
export function listVillages(db: Db): VillageRow[] {
  return parsedGeography(db).villages.map((v) => ({ ...v }));
}

/** Every village's id, code, name and pilot flag, by code, without parsing the boundaries. */
export function listVillageRefs(db: Db): Pick<VillageRow, 'id' | 'code' | 'name' | 'pilot'>[] {
  return (
    db.prepare('SELECT id, code, name, pilot FROM villages ORDER BY code').all() as Record<string, unknown>[]
  ).map((r) => ({ id: Number(r.id), code: String(r.code), name: String(r.name), pilot: r.pilot === 1 }));
}

export function getVillage(db: Db, id: number): VillageRow | null {
  const v = parsedGeography(db).villageById.get(id);
  return v ? { ...v } : null;
}

/**
 * Writes to townships or villages through each connection: every function here (and in
 * boundary-writes) that changes them counts, so the parsed geography below is read again.
 */
const geographyWrites = new WeakMap<Db, number>();

/** Marks the townships and villages as changed (call it with every write to them). */
export function geographyChanged(db: Db): void {
  geographyWrites.set(db, (geographyWrites.get(db) ?? 0) + 1);
}

interface ParsedGeography {
  townships: readonly TownshipRow[];
  villages: readonly VillageRow[];
  villageById: ReadonlyMap<number, VillageRow>;
}

/** The parsed townships and villages per connection, and the change counts they were read at. */
const geographyCache = new WeakMap<Db, { writes: number; othersCommits: number; parsed: ParsedGeography }>();

/**
 * The townships and villages with their boundaries parsed — read and parsed once, then kept until
 * they change: by this process (geographyChanged) or by another connection's commit (SQLite's
 * data_version: the CLI, a restore). At a million premises and 366 villages a fresh read costs
 * 8–9 ms; every key-area and stats request used to pay it. What is read inside a transaction (which
 * may write and roll back), or where other connections' commits cannot be seen, is not kept.
 * The boundaries are frozen: they are shared by every caller.
 */
function parsedGeography(db: Db): ParsedGeography {
  const writes = geographyWrites.get(db) ?? 0;
  const othersCommits = commitsByOthers(db);
  const hit = geographyCache.get(db);
  if (hit && hit.writes === writes && hit.othersCommits === othersCommits) return hit.parsed;
  const townships = readTownships(db);
  const villages = readVillages(db);
  for (const row of [...townships, ...villages]) deepFreeze(row.geometry);
  const parsed = { townships, villages, villageById: new Map(villages.map((v) => [v.id, v])) };
  if (!db.inTransaction && Number.isFinite(othersCommits))
    geographyCache.set(db, { writes, othersCommits, parsed });
  return parsed;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

export function listBasemapFeatures(db: Db, layer: string): BasemapFeatureRow[] {
  return (
    db
      .prepare(
        'SELECT id, layer, class, name, width_m, geometry FROM basemap_features WHERE layer = ? ORDER BY id',
      )
      .all(layer) as Record<string, unknown>[]
  ).map((r) => ({
    id: Number(r.id),
    layer: String(r.layer),
    class: String(r.class),
    name: r.name === null ? null : String(r.name),
    widthM: r.width_m === null ? null : Number(r.width_m),
    geometry: JSON.parse(String(r.geometry)),
  }));
}

export function countPremises(db: Db): number {
  return Number(db.prepare('SELECT count(*) FROM premises').pluck().get());
}
