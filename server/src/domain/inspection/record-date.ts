import { formatDay } from '../dates';
import type { PremiseEvent } from '../premise-event';

/** The day a premise was surveyed (its file opened): its surveyed record, else its first record. */
export function surveyDayOf(events: readonly PremiseEvent[]): number | null {
  return events.find((e) => e.type === 'surveyed')?.day ?? events[0]?.day ?? null;
}

/**
 * What is wrong with the day of a new record, or null: a record tells what happened, so not in
 * the future (China's calendar), and not before the premise was surveyed.
 */
export function recordDayProblem(
  day: number,
  rules: { surveyDay: number | null; todayDay: number },
): string | null {
  if (day > rules.todayDay)
    return `${formatDay(day)} is in the future (today is ${formatDay(rules.todayDay)})`;
  if (rules.surveyDay !== null && day < rules.surveyDay) {
    return `${formatDay(day)} is before this premise was surveyed (${formatDay(rules.surveyDay)})`;
  }
  return null;
}
