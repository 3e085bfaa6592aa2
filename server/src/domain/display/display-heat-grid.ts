import type { PremiseColumns } from '../premise-columns';
import { K_ANONYMITY } from './k-anonymity';

/** The smallest cell the public screen may show a premise position in. */
export const MIN_CELL_METERS = 100;

/** Metres per degree of latitude at its smallest (the equator), so a cell is never shorter than asked. */
const METERS_PER_DEG_LAT_MIN = 110_574;
const METERS_PER_DEG_LNG_AT_EQUATOR = 111_320;

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

/**
 * How often a cell under K_ANONYMITY may double its side to gather enough premises: 200 m cells
 * grow to 400 m, 800 m and at most 1.6 km. A coarser cell would no longer say where unlicensed
 * business concentrates (the township is a few kilometres across); what is still under
 * K_ANONYMITY there is a handful of scattered shops, and leaving them out is the honest picture.
 */
export const MAX_MERGE_LEVEL = 3;

/** A cell at a merge level: column and row on that level's grid (the base grid's, halved `level` times). */
export interface GridCell {
  level: number;
  col: number;
  row: number;
}

/** Half-open key space for rows and columns (±2^21 columns covers the globe at 100 m). */
const KEY_OFFSET = 2 ** 21;
const KEY_SPAN = 2 ** 22;

/** One integer per cell, levels apart and ascending by level, then row, then column. */
export function cellKeyOf(c: GridCell): number {
  return (c.level * KEY_SPAN + c.row + KEY_OFFSET) * KEY_SPAN + (c.col + KEY_OFFSET);
}

export function cellOfKey(key: number): GridCell {
  const col = (key % KEY_SPAN) - KEY_OFFSET;
  const rest = Math.floor(key / KEY_SPAN);
  return { level: Math.floor(rest / KEY_SPAN), row: (rest % KEY_SPAN) - KEY_OFFSET, col };
}

/** The base cell (level 0) a position falls in, as one integer key. */
export function cellKey(grid: HeatGrid, lng: number, lat: number): number {
  return cellKeyOf({ level: 0, col: Math.floor(lng / grid.dLng), row: Math.floor(lat / grid.dLat) });
}

/** The cell twice as large that holds this one (`>> 1` is a floor division, west and south too). */
function parentKey(key: number): number {
  const c = cellOfKey(key);
  return cellKeyOf({ level: c.level + 1, col: c.col >> 1, row: c.row >> 1 });
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** Centre of a cell, rounded to 1e-5° (a metre): the only position the screen ever gets. */
export function cellCenter(grid: HeatGrid, key: number): [number, number] {
  const { level, col, row } = cellOfKey(key);
  const scale = 2 ** level;
  return [round5((col + 0.5) * grid.dLng * scale), round5((row + 0.5) * grid.dLat * scale)];
}

/** Side of a cell on the ground, in metres (at least, as the grid promises). */
export function cellMetersOf(grid: HeatGrid, key: number): number {
  return grid.cellMeters * 2 ** cellOfKey(key).level;
}

/**
 * The cells the public may see, from counts in base cells: every cell holding at least
 * K_ANONYMITY is published as it is; the rest pool their counts in the cell twice their size,
 * up to MAX_MERGE_LEVEL, where what is still too few is dropped. A merged cell counts only what
 * its published sub-cells did not, so no two published figures can be subtracted to find a
 * smaller group. Returns published cell key → count.
 */
export function publishedCells(baseCounts: ReadonlyMap<number, number>): Map<number, number> {
  const published = new Map<number, number>();
  let pending = baseCounts;
  for (let level = 0; level <= MAX_MERGE_LEVEL && pending.size > 0; level++) {
    const next = new Map<number, number>();
    for (const [key, n] of pending) {
      if (n >= K_ANONYMITY) published.set(key, n);
      else if (level < MAX_MERGE_LEVEL) {
        const parent = parentKey(key);
        next.set(parent, (next.get(parent) ?? 0) + n);
      }
    }
    pending = next;
  }
  return published;
}

/** Unlicensed premises per published cell on one day. */
export interface HeatCells {
  /** Side of the finest cell; merged cells are this times 2, 4 or 8. */
  cellMeters: number;
  /** The finest cell's size in degrees, [lng, lat], so the screen can spread a merged cell evenly. */
  cellDegrees: [number, number];
  /** [lng, lat, side in metres, count] per published cell, flat, finest cells first. */
  cells: number[];
}

function baseCellCounts(cols: PremiseColumns, day: number, grid: HeatGrid): Map<number, number> {
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
  return counts;
}

const degreesOf = (grid: HeatGrid): [number, number] => [grid.dLng, grid.dLat];

/** The premises unlicensed on `day`, counted in published cells (see publishedCells). */
export function unlicensedCells(cols: PremiseColumns, day: number, grid: HeatGrid): HeatCells {
  const counts = publishedCells(baseCellCounts(cols, day, grid));
  const cells: number[] = [];
  for (const key of [...counts.keys()].sort((a, b) => a - b)) {
    cells.push(...cellCenter(grid, key), cellMetersOf(grid, key), counts.get(key) as number);
  }
  return { cellMeters: grid.cellMeters, cellDegrees: degreesOf(grid), cells };
}

/** Unlicensed premises per published cell on each of several days, sharing one list of cells. */
export interface HeatFrames {
  cellMeters: number;
  cellDegrees: [number, number];
  /** [lng, lat, side in metres] per cell, flat: every cell published on some day. */
  cells: number[];
  /** Per day: [cellIndex, count, cellIndex, count, …] for the cells published that day. */
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
  for (let k = 0; k < cols.intervalCount; k++) {
    if (!cols.unlicensed[k]) continue;
    const a = firstAtOrAfter(days, cols.fromDay[k]);
    const b = firstAtOrAfter(days, cols.toDay[k]);
    if (a >= b) continue;
    const row = cols.intervalPremise[k];
    const key = cellKey(grid, cols.lng[row], cols.lat[row]);
    for (let j = a; j < b; j++) perFrame[j].set(key, (perFrame[j].get(key) ?? 0) + 1);
  }
  const published = perFrame.map(publishedCells);
  const sorted = [...new Set(published.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const indexOf = new Map(sorted.map((key, i) => [key, i]));
  const cells = sorted.flatMap((key) => [...cellCenter(grid, key), cellMetersOf(grid, key)]);
  const frames = published.map((m) =>
    [...m]
      .map(([key, n]) => [indexOf.get(key) as number, n])
      .sort((x, y) => x[0] - y[0])
      .flat(),
  );
  return { cellMeters: grid.cellMeters, cellDegrees: degreesOf(grid), cells, frames };
}
