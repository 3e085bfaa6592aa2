import type { EventType, Problem } from './event-types';
import type { LicenceType } from './licences';

/** One supervision record, with its dates as epoch days. */
export interface PremiseEvent {
  day: number;
  type: EventType;
  /** inspected / reinspected / incident: what was found. */
  problems?: Problem[];
  /** ordered: the rectification deadline. */
  deadlineDay?: number;
  /** reinspected: whether the rectification passed. */
  passed?: boolean;
  /** licence_obtained / licence_expired. */
  licence?: LicenceType;
  licenceNo?: string;
  /** licence_obtained: last valid day (inclusive). Absent means no expiry. */
  validToDay?: number;
  note?: string;
}

/** Orders events by day; events on the same day keep their recorded order. */
export function sortEvents<T extends PremiseEvent>(events: readonly T[]): T[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.day - b.e.day || a.i - b.i)
    .map((x) => x.e);
}
