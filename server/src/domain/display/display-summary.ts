import { CATEGORY_CODES } from '../categories';
import { formatDay } from '../dates';
import type { PremiseColumns } from '../premise-columns';
import { statusSeries } from '../series';
import { emptyGroup, type GroupTally, tally } from '../tally';
import { type AreaHeadline, areaHeadlines, type DisplayAreaInput } from './display-areas';
import { type HeatCells, type HeatGrid, unlicensedCells } from './display-heat-grid';
import { type OutcomeEvent, type TickerItem, tickerItems } from './display-ticker';
import { K_ANONYMITY } from './k-anonymity';
import { tradeGroupSizes } from './trade-group-sizes';

export interface DisplayVillage {
  id: number;
  name: string;
}

/** Progress over the campaign, weekly, up to the day shown. */
export interface DisplayProgressSeries {
  stepDays: number;
  days: string[];
  progress: number[];
  unlicensed: number[];
  surveyed: number[];
}

/** A trade's township figures, or null on a day it has fewer than K_ANONYMITY premises. */
export type TradeCounts = Omit<GroupTally, 'byStatus'> | null;

/**
 * Everything the public screen shows for one day: counts only, positions only as ≥ 100 m cells,
 * nothing that describes fewer than K_ANONYMITY premises but the village and township totals.
 */
export interface DisplaySummary {
  at: string;
  totals: GroupTally;
  /** Every village, by id (villages with no premises yet count zero). */
  byVillage: Record<string, GroupTally>;
  byCategory: Record<string, TradeCounts>;
  heat: HeatCells;
  /** Newest first. */
  ticker: TickerItem[];
  series: DisplayProgressSeries;
  /** The key areas shown that day (in force, holding enough premises). */
  areas: AreaHeadline[];
}

export interface DisplaySummaryInput {
  cols: PremiseColumns;
  day: number;
  startDay: number;
  endDay: number;
  villages: readonly DisplayVillage[];
  /** Outcome records on or before `day`, newest first (more than `tickerLimit` is fine). */
  outcomes: Iterable<OutcomeEvent>;
  grid: HeatGrid;
  tickerLimit: number;
  areas: readonly DisplayAreaInput[];
  stepDays?: number;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The campaign's weekly progress from its start up to `day` (or its end, whichever is first). */
export function progressSeries(
  cols: PremiseColumns,
  startDay: number,
  endDay: number,
  day: number,
  stepDays: number,
): DisplayProgressSeries {
  if (day < startDay) return { stepDays, days: [], progress: [], unlicensed: [], surveyed: [] };
  const s = statusSeries(cols, startDay, Math.min(day, endDay), stepDays);
  return {
    stepDays,
    days: s.days.map(formatDay),
    progress: s.progress.map(round4),
    unlicensed: s.unlicensed,
    surveyed: s.surveyed,
  };
}

/** The public screen's picture of one day. */
export function displaySummary(input: DisplaySummaryInput): DisplaySummary {
  const { cols, day, villages, grid } = input;
  const t = tally(cols, day);
  const byVillage: Record<string, GroupTally> = {};
  for (const v of villages) byVillage[String(v.id)] = t.byVillage[String(v.id)] ?? emptyGroup();
  const byCategory: DisplaySummary['byCategory'] = {};
  for (const code of CATEGORY_CODES) {
    const { surveyed, unlicensed, progress } = t.byCategory[code];
    byCategory[code] = surveyed < K_ANONYMITY ? null : { surveyed, unlicensed, progress };
  }
  const names = new Map(villages.map((v) => [v.id, v.name]));
  return {
    at: formatDay(day),
    totals: { surveyed: t.surveyed, unlicensed: t.unlicensed, progress: t.progress, byStatus: t.byStatus },
    byVillage,
    byCategory,
    heat: unlicensedCells(cols, day, grid),
    ticker: tickerItems(input.outcomes, names, tradeGroupSizes(cols), input.tickerLimit),
    series: progressSeries(cols, input.startDay, input.endDay, day, input.stepDays ?? 7),
    areas: areaHeadlines(cols, input.areas, day),
  };
}
