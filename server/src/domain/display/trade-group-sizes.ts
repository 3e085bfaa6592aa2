import { CATEGORY_CODES } from '../categories';
import type { PremiseColumns } from '../premise-columns';

/** How many premises of a trade are on the record on a day, in a village or in the whole township. */
export interface TradeGroupSizes {
  inVillage(villageId: number, category: number, day: number): number;
  inTownship(category: number, day: number): number;
}

/** Start and end days of the stretches a group's premises are on the record, each sorted. */
interface Spans {
  from: number[];
  to: number[];
}

/** How many of `sorted` are <= `day`. */
function countAtOrBefore(sorted: readonly number[], day: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const onDay = (s: Spans | undefined, day: number) =>
  s ? countAtOrBefore(s.from, day) - countAtOrBefore(s.to, day) : 0;

/**
 * Answers "how many of this trade, here, on that day" in O(log n) for the ticker, which asks it
 * for every outcome of the campaign. A premise counts from its survey while it has a status
 * (closed and converted ones too: they are still on the record and on the screen's totals).
 */
function buildTradeGroupSizes(cols: PremiseColumns): TradeGroupSizes {
  const C = CATEGORY_CODES.length;
  const byVillage = new Map<number, Spans>();
  const byTrade = Array.from({ length: C }, (): Spans => ({ from: [], to: [] }));
  const add = (s: Spans, from: number, to: number) => {
    s.from.push(from);
    s.to.push(to);
  };
  for (let row = 0; row < cols.count; row++) {
    const c = cols.category[row];
    const key = cols.villageId[row] * C + c;
    let village = byVillage.get(key);
    if (!village) {
      village = { from: [], to: [] };
      byVillage.set(key, village);
    }
    // contiguous intervals make one stretch on the record
    const end = cols.intervalStart[row + 1];
    let k = cols.intervalStart[row];
    while (k < end) {
      const from = cols.fromDay[k];
      let to = cols.toDay[k];
      while (k + 1 < end && cols.fromDay[k + 1] === to) to = cols.toDay[++k];
      k++;
      add(village, from, to);
      add(byTrade[c], from, to);
    }
  }
  const sort = (s: Spans) => {
    s.from.sort((a, b) => a - b);
    s.to.sort((a, b) => a - b);
  };
  for (const s of byVillage.values()) sort(s);
  for (const s of byTrade) sort(s);
  return {
    inVillage: (villageId, category, day) => onDay(byVillage.get(villageId * C + category), day),
    inTownship: (category, day) => onDay(byTrade[category], day),
  };
}

const cache = new WeakMap<PremiseColumns, TradeGroupSizes>();

/** The group sizes of these columns, built once (columns never change: a write makes new ones). */
export function tradeGroupSizes(cols: PremiseColumns): TradeGroupSizes {
  let sizes = cache.get(cols);
  if (!sizes) {
    sizes = buildTradeGroupSizes(cols);
    cache.set(cols, sizes);
  }
  return sizes;
}
