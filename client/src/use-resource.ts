import { useEffect, useState } from 'react';

export type Resource<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'ready'; data: T; error?: undefined }
  | { state: 'error'; data?: undefined; error: Error };

/** Answers (or requests in flight) by key, for the page's lifetime; failures are dropped so a retry refetches. */
const cache = new Map<string, { promise: Promise<unknown>; data?: unknown; done: boolean }>();

function request<T>(key: string, load: () => Promise<T>) {
  let entry = cache.get(key);
  if (!entry) {
    const fresh: { promise: Promise<unknown>; data?: unknown; done: boolean } = {
      promise: load(),
      done: false,
    };
    fresh.promise.then(
      (data) => {
        fresh.data = data;
        fresh.done = true;
      },
      () => cache.delete(key),
    );
    cache.set(key, fresh);
    entry = fresh;
  }
  return entry as { promise: Promise<T>; data?: T; done: boolean };
}

/**
 * Loads `key` once with `load` and keeps the answer (a key of null loads nothing). Enough for this
 * page's few, mostly immutable resources; concurrent users of a key share one request.
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> & { retry(): void } {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ key: string | null; resource: Resource<T> }>(() => {
    const entry = key === null ? undefined : cache.get(key);
    return { key, resource: entry?.done ? { state: 'ready', data: entry.data as T } : { state: 'loading' } };
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is identified by `key`; `attempt` forces a retry
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const entry = request(key, load);
    if (entry.done) setResult({ key, resource: { state: 'ready', data: entry.data as T } });
    else {
      setResult({ key, resource: { state: 'loading' } });
      entry.promise.then(
        (data) => live && setResult({ key, resource: { state: 'ready', data } }),
        (error: unknown) =>
          live &&
          setResult({
            key,
            resource: { state: 'error', error: error instanceof Error ? error : new Error(String(error)) },
          }),
      );
    }
    return () => {
      live = false;
    };
  }, [key, attempt]);
  // A result for a previous key is not an answer for this one.
  const resource: Resource<T> = result.key === key ? result.resource : { state: 'loading' };
  return { ...resource, retry: () => setAttempt((n) => n + 1) };
}
