import { addressPointFrom } from '../domain/geocoder/address-point-from';
import { fitRoadRanges, type RoadObservation } from '../domain/geocoder/fit-road-ranges';
import { readAddress } from '../domain/geocoder/geocode-address';
import type { AddressPoint, Gazetteer, GazetteerVillage } from '../domain/geocoder/types';
import { regionNames } from '../domain/region';
import { readCampaign } from './campaign';
import { listBasemapFeatures, listVillages } from './geography';
import type { Db } from './open-database';

export interface AliasRow {
  id: number;
  from: string;
  to: string;
}

export function listAliases(db: Db): AliasRow[] {
  return (
    db.prepare('SELECT id, from_name, to_name FROM place_aliases ORDER BY id').all() as Record<
      string,
      unknown
    >[]
  ).map((r) => ({ id: Number(r.id), from: String(r.from_name), to: String(r.to_name) }));
}

export function getAliasByFrom(db: Db, from: string): AliasRow | null {
  const r = db.prepare('SELECT id, from_name, to_name FROM place_aliases WHERE from_name = ?').get(from) as
    | Record<string, unknown>
    | undefined;
  return r ? { id: Number(r.id), from: String(r.from_name), to: String(r.to_name) } : null;
}

export function getAlias(db: Db, id: number): AliasRow | null {
  const r = db.prepare('SELECT id, from_name, to_name FROM place_aliases WHERE id = ?').get(id) as
    | Record<string, unknown>
    | undefined;
  return r ? { id: Number(r.id), from: String(r.from_name), to: String(r.to_name) } : null;
}

export function insertAlias(db: Db, a: { from: string; to: string }): number {
  return Number(
    db.prepare('INSERT INTO place_aliases (from_name, to_name) VALUES (?, ?)').run(a.from, a.to)
      .lastInsertRowid,
  );
}

export function deleteAlias(db: Db, id: number): void {
  db.prepare('DELETE FROM place_aliases WHERE id = ?').run(id);
}

/** A prepared inserter for many address points (imports): one statement, reused; returns the new id. */
export function addressPointInserter(db: Db): (p: AddressPoint) => number {
  const stmt = db.prepare(
    `INSERT INTO address_points (village, grp, road, estate, building, number, lng, lat, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (p) =>
    Number(
      stmt.run(
        p.village ?? null,
        p.group ?? null,
        p.road ?? null,
        p.estate ?? null,
        p.building ?? null,
        p.number ?? null,
        p.lngLat[0],
        p.lngLat[1],
        p.source,
      ).lastInsertRowid,
    );
}

/** Removes address points by id (an import taken back). */
export function deleteAddressPoints(db: Db, ids: readonly number[]): void {
  const stmt = db.prepare('DELETE FROM address_points WHERE id IN (SELECT value FROM json_each(?))');
  for (let i = 0; i < ids.length; i += 10_000) stmt.run(JSON.stringify(ids.slice(i, i + 10_000)));
}

export function listAddressPoints(db: Db): AddressPoint[] {
  const rows = db
    .prepare(
      'SELECT village, grp, road, estate, building, number, lng, lat, source FROM address_points ORDER BY id',
    )
    .all() as Record<string, unknown>[];
  return rows.map((r) => {
    const p: AddressPoint = {
      lngLat: [Number(r.lng), Number(r.lat)],
      source: r.source === 'correction' ? 'correction' : 'import',
    };
    if (r.number !== null) p.number = Number(r.number);
    if (r.village !== null) p.village = String(r.village);
    if (r.grp !== null) p.group = Number(r.grp);
    if (r.road !== null) p.road = String(r.road);
    if (r.estate !== null) p.estate = String(r.estate);
    if (r.building !== null) p.building = Number(r.building);
    return p;
  });
}

export function countAddressPoints(db: Db): { import: number; correction: number } {
  const rows = db.prepare('SELECT source, count(*) AS n FROM address_points GROUP BY source').all() as {
    source: string;
    n: number;
  }[];
  return {
    import: rows.find((r) => r.source === 'import')?.n ?? 0,
    correction: rows.find((r) => r.source === 'correction')?.n ?? 0,
  };
}

function villagesWithSeats(db: Db): GazetteerVillage[] {
  const seats = new Map<string, [number, number]>();
  for (const f of listBasemapFeatures(db, 'place')) {
    if (f.class === 'village_centre' && f.name && f.geometry.type === 'Point') {
      seats.set(f.name, f.geometry.coordinates as [number, number]);
    }
  }
  return listVillages(db).map((v) => ({
    id: v.id,
    code: v.code,
    name: v.name,
    geometry: v.geometry,
    seat: seats.get(v.name),
  }));
}

function roadLines(db: Db): { name: string; line: [number, number][] }[] {
  const lines: { name: string; line: [number, number][] }[] = [];
  for (const f of listBasemapFeatures(db, 'road')) {
    if (!f.name) continue;
    const g = f.geometry;
    if (g.type === 'LineString') lines.push({ name: f.name, line: g.coordinates as [number, number][] });
    if (g.type === 'MultiLineString') {
      for (const part of g.coordinates) lines.push({ name: f.name, line: part as [number, number][] });
    }
  }
  return lines.filter((l) => l.line.length >= 2);
}

/**
 * The gazetteer as the record holds it now:
 * - villages and communities with their polygons, and their seats from the basemap's village centres;
 * - aliases from `place_aliases`;
 * - door plates: every premise matched to a door plate or placed by hand (their points are as good as
 *   a plate; in the demo, which has no plate register, they are the only plates there are), then the
 *   `address_points` table (imports and review corrections; a later row wins, and an import never
 *   overrides a correction);
 * - named basemap roads, with house-number ranges fitted (Theil–Sen along the line) from the plates on
 *   them plus the premises located by road interpolation. A road with no known plate gets the default
 *   spacing (fitRoadRanges: 1 at the first vertex, one number per ~10 m).
 */
export function loadGazetteer(db: Db): Gazetteer {
  const aliases = listAliases(db).map(({ from, to }) => ({ from, to }));
  const campaign = readCampaign(db);
  const region = campaign?.configured ? regionNames(campaign) : [];
  const bare: Gazetteer = { villages: villagesWithSeats(db), points: [], roads: [], aliases, region };
  const premises = db
    .prepare(
      `SELECT address, lng, lat, geocode_method FROM premises
       WHERE geocode_method IN ('address_point', 'manual', 'road_interpolation') ORDER BY id`,
    )
    .all() as { address: string; lng: number; lat: number; geocode_method: string }[];
  const points: AddressPoint[] = [];
  const observations: RoadObservation[] = [];
  for (const p of premises) {
    const lngLat: [number, number] = [p.lng, p.lat];
    if (p.geocode_method === 'road_interpolation') {
      const { parsed } = readAddress(p.address, bare);
      if (parsed.road && parsed.number !== undefined)
        observations.push({ road: parsed.road, number: parsed.number, lngLat });
      continue;
    }
    const point = addressPointFrom(
      p.address,
      lngLat,
      p.geocode_method === 'manual' ? 'correction' : 'import',
      bare,
    );
    if (point) points.push(point);
  }
  points.push(...listAddressPoints(db));
  for (const p of points)
    if (p.road && p.number !== undefined)
      observations.push({ road: p.road, number: p.number, lngLat: p.lngLat });
  return { ...bare, points, roads: fitRoadRanges(roadLines(db), observations) };
}

/**
 * Changes whenever anything the gazetteer is built from changes (for caching it): a premise moved,
 * readdressed or relocated by another method shifts the checksum even if its row's updated_at is not
 * touched. One scan of the premises' columns, a few ms at 50,000.
 */
function fingerprint(db: Db): string {
  return JSON.stringify(
    db
      .prepare(
        `SELECT (SELECT count(*) || ':' || ifnull(max(id), 0) || ':' ||
                   total(lng * 7 + lat * 13 + length(address) + length(geocode_method)) FROM premises),
                (SELECT count(*) || ':' || ifnull(max(id), 0) FROM address_points),
                (SELECT count(*) || ':' || ifnull(max(id), 0) || ':' || ifnull(sum(id), 0) FROM place_aliases),
                (SELECT count(*) || ':' || ifnull(max(id), 0) FROM villages),
                (SELECT count(*) || ':' || ifnull(max(id), 0) FROM basemap_features),
                (SELECT value FROM meta WHERE key = 'campaign')`,
      )
      .raw()
      .get(),
  );
}

const cache = new WeakMap<Db, { key: string; gazetteer: Gazetteer }>();

/** loadGazetteer, reused until the record changes (geocoding one address should not rebuild it). */
export function currentGazetteer(db: Db): Gazetteer {
  const key = fingerprint(db);
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.gazetteer;
  const gazetteer = loadGazetteer(db);
  cache.set(db, { key, gazetteer });
  return gazetteer;
}
