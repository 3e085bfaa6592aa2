import type { PremiseColumns } from '../premise-columns';
import type { Box } from './ogc-bbox';

/** What a page of premises is asked for; indexes are the columns' own (category, status). */
export interface PremisePageQuery {
  day: number;
  boxes: readonly Box[] | null;
  category?: number;
  status?: number;
  villageId?: number;
  unlicensed?: boolean;
  /** Only premises with a larger id: the cursor of the page before (0 for the first page). */
  afterId: number;
  limit: number;
}

/** A premise on the page: its row in the columns and its interval on the day asked about. */
export interface PremiseHit {
  row: number;
  interval: number;
}

export interface PremisePage {
  hits: PremiseHit[];
  /** Every premise the query matches, on all pages. */
  matched: number;
  /** Whether premises past this page match too. */
  more: boolean;
}

/** The interval of a row that holds on `day`, or -1 before its survey. */
export function intervalOnDay(cols: PremiseColumns, row: number, day: number): number {
  for (let k = cols.intervalStart[row]; k < cols.intervalStart[row + 1]; k++) {
    if (cols.fromDay[k] <= day && day < cols.toDay[k]) return k;
  }
  return -1;
}

const byIdCache = new WeakMap<PremiseColumns, { order: Uint32Array; rank: Uint32Array }>();

/** Rows in id order, and each row's place in it (kept per columns: they never change once built). */
function idOrder(cols: PremiseColumns): { order: Uint32Array; rank: Uint32Array } {
  const hit = byIdCache.get(cols);
  if (hit) return hit;
  const order = new Uint32Array(cols.count);
  for (let r = 0; r < cols.count; r++) order[r] = r;
  let sorted = true;
  for (let r = 1; r < cols.count && sorted; r++) sorted = cols.id[r - 1] < cols.id[r];
  if (!sorted) order.sort((a, b) => cols.id[a] - cols.id[b]);
  const rank = new Uint32Array(cols.count);
  for (let i = 0; i < cols.count; i++) rank[order[i]] = i;
  const result = { order, rank };
  byIdCache.set(cols, result);
  return result;
}

/** The rows to look at, in id order: all of them, or those the spatial index finds in the boxes. */
function candidates(cols: PremiseColumns, boxes: readonly Box[] | null): Uint32Array {
  const { order, rank } = idOrder(cols);
  if (!boxes || cols.count === 0) return order;
  const ranks: number[] = [];
  for (const [minLng, minLat, maxLng, maxLat] of boxes) {
    for (const row of cols.index.range(minLng, minLat, maxLng, maxLat)) ranks.push(rank[row]);
  }
  const sorted = Uint32Array.from(new Set(ranks)).sort();
  return sorted.map((i) => order[i]);
}

/**
 * One page of the premises on the map on `day` (surveyed by then), in id order after the cursor,
 * with how many match in all. Reads the columns only: the caller fetches the page's files.
 */
export function premisePage(cols: PremiseColumns, q: PremisePageQuery): PremisePage {
  const hits: PremiseHit[] = [];
  let matched = 0;
  let more = false;
  for (const row of candidates(cols, q.boxes)) {
    if (q.category !== undefined && cols.category[row] !== q.category) continue;
    if (q.villageId !== undefined && cols.villageId[row] !== q.villageId) continue;
    const k = intervalOnDay(cols, row, q.day);
    if (k < 0) continue;
    if (q.status !== undefined && cols.status[k] !== q.status) continue;
    if (q.unlicensed !== undefined && (cols.unlicensed[k] === 1) !== q.unlicensed) continue;
    matched++;
    if (cols.id[row] <= q.afterId) continue;
    if (hits.length < q.limit) hits.push({ row, interval: k });
    else more = true;
  }
  return { hits, matched, more };
}
