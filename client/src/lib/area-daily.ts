import { categoriesOn, groupOn, type Tally, type TallyTable } from '@domain/tally';
import type { CampaignDay } from './campaign-days';
import { buildDayTable, countOnDay, isTableDay } from './layer-tally';
import type { PremisesData } from './premises-binary';

/**
 * Day-by-day counts for the premises of one shape (one row a day), built once per shape, so a
 * slider step reads a day in O(groups). Groups: the total, then (optionally) each category —
 * enough for a key area's panel (byCategory) or just its headline (total only).
 */
export type AreaDaily = TallyTable;

/** A key area's counts on a day: the /api/stats keys except byVillage (the server adds touched villages). */
export type AreaTally = Omit<Tally, 'byVillage'>;

/** Builds the table for the premise rows marked in `inside`, over campaign days 0..lastDay. */
export function buildAreaDaily(
  data: PremisesData,
  inside: Uint8Array,
  lastDay: CampaignDay,
  withCategories = true,
): AreaDaily {
  return buildDayTable(data, inside, lastDay, withCategories ? 'categories' : 'total');
}

const areaTally = (t: TallyTable, row: number): AreaTally => ({
  ...groupOn(t, row, 0),
  byCategory: categoriesOn(t, row),
});

/** The counts on `day`, or null when the day lies outside the table. byCategory is {} for a headline table. */
export function areaDailyOn(t: AreaDaily, day: CampaignDay): AreaTally | null {
  return isTableDay(t, day) ? areaTally(t, day) : null;
}

/** The counts on any day (also outside the campaign), straight from the intervals: O(intervals). */
export function areaTallyAt(data: PremisesData, inside: Uint8Array, day: CampaignDay): AreaTally {
  return areaTally(countOnDay(data, inside, day, 'categories'), 0);
}

/** Unlicensed count and progress over the whole campaign, sampled every `stepDays` and on the last day. */
export interface AreaTrend {
  days: CampaignDay[];
  unlicensed: number[];
  progress: number[];
}

export function areaTrend(t: AreaDaily, stepDays = 7): AreaTrend {
  const out: AreaTrend = { days: [], unlicensed: [], progress: [] };
  const last = t.rows - 1;
  const sample = (d: number) => {
    const g = groupOn(t, d, 0);
    out.days.push(d);
    out.unlicensed.push(g.unlicensed);
    out.progress.push(g.progress);
  };
  for (let d = 0; d < last; d += stepDays) sample(d);
  if (last >= 0) sample(last);
  return out;
}
