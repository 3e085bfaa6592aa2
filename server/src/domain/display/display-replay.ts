import { CATEGORY_CODES } from '../categories';
import { formatDay } from '../dates';
import type { PremiseColumns } from '../premise-columns';
import { statusSeries } from '../series';
import type { Status } from '../statuses';
import type { TallyFilter } from '../tally';
import { type AreaFrames, areaFrames, type DisplayAreaInput } from './display-areas';
import { type HeatFrames, type HeatGrid, unlicensedCellFrames } from './display-heat-grid';
import type { DisplayVillage } from './display-summary';
import { type OutcomeEvent, type TickerItem, tickerLine } from './display-ticker';
import { K_ANONYMITY } from './k-anonymity';
import { tradeGroupSizes } from './trade-group-sizes';

/** Counts of one group on every frame day. */
export interface FrameCounts {
  surveyed: number[];
  unlicensed: number[];
  progress: number[];
}

/** A trade's township figures on every frame day, null on the frames it has fewer than K_ANONYMITY. */
export interface TradeFrames {
  surveyed: (number | null)[];
  unlicensed: (number | null)[];
  progress: (number | null)[];
}

/** Counts of one group on every frame day, by status too. */
export interface FrameGroup extends FrameCounts {
  byStatus: Record<Status, number[]>;
}

/** The whole campaign as frames every `stepDays`, for the screen to play without asking again. */
export interface DisplayReplay {
  stepDays: number;
  days: string[];
  totals: FrameGroup;
  byVillage: Record<string, FrameGroup>;
  byCategory: Record<string, TradeFrames>;
  heat: HeatFrames;
  /** One outcome every `tickerStride` frames (the newest of those frames), in frame order. */
  ticker: (TickerItem & { frame: number })[];
  /** The key areas shown on some frame. */
  areas: AreaFrames[];
}

export interface DisplayReplayInput {
  cols: PremiseColumns;
  startDay: number;
  endDay: number;
  stepDays: number;
  villages: readonly DisplayVillage[];
  /** Outcome records, oldest first. */
  outcomes: Iterable<OutcomeEvent>;
  grid: HeatGrid;
  /** Frames per ticker item: the replay runs weeks a second, a sentence needs a moment to be read. */
  tickerStride: number;
  areas: readonly DisplayAreaInput[];
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function counts(cols: PremiseColumns, input: DisplayReplayInput, filter: TallyFilter = {}) {
  const s = statusSeries(cols, input.startDay, input.endDay, input.stepDays, filter);
  const frame: FrameGroup = {
    surveyed: s.surveyed,
    unlicensed: s.unlicensed,
    progress: s.progress.map(round4),
    byStatus: s.byStatus,
  };
  return { series: s, frame };
}

/** Index of the first frame day >= day (frames.length when after the last). */
function frameOf(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function displayReplay(input: DisplayReplayInput): DisplayReplay {
  const { cols, villages } = input;
  const total = counts(cols, input);
  const days = total.series.days;
  const byVillage: Record<string, FrameGroup> = {};
  for (const v of villages) byVillage[String(v.id)] = counts(cols, input, { villageId: v.id }).frame;
  const byCategory: Record<string, TradeFrames> = {};
  CATEGORY_CODES.forEach((code, category) => {
    const { surveyed, unlicensed, progress } = counts(cols, input, { category }).frame;
    const shown = (j: number) => surveyed[j] >= K_ANONYMITY;
    byCategory[code] = {
      surveyed: surveyed.map((n, j) => (shown(j) ? n : null)),
      unlicensed: unlicensed.map((n, j) => (shown(j) ? n : null)),
      progress: progress.map((p, j) => (shown(j) ? p : null)),
    };
  });

  const names = new Map(villages.map((v) => [v.id, v.name]));
  // The last frame of each stride shows the newest outcome of the stride's frames.
  const stride = Math.max(1, input.tickerStride);
  const showAt = (frame: number) => Math.min(days.length - 1, Math.ceil(frame / stride) * stride);
  const newest = new Map<number, TickerItem>();
  const sizes = tradeGroupSizes(cols);
  for (const e of input.outcomes) {
    const frame = frameOf(days, e.day);
    if (frame >= days.length) continue;
    const item = tickerLine(e, names, sizes);
    if (item) newest.set(showAt(frame), item);
  }

  return {
    stepDays: input.stepDays,
    days: days.map(formatDay),
    totals: total.frame,
    byVillage,
    byCategory,
    heat: unlicensedCellFrames(cols, days, input.grid),
    ticker: [...newest].sort((a, b) => a[0] - b[0]).map(([frame, item]) => ({ ...item, frame })),
    areas: areaFrames(cols, input.areas, input.startDay, input.endDay, input.stepDays),
  };
}
