import type { CampaignDay } from './campaign-days';
import type { PremisesData } from './premises-binary';

const indexCache = new WeakMap<PremisesData, Map<number, number>>();

/** The row of a premise id in the layer's premise columns, or -1 when the layer does not hold it. */
export function premiseIndexOf(data: PremisesData, id: number): number {
  let index = indexCache.get(data);
  if (!index) {
    index = new Map();
    for (let p = 0; p < data.premiseCount; p++) index.set(data.id[p], p);
    indexCache.set(data, index);
  }
  return index.get(id) ?? -1;
}

/** The interval of premise row `p` that holds `day`, or -1 (not yet surveyed). O(intervals). */
export function intervalAt(data: PremisesData, p: number, day: CampaignDay): number {
  for (let k = 0; k < data.intervalCount; k++) {
    if (data.premise[k] === p && data.from[k] <= day && day < data.to[k]) return k;
  }
  return -1;
}
