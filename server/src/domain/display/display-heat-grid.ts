import type { PremiseColumns } from '../premise-columns';

/** The smallest cell the public screen may show a premise position in. */
export const MIN_CELL_METERS = 100;

/** Metres per degree of latitude at its smallest (the equator), so a cell is never shorter than asked. */
const METERS_PER_DEG_LAT_MIN = 110_574;
const METERS_PER_DEG_LNG_AT_EQUATOR = 111_320;
/** Half-open key space for rows and columns (±2^21 columns covers the globe at 100 m). */
const KEY_OFFSET = 2 ** 21;
const KEY_SPAN = 2 ** 22;

/**
 * A grid of lng/lat cells anchored at 0°, 0° (so it does not depend on the data), each at least
 * `cellMeters` on every side anywhere up to latitude `maxAbsLat`.
 */
export interface HeatGrid {
  cellMeters: number;
  dLng: number;
  dLat: number;
}

export function heatGrid(cellMeters: number, maxAbsLat: number): HeatGrid {
  if (!(cellMeters >= MIN_CELL_METERS)) {
    throw new RangeError(`a display cell must be at least ${MIN_CELL_METERS} m, got ${cellMeters}`);
  }
  // Cells narrow towards the poles: size them at the most poleward latitude they cover.
  const refLat = Math.min(89, Math.ceil(Math.abs(maxAbsLat)));
  return {
    cellMeters,
    dLat: cellMeters / METERS_PER_DEG_LAT_MIN,
    dLng: cellMeters / (METERS_PER_DEG_LNG_AT_EQUATOR * Math.cos((refLat * Math.PI) / 180)),
  };
}

/** The cell a position falls in, as one integer key. */
export function cellKey(grid: HeatGrid, lng: number, lat: number): number {
  const col = Math.floor(lng / grid.dLng);
  const row = Math.floor(lat / grid.dLat);
  return (row + KEY_OFFSET) * KEY_SPAN + (col + KEY_OFFSET);
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** Centre of a cell, rounded to 1e-5° (a metre): the only position the screen ever gets. */
export function cellCenter(grid: HeatGrid, key: number): [number, number] {
  const row = Math.floor(key / KEY_SPAN) - KEY_OFFSET;
  const col = (key % KEY_SPAN) - KEY_OFFSET;
  return [round5((col + 0.5) * grid.dLng), round5((row + 0.5) * grid.dLat)];
}

/** Unlicensed premises per cell on one day. */
export interface HeatCells {
  cellMeters: number;
  /** [lng, lat, count] per cell, flat, cells in key order. */
  cells: number[];
}

/** Counts the premises unlicensed on `day` in each grid cell (cells with none are left out). */
export function unlicensedCells(cols: PremiseColumns, day: number, grid: HeatGrid): HeatCells {
  const counts = new Map<number, number>();
  for (let row = 0; row < cols.count; row++) {
    const end = cols.intervalStart[row + 1];
    for (let k = cols.intervalStart[row]; k < end; k++) {
      if (cols.fromDay[k] > day || day >= cols.toDay[k]) continue;
      if (cols.unlicensed[k]) {
        const key = cellKey(grid, cols.lng[row], cols.lat[row]);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      break;
    }
  }
  const cells: number[] = [];
  for (const key of [...counts.keys()].sort((a, b) => a - b)) {
    cells.push(...cellCenter(grid, key), counts.get(key) as number);
  }
  return { cellMeters: grid.cellMeters, cells };
}

/** Unlicensed premises per cell on each of several days, sharing one list of cells. */
export interface HeatFrames {
  cellMeters: number;
  /** [lng, lat] per cell, flat: every cell that is hot on some day. */
  cells: number[];
  /** Per day: [cellIndex, count, cellIndex, count, …] for the cells with any. */
  frames: number[][];
}

/** Index of the first of the sorted `days` that is >= `day`. */
function firstAtOrAfter(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** unlicensedCells for every one of the ascending `days`, in one pass over the intervals. */
export function unlicensedCellFrames(
  cols: PremiseColumns,
  days: readonly number[],
  grid: HeatGrid,
): HeatFrames {
  const perFrame = days.map(() => new Map<number, number>());
  const keys = new Set<number>();
  for (let k = 0; k < cols.intervalCount; k++) {
    if (!cols.unlicensed[k]) continue;
    const a = firstAtOrAfter(days, cols.fromDay[k]);
    const b = firstAtOrAfter(days, cols.toDay[k]);
    if (a >= b) continue;
    const row = cols.intervalPremise[k];
    const key = cellKey(grid, cols.lng[row], cols.lat[row]);
    keys.add(key);
    for (let j = a; j < b; j++) perFrame[j].set(key, (perFrame[j].get(key) ?? 0) + 1);
  }
  const sorted = [...keys].sort((a, b) => a - b);
  const indexOf = new Map(sorted.map((key, i) => [key, i]));
  const cells = sorted.flatMap((key) => cellCenter(grid, key));
  const frames = perFrame.map((m) =>
    [...m]
      .map(([key, n]) => [indexOf.get(key) as number, n])
      .sort((x, y) => x[0] - y[0])
      .flat(),
  );
  return { cellMeters: grid.cellMeters, cells, frames };
}
