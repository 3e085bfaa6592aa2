import { day } from '../dates';

/**
 * The day a campaign year is accepted on: its last day (31 December), or today while the year is
 * still running — `final` says which. Records dated after that day do not count.
 */
export function acceptanceDay(year: number, todayDay: number): { day: number; final: boolean } {
  const end = day(`${year}-12-31`);
  return { day: Math.min(end, todayDay), final: todayDay > end };
}
