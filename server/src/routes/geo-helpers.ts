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

type Bbox = [number, number, number, number];

/** Bounds by outline: the parsed outlines are kept (frozen) while unchanged, so each is measured once. */
const boundsOf = new WeakMap<object, Bbox>();

/** [west, south, east, north] of each township, by id. */
export function townshipBboxes(db: Db): Map<number, Bbox> {
  return new Map(
    listTownships(db).map((t) => {
      let b = boundsOf.get(t.geometry);
      if (!b) {
        const [w, s, e, n] = bbox(t.geometry);
        b = [w, s, e, n];
        boundsOf.set(t.geometry, b);
      }
      return [t.id, b];
    }),
  );
}
