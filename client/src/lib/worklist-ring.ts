import type { PremisesData } from './premises-binary';

/** The premises of a work list as the map rings them: columns ready for the GPU, built once per list. */
export interface WorklistRing {
  /** Which list (its key), for the ring's colour. */
  list: string;
  length: number;
  /** Premise id of each ring, in the list's order (premises the map does not hold are left out). */
  ids: Uint32Array;
  /** lng/lat interleaved. */
  positions: Float32Array;
  /**
   * [first day on the map, day it left the map) of each premise, campaign days: the ring is filtered
   * by the slider date on the GPU with the points' own range, so it never outlives its point.
   */
  filterValues: Float32Array;
}

/**
 * Rings for the listed premises: one pass over the intervals for each premise's span on the map,
 * typed arrays only (O(premises + intervals), never per scrub step).
 */
export function worklistRing(data: PremisesData, list: string, premiseIds: readonly number[]): WorklistRing {
  const rowOfId = new Map<number, number>();
  for (let p = 0; p < data.premiseCount; p++) rowOfId.set(data.id[p], p);
  const ringOfRow = new Int32Array(data.premiseCount).fill(-1);
  const ids: number[] = [];
  for (const id of premiseIds) {
    const p = rowOfId.get(id);
    if (p === undefined || ringOfRow[p] >= 0) continue;
    ringOfRow[p] = ids.length;
    ids.push(id);
  }
  const n = ids.length;
  const positions = new Float32Array(n * 2);
  const filterValues = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const p = rowOfId.get(ids[i]) as number;
    positions[i * 2] = data.position[p * 2];
    positions[i * 2 + 1] = data.position[p * 2 + 1];
    // An empty span until an interval widens it: a premise without intervals is never ringed.
    filterValues[i * 2] = Number.POSITIVE_INFINITY;
    filterValues[i * 2 + 1] = Number.NEGATIVE_INFINITY;
  }
  for (let k = 0; k < data.intervalCount; k++) {
    const r = ringOfRow[data.premise[k]];
    if (r < 0) continue;
    filterValues[r * 2] = Math.min(filterValues[r * 2], data.from[k]);
    filterValues[r * 2 + 1] = Math.max(filterValues[r * 2 + 1], data.to[k]);
  }
  return { list, length: n, ids: Uint32Array.from(ids), positions, filterValues };
}

/** [west, south, east, north] around the rings, or null when there are none. */
export function ringBounds(ring: WorklistRing): [number, number, number, number] | null {
  if (ring.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < ring.length; i++) {
    const lng = ring.positions[i * 2];
    const lat = ring.positions[i * 2 + 1];
    w = Math.min(w, lng);
    e = Math.max(e, lng);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [w, s, e, n];
}
