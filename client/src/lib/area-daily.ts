import { CATEGORY_CODES } from '@domain/categories';
import { progress } from '@domain/progress';
import { STATUS_KEYS } from '@domain/statuses';
import type { CampaignDay } from './campaign-days';
import type { PremisesData } from './premises-binary';
import type { GroupTally, StatusCounts } from './tally-at';

const S = STATUS_KEYS.length;
const C = CATEGORY_CODES.length;

/**
 * Day-by-day counts for the premises of one shape, built once per shape in O(intervals + days ×
 * groups), so a slider step reads a day in O(groups). Groups: the total, then (optionally) each
 * category — enough for a key area's panel (byCategory) or just its headline (total only).
 */
export interface AreaDaily {
  /** Days covered: campaign days 0 .. days - 1. */
  days: number;
  /** 1 + number of categories, or 1 for a headline-only table. */
  groups: number;
  /** Running counts, [day][group][status]. */
  counts: Int32Array;
  /** Running unlicensed counts, [day][group]. */
  unlicensed: Int32Array;
}

/** A key area's counts on a day: the /api/stats keys except byVillage (the server adds touched villages). */
export interface AreaTally extends GroupTally {
  byCategory: Record<string, GroupTally>;
}

/** Builds the table for the premise rows marked in `inside`, over campaign days 0..lastDay. */
export function buildAreaDaily(
  data: PremisesData,
  inside: Uint8Array,
  lastDay: CampaignDay,
  withCategories = true,
): AreaDaily {
  const days = lastDay + 1;
  const G = withCategories ? 1 + C : 1;
  const counts = new Int32Array((days + 1) * G * S);
  const unlicensed = new Int32Array((days + 1) * G);
  const add = (day: number, c: number, s: number, unl: boolean, delta: number) => {
    counts[day * G * S + s] += delta;
    if (unl) unlicensed[day * G] += delta;
    if (G === 1) return;
    counts[(day * G + 1 + c) * S + s] += delta;
    if (unl) unlicensed[day * G + 1 + c] += delta;
  };
  for (let k = 0; k < data.intervalCount; k++) {
    const p = data.premise[k];
    if (inside[p] === 0) continue;
    // The interval holds on whole days d with from <= d < to.
    const a = Math.max(0, Math.ceil(data.from[k]));
    const b = Math.min(days, Math.ceil(data.to[k]));
    if (a >= b) continue;
    const unl = data.unlicensed[k] === 1;
    add(a, data.category[p], data.status[k], unl, 1);
    add(b, data.category[p], data.status[k], unl, -1);
  }
  const row = G * S;
  for (let d = 1; d < days; d++) {
    for (let i = 0; i < row; i++) counts[d * row + i] += counts[(d - 1) * row + i];
    for (let g = 0; g < G; g++) unlicensed[d * G + g] += unlicensed[(d - 1) * G + g];
  }
  return { days, groups: G, counts, unlicensed };
}

function group(t: AreaDaily, day: number, g: number): GroupTally {
  const byStatus = {} as StatusCounts;
  let surveyed = 0;
  const at = (day * t.groups + g) * S;
  for (let s = 0; s < S; s++) {
    byStatus[STATUS_KEYS[s]] = t.counts[at + s];
    surveyed += t.counts[at + s];
  }
  return { surveyed, unlicensed: t.unlicensed[day * t.groups + g], progress: progress(byStatus), byStatus };
}

/** The counts on `day`, or null when the day lies outside the table. byCategory is {} for a headline table. */
export function areaDailyOn(t: AreaDaily, day: CampaignDay): AreaTally | null {
  if (!Number.isInteger(day) || day < 0 || day >= t.days) return null;
  const byCategory: Record<string, GroupTally> = {};
  if (t.groups > 1) for (let c = 0; c < C; c++) byCategory[CATEGORY_CODES[c]] = group(t, day, 1 + c);
  return { ...group(t, day, 0), byCategory };
}

/** The counts on any day (also outside the campaign), straight from the intervals: O(intervals). */
export function areaTallyAt(data: PremisesData, inside: Uint8Array, day: CampaignDay): AreaTally {
  const one: AreaDaily = {
    days: 1,
    groups: 1 + C,
    counts: new Int32Array((1 + C) * S),
    unlicensed: new Int32Array(1 + C),
  };
  for (let k = 0; k < data.intervalCount; k++) {
    const p = data.premise[k];
    if (inside[p] === 0 || data.from[k] > day || day >= data.to[k]) continue;
    const c = 1 + data.category[p];
    one.counts[data.status[k]]++;
    one.counts[c * S + data.status[k]]++;
    if (data.unlicensed[k] === 1) {
      one.unlicensed[0]++;
      one.unlicensed[c]++;
    }
  }
  return areaDailyOn(one, 0) as AreaTally;
}

/** Unlicensed count and progress over the whole campaign, sampled every `stepDays` and on the last day. */
export interface AreaTrend {
  days: CampaignDay[];
  unlicensed: number[];
  progress: number[];
}

export function areaTrend(t: AreaDaily, stepDays = 7): AreaTrend {
  const out: AreaTrend = { days: [], unlicensed: [], progress: [] };
  const last = t.days - 1;
  const sample = (d: number) => {
    const g = group(t, d, 0);
    out.days.push(d);
    out.unlicensed.push(g.unlicensed);
    out.progress.push(g.progress);
  };
  for (let d = 0; d < last; d += stepDays) sample(d);
  if (last >= 0) sample(last);
  return out;
}
