import { type Tally, type TallyTable, tallyOn } from '@domain/tally';
import type { CampaignDay } from './campaign-days';
import { buildDayTable, isTableDay, premisesCounted } from './layer-tally';
import type { PremiseFilter } from './premise-filter';
import type { PremisesData } from './premises-binary';

/**
 * Counts for every day of the campaign, by status and unlicensed, for the whole selection, each
 * category and each village (one row a day): built once per filter change, read in O(groups) per
 * slider step.
 */
export type DailyTally = TallyTable;

/** Builds the day-by-day counts for campaign days 0..lastDay with the filters (status filter ignored, as in tallyAt). */
export function buildDailyTally(data: PremisesData, filter: PremiseFilter, lastDay: CampaignDay): DailyTally {
  return buildDayTable(data, premisesCounted(data, filter), lastDay, 'villages');
}

/** The tally on `day` (the same as tallyAt), or null when the day lies outside the table. */
export function dailyTallyOn(t: DailyTally, day: CampaignDay): Tally | null {
  return isTableDay(t, day) ? tallyOn(t, day) : null;
}
