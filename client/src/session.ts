import { type Action, grant } from '@domain/auth/policy';
import { create } from 'zustand';
import { ApiRequestError, fetchMe, type Me } from './api';
import { onSignedOut } from './api-errors';

/** Who is using the page: not known yet, nobody (the sign-in shows), or an account. */
export type Session = { state: 'unknown' } | { state: 'signed-out' } | { state: 'signed-in'; me: Me };

export const useSession = create<Session>()(() => ({ state: 'unknown' }));

/** Asks the server who is signed in and keeps the answer. */
export async function loadSession(): Promise<void> {
  try {
    useSession.setState({ state: 'signed-in', me: await fetchMe() }, true);
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401)
      useSession.setState({ state: 'signed-out' }, true);
    else throw err;
  }
}

// Any request that finds the session over sends the page to the sign-in (the URL stays as it is).
onSignedOut(() => useSession.setState({ state: 'signed-out' }, true));

/** Whether the signed-in account may do `action` (the server's own table; the server decides anyway). */
export function useCan(action: Action): boolean {
  return useSession((s) => s.state === 'signed-in' && grant({ ...s.me, villages: [] }, action) !== null);
}
