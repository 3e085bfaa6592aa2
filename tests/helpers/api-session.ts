import { TEST_ADMIN_PASSWORD } from './app-in-browser';

/** fetch against a running server as one signed-in account (its session cookie and own Origin). */
export type SignedInFetch = (path: string, init?: RequestInit) => Promise<Response>;

/** Signs in over HTTP, as a script or another process would, and returns a fetch that carries the session. */
export async function signedInFetch(
  serverUrl: string,
  account: { username: string; password: string } = { username: 'admin', password: TEST_ADMIN_PASSWORD },
): Promise<SignedInFetch> {
  const res = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: serverUrl },
    body: JSON.stringify(account),
  });
  if (!res.ok) throw new Error(`sign-in as ${account.username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    headers.set('origin', serverUrl);
    return fetch(`${serverUrl}${path}`, { ...init, headers });
  };
}
