import { addMonths, type CampaignDay, clampDay } from './campaign-days';

export type StepUnit = 'day' | 'week' | 'month';

export const SPEEDS = { week: 7, month: 30.4 } as const;
export type Speed = keyof typeof SPEEDS;

/** The day reached after playing `elapsedMs` from `fromDay` at `speed`; stops at `lastDay`. */
export function playbackDay(
  fromDay: CampaignDay,
  elapsedMs: number,
  speed: Speed,
  lastDay: CampaignDay,
): { day: CampaignDay; done: boolean } {
  const day = Math.min(lastDay, fromDay + Math.floor((elapsedMs / 1000) * SPEEDS[speed]));
  return { day, done: day >= lastDay };
}

/** Moves by one day, week or calendar month (direction ±1), staying inside the campaign. */
export function stepDay(
  day: CampaignDay,
  unit: StepUnit,
  direction: 1 | -1,
  startDay: number,
  lastDay: CampaignDay,
): CampaignDay {
  const base = clampDay(day, lastDay);
  if (unit === 'month') return clampDay(addMonths(base, direction, startDay), lastDay);
  return clampDay(base + direction * (unit === 'week' ? 7 : 1), lastDay);
}
