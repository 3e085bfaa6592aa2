import type { Category } from './categories';
import type { PremiseEvent } from './premise-event';
import { applyEvent, initialState, isUnlicensed } from './status-at';
import type { Status } from './statuses';

/** Day used as the end of an interval that has not ended (fits int32 and float32 exactly). */
export const OPEN_END = 9_999_999;

/** A stretch of days [fromDay, toDay) over which a premise's status and licence state hold still. */
export interface StatusInterval {
  fromDay: number;
  toDay: number;
  status: Status;
  unlicensed: boolean;
}

/**
 * The premise's history as intervals: the fold of its events (sorted by day), split wherever the
 * status changes or a licence runs out. Nothing before the survey.
 */
export function premiseIntervals(category: Category, events: readonly PremiseEvent[]): StatusInterval[] {
  const state = initialState();
  const out: StatusInterval[] = [];
  let i = 0;
  let cursor = events.length > 0 ? events[0].day : OPEN_END;
  while (cursor < OPEN_END) {
    while (i < events.length && events[i].day <= cursor) applyEvent(state, events[i++]);
    let next = i < events.length ? events[i].day : OPEN_END;
    for (const held of state.licences.values()) {
      const end = held.toDay + 1;
      if (end > cursor && end < next) next = end;
    }
    if (state.status !== null) {
      const unlicensed = isUnlicensed(state, category, cursor);
      const last = out[out.length - 1];
      if (last && last.toDay === cursor && last.status === state.status && last.unlicensed === unlicensed) {
        last.toDay = next;
      } else {
        out.push({ fromDay: cursor, toDay: next, status: state.status, unlicensed });
      }
    }
    cursor = next;
  }
  return out;
}
