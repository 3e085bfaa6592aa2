import { CATEGORY_CODES } from '@domain/categories';
import { progress } from '@domain/progress';
import { STATUS_KEYS } from '@domain/statuses';
import type { CampaignDay } from './campaign-days';
import { maskOf, type PremiseFilter } from './premise-filter';
import type { PremisesData } from './premises-binary';
import type { GroupTally, StatusCounts, Tally } from './tally-at';
import { villageSlots } from './village-slots';

const S = STATUS_KEYS.length;
const C = CATEGORY_CODES.length;

/**
 * Counts for every day of the campaign, by status and unlicensed, for the whole selection, each
 * category and each village: built once per filter change in O(intervals + days × groups), so
 * that moving the slider reads a day in O(groups) — independent of how many premises there are.
 */
export interface DailyTally {
  /** Days covered: campaign days 0 .. days - 1. */
  days: number;
  villageIds: number[];
  /** Running counts, [day][group][status], groups = total, categories, villages. */
  counts: Int32Array;
  /** Running unlicensed counts, [day][group]. */
  unlicensed: Int32Array;
}

/** Builds the day-by-day counts for campaign days 0..lastDay with the filters (status filter ignored, as in tallyAt). */
export function buildDailyTally(data: PremisesData, filter: PremiseFilter, lastDay: CampaignDay): DailyTally {
  const days = lastDay + 1;
  const { ids: villageIds, slotOf } = villageSlots(data);
  const G = 1 + C + villageIds.length;
  const counts = new Int32Array((days + 1) * G * S);
  const unlicensed = new Int32Array((days + 1) * G);
  const catMask = maskOf(filter.categories, C);
  const add = (day: number, p: number, s: number, unl: boolean, delta: number) => {
    const base = day * G;
    const cat = base + 1 + data.category[p];
    const vil = base + 1 + C + slotOf[p];
    counts[base * S + s] += delta;
    counts[cat * S + s] += delta;
    counts[vil * S + s] += delta;
    if (unl) {
      unlicensed[base] += delta;
      unlicensed[cat] += delta;
      unlicensed[vil] += delta;
    }
  };
  for (let k = 0; k < data.intervalCount; k++) {
    const p = data.premise[k];
    if (catMask[data.category[p]] === 0) continue;
    if (filter.village !== null && data.village[p] !== filter.village) continue;
    // The interval holds on whole days d with from <= d < to.
    const a = Math.max(0, Math.ceil(data.from[k]));
    const b = Math.min(days, Math.ceil(data.to[k]));
    if (a >= b) continue;
    const unl = data.unlicensed[k] === 1;
    add(a, p, data.status[k], unl, 1);
    add(b, p, data.status[k], unl, -1);
  }
  const row = G * S;
  for (let d = 1; d < days; d++) {
    for (let i = 0; i < row; i++) counts[d * row + i] += counts[(d - 1) * row + i];
    for (let g = 0; g < G; g++) unlicensed[d * G + g] += unlicensed[(d - 1) * G + g];
  }
  return { days, villageIds, counts, unlicensed };
}

function group(t: DailyTally, day: number, g: number): GroupTally {
  const G = 1 + C + t.villageIds.length;
  const byStatus = {} as StatusCounts;
  let surveyed = 0;
  const at = (day * G + g) * S;
  for (let s = 0; s < S; s++) {
    byStatus[STATUS_KEYS[s]] = t.counts[at + s];
    surveyed += t.counts[at + s];
  }
  return { surveyed, unlicensed: t.unlicensed[day * G + g], progress: progress(byStatus), byStatus };
}

/** The tally on `day` (the same as tallyAt), or null when the day lies outside the table. */
export function dailyTallyOn(t: DailyTally, day: CampaignDay): Tally | null {
  if (!Number.isInteger(day) || day < 0 || day >= t.days) return null;
  const byCategory: Record<string, GroupTally> = {};
  for (let c = 0; c < C; c++) byCategory[CATEGORY_CODES[c]] = group(t, day, 1 + c);
  const byVillage: Record<string, GroupTally> = {};
  t.villageIds.forEach((id, v) => {
    const g = group(t, day, 1 + C + v);
    if (g.surveyed > 0) byVillage[String(id)] = g;
  });
  return { ...group(t, day, 0), byCategory, byVillage };
}
