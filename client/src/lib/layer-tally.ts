import { CATEGORY_CODES } from '@domain/categories';
import { addInterval, runningTotals, type TallyTable, tallyTable } from '@domain/tally';
import { villageSlots } from '@domain/village-slots';
import type { CampaignDay } from './campaign-days';
import { maskOf, type PremiseFilter } from './premise-filter';
import type { PremisesData } from './premises-binary';

/** What a table of the layer counts besides the total: nothing, each category, or each category and village. */
export type LayerGroups = 'total' | 'categories' | 'villages';

function table(data: PremisesData, rows: number, groups: LayerGroups): TallyTable {
  return tallyTable(rows, groups === 'villages' ? { villageIds: villageSlots(data.village).ids } : groups);
}

/** 1 for each premise the category and village filters keep (the status filter does not change the counts). */
export function premisesCounted(data: PremisesData, filter: PremiseFilter): Uint8Array {
  const catMask = maskOf(filter.categories, CATEGORY_CODES.length);
  const keep = new Uint8Array(data.premiseCount);
  for (let p = 0; p < data.premiseCount; p++) {
    keep[p] =
      catMask[data.category[p]] && (filter.village === null || data.village[p] === filter.village) ? 1 : 0;
  }
  return keep;
}

/**
 * The counts of the premises marked in `keep` on every campaign day 0..lastDay, one table row a
 * day: built once in O(intervals + days × groups), so that moving the slider reads a day in
 * O(groups), however many premises there are.
 */
export function buildDayTable(
  data: PremisesData,
  keep: Uint8Array,
  lastDay: CampaignDay,
  groups: LayerGroups,
): TallyTable {
  const days = lastDay + 1;
  const t = table(data, days, groups);
  const { slotOf } = villageSlots(data.village);
  const { premise, from, to, status, unlicensed, category } = data;
  for (let k = 0; k < data.intervalCount; k++) {
    const p = premise[k];
    if (keep[p] === 0) continue;
    // The interval holds on whole days d with from <= d < to.
    const a = Math.max(0, Math.ceil(from[k]));
    const b = Math.min(days, Math.ceil(to[k]));
    if (a >= b) continue;
    addInterval(t, a, category[p], slotOf[p], status[k], unlicensed[k], 1);
    if (b < days) addInterval(t, b, category[p], slotOf[p], status[k], unlicensed[k], -1);
  }
  runningTotals(t);
  return t;
}

/** Whether `day` has a row in a table from buildDayTable. */
export function isTableDay(t: TallyTable, day: CampaignDay): boolean {
  return Number.isInteger(day) && day >= 0 && day < t.rows;
}

/**
 * The counts of the premises marked in `keep` on any campaign day (also outside the campaign), as a
 * one-row table, with the server's fold: an interval holds on d when from <= d < to. One pass over
 * the interval columns, no objects per row.
 */
export function countOnDay(
  data: PremisesData,
  keep: Uint8Array,
  day: CampaignDay,
  groups: LayerGroups,
): TallyTable {
  const t = table(data, 1, groups);
  const { slotOf } = villageSlots(data.village);
  const { premise, from, to, status, unlicensed, category } = data;
  for (let k = 0; k < data.intervalCount; k++) {
    if (from[k] > day || day >= to[k]) continue;
    const p = premise[k];
    if (keep[p] === 1) addInterval(t, 0, category[p], slotOf[p], status[k], unlicensed[k]);
  }
  return t;
}
