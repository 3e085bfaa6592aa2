import { bbox } from '@turf/turf';
import { listTownships } from '../db/geography';
import type { Db } from '../db/open-database';

/** [west, south, east, north] of all townships; a default view of Hangzhou when there are none. */
export function townshipBbox(db: Db): [number, number, number, number] {
  const townships = listTownships(db);
  if (townships.length === 0) return [120.1, 30.2, 120.4, 30.45];
  const fc: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: townships.map((t) => ({ type: 'Feature', properties: {}, geometry: t.geometry })),
  };
  const [w, s, e, n] = bbox(fc);
  return [w, s, e, n];
}

/** [west, south, east, north] of each township, by id. */
export function townshipBboxes(db: Db): Map<number, [number, number, number, number]> {
  return new Map(
    listTownships(db).map((t) => {
      const [w, s, e, n] = bbox(t.geometry);
      return [t.id, [w, s, e, n]];
    }),
  );
}
