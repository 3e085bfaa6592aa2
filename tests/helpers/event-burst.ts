import Database from 'better-sqlite3';
import { day } from '../../server/src/domain/dates';
import type { SignedInFetch } from './api-session';

/** A record the server acknowledged (201): it must be in the database from then on, whatever happens. */
export interface Acknowledged {
  id: number;
  premiseId: number;
}

export interface EventBurst {
  /** Every record the server answered 201 for, in order. */
  readonly acked: Acknowledged[];
  /** Statuses other than 201 (a refusal is a failure here; a cut connection is not an answer). */
  readonly refused: number[];
  /** Stops the writers and waits for their last requests. */
  stop(): Promise<void>;
}

/** Premises surveyed on or before `date` (so a record that day is accepted), read from the database file. */
export function premisesSurveyedBy(dbFile: string, date: string, limit = 200): number[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        "SELECT premise_id FROM events WHERE type = 'surveyed' GROUP BY premise_id HAVING min(day) <= ? ORDER BY premise_id LIMIT ?",
      )
      .pluck()
      .all(day(date), limit) as number[];
  } finally {
    db.close();
  }
}

/**
 * Records inspections on `premiseIds` from `writers` clients at once, as fast as the server answers,
 * until stopped; remembers which ones it acknowledged.
 */
export function eventBurst(
  api: SignedInFetch,
  premiseIds: readonly number[],
  { writers = 4, date = '2010-06-30' } = {},
): EventBurst {
  const acked: Acknowledged[] = [];
  const refused: number[] = [];
  let running = true;
  const writer = async (first: number) => {
    for (let i = first; running; i += writers) {
      const premiseId = premiseIds[i % premiseIds.length];
      try {
        const res = await api(`/api/premises/${premiseId}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ date, type: 'inspected', note: `burst ${i}` }),
        });
        if (res.status !== 201) refused.push(res.status);
        else acked.push({ id: (await res.json()).id, premiseId });
      } catch {
        // The server is gone (killed): this one was never acknowledged.
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const done = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  return {
    acked,
    refused,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** Resolves once `ready()` is true, checking every `everyMs`; rejects after `timeoutMs`. */
export async function until(
  ready: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
  everyMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
