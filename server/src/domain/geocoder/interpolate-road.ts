import { measureLine, pointAlong } from './local-metres';
import type { GazetteerRoad } from './types';

/** How far from the centre line a door sits when the road does not say (metres). */
export const DEFAULT_SIDE_OFFSET_METERS = 10;

export interface RoadPosition {
  lngLat: [number, number];
  /** False when the number lies outside the road's range and was clamped to its nearer end. */
  inRange: boolean;
}

/**
 * Where door number `number` is along the road: linear between the range's ends along the line,
 * then set off to the side — odd numbers on the left, even on the right, facing the way the numbers
 * grow (左单右双, the national door-plate rule).
 */
export function interpolateRoad(
  road: GazetteerRoad,
  number: number,
  sideOffsetMeters = DEFAULT_SIDE_OFFSET_METERS,
): RoadPosition {
  const m = measureLine(road.line);
  const span = road.toNumber - road.fromNumber;
  const t = span === 0 ? 0.5 : (number - road.fromNumber) / span;
  const inRange = t >= 0 && t <= 1;
  const { xy, dir } = pointAlong(m, Math.min(1, Math.max(0, t)) * m.length);
  const side = number % 2 === 1 ? 1 : -1;
  const left: [number, number] = [-dir[1], dir[0]];
  const lngLat = m.frame.toLngLat([
    xy[0] + side * sideOffsetMeters * left[0],
    xy[1] + side * sideOffsetMeters * left[1],
  ]);
  return { lngLat, inRange };
}

/**
 * Of the pieces of road bearing one name, the one whose range holds the number, else the one whose
 * range comes nearest to it.
 */
export function pickRoadPiece(pieces: readonly GazetteerRoad[], number: number): GazetteerRoad | null {
  let best: GazetteerRoad | null = null;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const piece of pieces) {
    const lo = Math.min(piece.fromNumber, piece.toNumber);
    const hi = Math.max(piece.fromNumber, piece.toNumber);
    const gap = number < lo ? lo - number : number > hi ? number - hi : 0;
    if (gap < bestGap) {
      best = piece;
      bestGap = gap;
    }
  }
  return best;
}
