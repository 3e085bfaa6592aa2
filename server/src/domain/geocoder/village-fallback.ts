import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import { localFrame } from './local-metres';
import { hashText, seededRandom } from './spread-random';
import type { GazetteerVillage } from './types';

/** How far fallbacks spread around the village seat (metres). */
export const FALLBACK_SPREAD_METERS = 120;
const TRIES = 24;

function inside(village: GazetteerVillage, lngLat: [number, number]): boolean {
  return booleanPointInPolygon(lngLat, village.geometry);
}

/**
 * Where a village's fallbacks gather: its seat (村委会) when known and inside the polygon, else the
 * centroid when that is inside, else a point turf guarantees is on the polygon.
 */
export function villageAnchor(village: GazetteerVillage): [number, number] {
  if (village.seat && inside(village, village.seat)) return village.seat;
  const c = centroid(village.geometry).geometry.coordinates as [number, number];
  if (inside(village, c)) return c;
  return pointOnFeature(village.geometry).geometry.coordinates as [number, number];
}

/**
 * A point inside the village for an address found no closer than the village: near its seat,
 * spread over a disc by a hash of the address (and `seed`), so many fallbacks in one village do not
 * stack on one pixel while the same address always lands on the same spot. The point is always
 * inside the polygon (a draw outside is retried; after that the anchor itself is used).
 */
export function villageFallback(
  village: GazetteerVillage,
  key: string,
  seed = 0,
  around: [number, number] = villageAnchor(village),
  radiusMeters = FALLBACK_SPREAD_METERS,
): [number, number] {
  const random = seededRandom(hashText(key, seed));
  const frame = localFrame(around);
  for (let i = 0; i < TRIES; i++) {
    const r = radiusMeters * Math.sqrt(random());
    const a = 2 * Math.PI * random();
    const p = frame.toLngLat([r * Math.cos(a), r * Math.sin(a)]);
    if (inside(village, p)) return p;
  }
  return inside(village, around) ? around : villageAnchor(village);
}
