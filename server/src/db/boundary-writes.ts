import type { Polygonal } from '../domain/areas/point-in-polygon';
import { geographyChanged } from './geography';
import type { Db } from './open-database';

export type BoundaryLevel = 'village' | 'township';

/** A boundary as it was before an import replaced it. */
export interface BoundaryBefore {
  geometry: Polygonal;
  areaKm2: number | null;
}

/** Replaces a village's (or township's) boundary; returns what it was. */
export function replaceBoundary(
  db: Db,
  level: BoundaryLevel,
  id: number,
  geometry: Polygonal,
  areaKm2: number,
): BoundaryBefore | null {
  geographyChanged(db);
  if (level === 'village') {
    const before = db.prepare('SELECT geometry, area_km2 FROM villages WHERE id = ?').get(id) as
      | { geometry: string; area_km2: number }
      | undefined;
    if (!before) return null;
    db.prepare('UPDATE villages SET geometry = ?, area_km2 = ? WHERE id = ?').run(
      JSON.stringify(geometry),
      areaKm2,
      id,
    );
    return { geometry: JSON.parse(before.geometry), areaKm2: before.area_km2 };
  }
  const before = db.prepare('SELECT geometry FROM townships WHERE id = ?').pluck().get(id) as
    | string
    | undefined;
  if (before === undefined) return null;
  db.prepare('UPDATE townships SET geometry = ? WHERE id = ?').run(JSON.stringify(geometry), id);
  return { geometry: JSON.parse(before), areaKm2: null };
}

/** Puts back a boundary an import replaced. */
export function restoreBoundary(db: Db, level: BoundaryLevel, id: number, before: BoundaryBefore): void {
  geographyChanged(db);
  if (level === 'village') {
    db.prepare('UPDATE villages SET geometry = ?, area_km2 = ? WHERE id = ?').run(
      JSON.stringify(before.geometry),
      before.areaKm2,
      id,
    );
  } else {
    db.prepare('UPDATE townships SET geometry = ? WHERE id = ?').run(JSON.stringify(before.geometry), id);
  }
}

/** The current boundary of a village or township, as stored (for checking nothing replaced it since). */
export function currentBoundaryText(db: Db, level: BoundaryLevel, id: number): string | null {
  const table = level === 'village' ? 'villages' : 'townships';
  return (
    (db.prepare(`SELECT geometry FROM ${table} WHERE id = ?`).pluck().get(id) as string | undefined) ?? null
  );
}

/** How many premises each of the villages holds (for refusing to remove a village in use). */
export function premisesInVillages(db: Db, villageIds: readonly number[]): number {
  return Number(
    db
      .prepare('SELECT count(*) FROM premises WHERE village_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .get(JSON.stringify(villageIds)),
  );
}

export function deleteVillages(db: Db, ids: readonly number[]): void {
  geographyChanged(db);
  db.prepare('DELETE FROM villages WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
}
