import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './api-errors';

/** How many times a read that failed on the way is asked again. */
const RETRIES = 2;

/**
 * Whether a failed read is worth asking again: the server could not be reached (fetch's TypeError)
 * or a proxy in front of it had a hiccup. An answer the server meant (401, 403, any other 4xx, a
 * 500 that would only repeat) is final; a 401 has already sent the page to the sign-in.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= RETRIES) return false;
  if (error instanceof ApiRequestError)
    return error.status === 502 || error.status === 503 || error.status === 504;
  return error instanceof TypeError;
}

/** The page's one cache of server data (main.tsx makes it; tests make their own). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The server is our own, on the township's network: whether the browser believes it is
        // online (it may not, on a LAN without the internet) says nothing about reaching it.
        networkMode: 'always',
        // What the page shows changes through its own writes, and each write invalidates what it
        // changed (see writes.ts); lists that others change say so with their own staleTime.
        staleTime: Number.POSITIVE_INFINITY,
        retry: shouldRetry,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
