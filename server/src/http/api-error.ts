import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error with the JSON shape and status the API answers with:
 * `{ error: { code, message, messageZh?, details? } }`. `messageZh` is the message in Chinese, for
 * the page, where it was written in both languages (the import and export refusals).
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly messageZh?: string,
  ) {
    super(message);
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.messageZh === undefined ? {} : { messageZh: this.messageZh }),
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** A 404 naming what is not there, e.g. `premise 12 not found` (未找到：premise 12). */
export const notFound = (what: string) =>
  new ApiError(404, 'not_found', `${what} not found`, undefined, `未找到：${what}`);
