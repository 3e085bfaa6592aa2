import type { Lang } from './lib/url-state';

const signedOutListeners = new Set<() => void>();

/** Calls `listener` whenever a request finds nobody signed in; returns the function that stops it. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/**
 * An HTTP failure with the server's own message (and its details, e.g. the rows refused) when it
 * sent one, and the message in Chinese (`messageZh`) when the server wrote it in both languages.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly messageZh?: string,
  ) {
    super(message);
  }
}

/** What went wrong, in the page's language: the server's Chinese message when it sent one. */
export function errorText(err: unknown, lang: Lang): string {
  if (lang === 'zh' && err instanceof ApiRequestError && err.messageZh) return err.messageZh;
  return err instanceof Error ? err.message : String(err);
}

/**
 * The response when it succeeded, else an ApiRequestError with the server's words. A 401 (the
 * session ended, or nobody signed in) also tells the page, which then asks for a sign-in.
 */
export async function ok(res: Response): Promise<Response> {
  if (res.ok) return res;
  if (res.status === 401) for (const listener of signedOutListeners) listener();
  let message = `${res.status} ${res.statusText}`;
  let messageZh: string | undefined;
  let details: unknown;
  try {
    const body = (await res.clone().json()) as {
      error?: { message?: string; messageZh?: string; details?: unknown };
    };
    if (body.error?.message) message = body.error.message;
    messageZh = body.error?.messageZh;
    details = body.error?.details;
  } catch {
    // not JSON: keep the status line
  }
  throw new ApiRequestError(res.status, message, details, messageZh);
}
