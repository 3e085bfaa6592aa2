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

/** Rows in id order that the spatial index finds in the boxes (all rows without boxes). */
function candidates(cols: PremiseColumns, boxes: readonly Box[] | null): Uint32Array {
  const { order, rank } = idOrder(cols);
  if (!boxes || cols.count === 0) return order;
  // Mark the hits by their place in id order, then read the marks in order: no sort, no Set.
  const marked = new Uint8Array(cols.count);
  let hits = 0;
  for (const [minLng, minLat, maxLng, maxLat] of boxes) {
    for (const row of cols.index.range(minLng, minLat, maxLng, maxLat)) {
      if (marked[rank[row]] === 0) hits++;
      marked[rank[row]] = 1;
    }
  }
  const out = new Uint32Array(hits);
  for (let i = 0, n = 0; i < cols.count; i++) if (marked[i] === 1) out[n++] = order[i];
  return out;
}

/** Every premise a query matches, in id order: its row and its interval on the day. */
interface PremiseMatches {
  rows: Uint32Array;
  intervals: Uint32Array;
}

/** What the matches depend on: the query without its page (the cursor and the limit). */
type MatchQuery = Omit<PremisePageQuery, 'afterId' | 'limit'>;

function findMatches(cols: PremiseColumns, q: MatchQuery): PremiseMatches {
  const from = candidates(cols, q.boxes);
  const rows = new Uint32Array(from.length);
  const intervals = new Uint32Array(from.length);
  let n = 0;
  for (const row of from) {
    if (q.category !== undefined && cols.category[row] !== q.category) continue;
    if (q.villageId !== undefined && cols.villageId[row] !== q.villageId) continue;
    const k = intervalOnDay(cols, row, q.day);
    if (k < 0) continue;
    if (q.status !== undefined && cols.status[k] !== q.status) continue;
    if (q.unlicensed !== undefined && (cols.unlicensed[k] === 1) !== q.unlicensed) continue;
    rows[n] = row;
    intervals[n++] = k;
  }
  return { rows: rows.slice(0, n), intervals: intervals.slice(0, n) };
}

/** How many match lists are kept per columns: a client walking its pages, and a few others. */
const KEPT_QUERIES = 4;
const matchCache = new WeakMap<PremiseColumns, Map<string, PremiseMatches>>();

/**
 * The matches of a query, kept while the columns stand (a write makes new columns), so that the
 * pages after the first cost a binary search and a copy, not another scan of every premise.
 */
function matchesOf(cols: PremiseColumns, q: MatchQuery): PremiseMatches {
  const key = JSON.stringify([q.day, q.boxes, q.category, q.status, q.villageId, q.unlicensed]);
  const kept = matchCache.get(cols) ?? new Map<string, PremiseMatches>();
  matchCache.set(cols, kept);
  let found = kept.get(key);
  if (found) kept.delete(key);
  else found = findMatches(cols, q);
  kept.set(key, found);
  if (kept.size > KEPT_QUERIES) kept.delete(kept.keys().next().value as string);
  return found;
}

/**
 * One page of the premises on the map on `day` (surveyed by then), in id order after the cursor,
 * with how many match in all. Reads the columns only: the caller fetches the page's files.
 */
export function premisePage(cols: PremiseColumns, q: PremisePageQuery): PremisePage {
  const { rows, intervals } = matchesOf(cols, q);
  // the first match with an id past the cursor
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cols.id[rows[mid]] <= q.afterId) lo = mid + 1;
    else hi = mid;
  }
  const end = Math.min(rows.length, lo + q.limit);
  const hits: PremiseHit[] = [];
  for (let i = lo; i < end; i++) hits.push({ row: rows[i], interval: intervals[i] });
  return { hits, matched: rows.length, more: end < rows.length };
}
