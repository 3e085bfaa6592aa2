import { CATEGORY_CODES } from '../categories';
import { OPEN_END } from '../intervals';
import type { PremiseColumns } from '../premise-columns';
import { STATUS_KEYS } from '../statuses';
import { colOf, type GridSpec, gridOver, rowOf } from './grid-cells';

const S = STATUS_KEYS.length;
/** Numbers per event: the running count of each status, then of unlicensed premises. */
export const EVENT_WIDTH = S + 1;

/**
 * An aggregate grid index over the premises, for counting what is inside a polygon on any day.
 *
 * The premises are bucketed into grid cells, and inside each cell into groups of one category and
 * one village. A group keeps its history as change events, one per day on which any of its premises
 * changes, each holding the running counts after that day. A group's tally on day d is then one
 * binary search: the last event on or before d. A polygon query adds up groups of cells wholly
 * inside it and tests only the premises of the cells its boundary passes through.
 */
export interface AreaIndex {
  cols: PremiseColumns;
  grid: GridSpec;
  /** Rows (premises) sorted by cell, then group; cell c holds rows[cellStart[c] .. cellStart[c + 1]). */
  cellStart: Uint32Array;
  rows: Uint32Array;
  /** Groups of cell c are cellGroupStart[c] .. cellGroupStart[c + 1]. */
  cellGroupStart: Uint32Array;
  /** Rows of group g are rows[groupRowStart[g] .. groupRowStart[g + 1]). */
  groupRowStart: Uint32Array;
  /** Category index of each group. */
  groupCategory: Uint8Array;
  /** Dense village slot of each group; villageIds[slot] is the village id. */
  groupVillage: Uint32Array;
  villageIds: Uint32Array;
  /** Events of group g are groupEventStart[g] .. groupEventStart[g + 1], ascending by day. */
  groupEventStart: Uint32Array;
  eventDay: Int32Array;
  /** EVENT_WIDTH running counts per event (16 bits when no group is larger than 65,535 premises). */
  eventCounts: Uint16Array | Uint32Array;
}

export interface AreaIndexOptions {
  /** About how many premises a cell holds on average (over the bounding box). */
  premisesPerCell?: number;
}

/** Stable counting sort of `order` by key(row) in [0, keys). */
function sortBy(order: Uint32Array, keys: number, key: (row: number) => number): Uint32Array {
  const start = new Uint32Array(keys + 1);
  for (let i = 0; i < order.length; i++) start[key(order[i]) + 1]++;
  for (let k = 0; k < keys; k++) start[k + 1] += start[k];
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) out[start[key(order[i])]++] = order[i];
  return out;
}

/** Distinct days on which the premise's status or licence state changes (its intervals' ends). */
function changeDays(cols: PremiseColumns, row: number): number {
  let n = 0;
  for (let k = cols.intervalStart[row]; k < cols.intervalStart[row + 1]; k++) {
    if (k === cols.intervalStart[row] || cols.fromDay[k] !== cols.toDay[k - 1]) n++;
    if (cols.toDay[k] < OPEN_END) n++;
  }
  return n;
}

/** Builds the aggregate index over the columns (O(n) plus small sorts per group). */
export function buildAreaIndex(cols: PremiseColumns, options: AreaIndexOptions = {}): AreaIndex {
  const n = cols.count;
  let [minX, minY, maxX, maxY] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, cols.lng[i]);
    maxX = Math.max(maxX, cols.lng[i]);
    minY = Math.min(minY, cols.lat[i]);
    maxY = Math.max(maxY, cols.lat[i]);
  }
  if (n === 0) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const perCell = options.premisesPerCell ?? 24;
  const grid = gridOver(minX, minY, maxX, maxY, n / perCell, Math.cos((((minY + maxY) / 2) * Math.PI) / 180));
  const cellCount = grid.nx * grid.ny;
  const cellOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) cellOf[i] = rowOf(grid, cols.lat[i]) * grid.nx + colOf(grid, cols.lng[i]);

  const slotOf = new Map<number, number>();
  for (let i = 0; i < n; i++) if (!slotOf.has(cols.villageId[i])) slotOf.set(cols.villageId[i], slotOf.size);
  const villageIds = Uint32Array.from(slotOf.keys());
  const rowSlot = new Uint32Array(n);
  for (let i = 0; i < n; i++) rowSlot[i] = slotOf.get(cols.villageId[i]) as number;
  const C = CATEGORY_CODES.length;
  const byGroup = sortBy(
    Uint32Array.from({ length: n }, (_, i) => i),
    C * Math.max(1, villageIds.length),
    (r) => cols.category[r] * villageIds.length + rowSlot[r],
  );
  const rows = sortBy(byGroup, cellCount, (r) => cellOf[r]);

  const cellStart = new Uint32Array(cellCount + 1);
  const cellGroupStart = new Uint32Array(cellCount + 1);
  const groupRowStart: number[] = [];
  const groupCategory: number[] = [];
  const groupVillage: number[] = [];
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const p = i > 0 ? rows[i - 1] : -1;
    if (
      p < 0 ||
      cellOf[p] !== cellOf[r] ||
      cols.category[p] !== cols.category[r] ||
      rowSlot[p] !== rowSlot[r]
    ) {
      if (groupRowStart.length > 0) largest = Math.max(largest, i - groupRowStart[groupRowStart.length - 1]);
      groupRowStart.push(i);
      groupCategory.push(cols.category[r]);
      groupVillage.push(rowSlot[r]);
    }
    cellStart[cellOf[r] + 1]++;
    cellGroupStart[cellOf[r] + 1] = groupRowStart.length;
  }
  if (groupRowStart.length > 0) largest = Math.max(largest, n - groupRowStart[groupRowStart.length - 1]);
  groupRowStart.push(n);
  for (let c = 0; c < cellCount; c++) {
    cellStart[c + 1] += cellStart[c];
    // empty cells keep the group boundary of the cell before them
    cellGroupStart[c + 1] = Math.max(cellGroupStart[c + 1], cellGroupStart[c]);
  }

  const G = groupCategory.length;
  let bound = 0;
  for (let i = 0; i < n; i++) bound += changeDays(cols, i);
  const groupEventStart = new Uint32Array(G + 1);
  const eventDay = new Int32Array(bound);
  const eventCounts =
    largest > 0xffff ? new Uint32Array(bound * EVENT_WIDTH) : new Uint16Array(bound * EVENT_WIDTH);
  let scratch = new Float64Array(64);
  const running = new Int32Array(EVENT_WIDTH);
  let e = 0;
  for (let g = 0; g < G; g++) {
    // each change packed as day * 32 + code, code = status * 4 + (ends ? 2 : 0) + (unlicensed ? 1 : 0)
    let m = 0;
    for (let i = groupRowStart[g]; i < groupRowStart[g + 1]; i++) {
      const row = rows[i];
      const end = cols.intervalStart[row + 1];
      if (scratch.length < m + 2 * (end - cols.intervalStart[row])) {
        const grown = new Float64Array(Math.max(scratch.length * 2, m + 2 * (end - cols.intervalStart[row])));
        grown.set(scratch);
        scratch = grown;
      }
      for (let k = cols.intervalStart[row]; k < end; k++) {
        const code = cols.status[k] * 4 + cols.unlicensed[k];
        scratch[m++] = cols.fromDay[k] * 32 + code;
        if (cols.toDay[k] < OPEN_END) scratch[m++] = cols.toDay[k] * 32 + code + 2;
      }
    }
    const changes = scratch.subarray(0, m).sort();
    running.fill(0);
    for (let j = 0; j < m; j++) {
      const day = Math.floor(changes[j] / 32);
      const code = changes[j] - day * 32;
      const delta = code & 2 ? -1 : 1;
      running[code >> 2] += delta;
      if (code & 1) running[S] += delta;
      if (j + 1 < m && Math.floor(changes[j + 1] / 32) === day) continue;
      eventDay[e] = day;
      eventCounts.set(running, e * EVENT_WIDTH);
      e++;
    }
    groupEventStart[g + 1] = e;
  }

  return {
    cols,
    grid,
    cellStart,
    rows,
    cellGroupStart,
    groupRowStart: Uint32Array.from(groupRowStart),
    groupCategory: Uint8Array.from(groupCategory),
    groupVillage: Uint32Array.from(groupVillage),
    villageIds,
    groupEventStart,
    eventDay: e < bound ? eventDay.slice(0, e) : eventDay,
    eventCounts: e < bound ? eventCounts.slice(0, e * EVENT_WIDTH) : eventCounts,
  };
}

const cache = new WeakMap<PremiseColumns, AreaIndex>();

/**
 * The area index of these columns, built on first use. The model replaces its columns object on
 * every write, so an index can never describe stale columns: a new object gets a new index.
 */
export function areaIndexFor(cols: PremiseColumns): AreaIndex {
  let index = cache.get(cols);
  if (!index) {
    index = buildAreaIndex(cols);
    cache.set(cols, index);
  }
  return index;
}
