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
  db.prepare('UPDATE townships SET geometry = ?, outline = ? WHERE id = ?').run(
    JSON.stringify(geometry),
    outline,
    id,
  );
}

export function deleteTownship(db: Db, id: number): void {
  db.prepare('DELETE FROM townships WHERE id = ?').run(id);
}

export function insertVillage(db: Db, v: Omit<VillageRow, 'id'>): number {
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

export function insertBasemapFeature(db: Db, f: Omit<BasemapFeatureRow, 'id'>): void {
  db.prepare(
    'INSERT INTO basemap_features (layer, class, name, width_m, geometry) VALUES (?, ?, ?, ?, ?)',
  ).run(f.layer, f.class, f.name, f.widthM, JSON.stringify(f.geometry));
}

/** Renames a township or gives it its code (the set-up revised); its outline stays. */
export function renameTownship(db: Db, id: number, t: { code: string; name: string }): void {
  db.prepare('UPDATE townships SET code = ?, name = ? WHERE id = ?').run(t.code, t.name, id);
}

export function listTownships(db: Db): TownshipRow[] {
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

export function listVillages(db: Db): VillageRow[] {
  return (
    db.prepare(`SELECT ${villageColumns} FROM villages ORDER BY code`).all() as Record<string, unknown>[]
  ).map(toVillage);
}

export function getVillage(db: Db, id: number): VillageRow | null {
  const r = db.prepare(`SELECT ${villageColumns} FROM villages WHERE id = ?`).get(id) as
    | Record<string, unknown>
    | undefined;
  return r ? toVillage(r) : null;
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
