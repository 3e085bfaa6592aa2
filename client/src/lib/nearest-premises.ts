import type { CampaignDay } from './campaign-days';
import type { PremisesData } from './premises-binary';

const EARTH_RADIUS_METERS = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance between two WGS-84 points, in metres (haversine; exact enough at street scale). */
export function metersBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A premise near a point: its row in the layer, id, where it is, how far, and its status row on the day. */
export interface NearbyPremise {
  row: number;
  id: number;
  lngLat: [number, number];
  meters: number;
  /** Index into campaign.statuses on the day. */
  status: number;
  category: number;
  village: number;
}

export interface NearestOptions {
  /** How many to answer, nearest first. */
  limit: number;
  /** Only premises on the map on this day (surveyed, any status). */
  day: CampaignDay;
  /** Only premises of this village. */
  village?: number | null;
}

/**
 * The premises of the layer nearest to `origin`, nearest first (ties by id). One pass over the
 * intervals for the day's status, one over the premises for the distances: O(n) in typed arrays.
 */
export function nearestPremises(
  data: PremisesData,
  origin: readonly [number, number],
  { limit, day, village = null }: NearestOptions,
): NearbyPremise[] {
  const statusOf = new Int16Array(data.premiseCount).fill(-1);
  for (let k = 0; k < data.intervalCount; k++) {
    if (data.from[k] <= day && day < data.to[k]) statusOf[data.premise[k]] = data.status[k];
  }
  const found: NearbyPremise[] = [];
  for (let p = 0; p < data.premiseCount; p++) {
    if (statusOf[p] < 0) continue;
    if (village !== null && data.village[p] !== village) continue;
    const lngLat: [number, number] = [data.position[2 * p], data.position[2 * p + 1]];
    found.push({
      row: p,
      id: data.id[p],
      lngLat,
      meters: metersBetween(origin, lngLat),
      status: statusOf[p],
      category: data.category[p],
      village: data.village[p],
    });
  }
  found.sort((a, b) => a.meters - b.meters || a.id - b.id);
  return found.slice(0, limit);
}

/**
 * A rectangle holding every point, its edges pushed out to a grid of `stepDeg` so that a phone moving
 * a few metres asks for the same rectangle again (and finds it in the cache, offline too).
 */
export function snappedBounds(
  points: readonly (readonly [number, number])[],
  stepDeg: number,
): [number, number, number, number] | null {
  if (points.length === 0) return null;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of points) {
    west = Math.min(west, lng);
    south = Math.min(south, lat);
    east = Math.max(east, lng);
    north = Math.max(north, lat);
  }
  const down = (v: number) => Math.round(Math.floor(v / stepDeg - 1e-9) * stepDeg * 1e6) / 1e6;
  const up = (v: number) => Math.round(Math.ceil(v / stepDeg + 1e-9) * stepDeg * 1e6) / 1e6;
  return [down(west), down(south), up(east), up(north)];
}

/** A bounding box as a GeoJSON polygon (counter-clockwise). */
export function boundsPolygon([west, south, east, north]: readonly [number, number, number, number]) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}
