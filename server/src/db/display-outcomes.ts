import type { CategoryCode } from '../domain/categories';
import { OUTCOME_EVENT_TYPES, type OutcomeEvent } from '../domain/display/display-ticker';
import type { EventType } from '../domain/event-types';
import type { Db } from './open-database';

// Only what the public ticker may know: day, type, pass/fail, village, trade. Never the premise.
const SELECT = `SELECT e.day, e.type, e.passed, p.village_id, p.category
  FROM events e JOIN premises p ON p.id = e.premise_id
  WHERE e.type IN (${OUTCOME_EVENT_TYPES.map(() => '?').join(', ')})`;

function toOutcome(r: unknown[]): OutcomeEvent {
  const [day, type, passed, villageId, category] = r;
  return {
    day: Number(day),
    type: type as EventType,
    ...(passed === null ? {} : { passed: passed === 1 }),
    villageId: Number(villageId),
    category: category as CategoryCode,
  };
}

/** Outcome records on or before `untilDay`, newest first, streamed (the caller stops when it has enough). */
export function* outcomesNewestFirst(db: Db, untilDay: number): Generator<OutcomeEvent> {
  const rows = db
    .prepare(`${SELECT} AND e.day <= ? ORDER BY e.day DESC, e.id DESC`)
    .raw()
    .iterate(...OUTCOME_EVENT_TYPES, untilDay) as IterableIterator<unknown[]>;
  for (const r of rows) yield toOutcome(r);
}

/** Every outcome record through `untilDay`, oldest first, streamed. */
export function* outcomesOldestFirst(db: Db, untilDay: number): Generator<OutcomeEvent> {
  const rows = db
    .prepare(`${SELECT} AND e.day <= ? ORDER BY e.day, e.id`)
    .raw()
    .iterate(...OUTCOME_EVENT_TYPES, untilDay) as IterableIterator<unknown[]>;
  for (const r of rows) yield toOutcome(r);
}
