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

/** What a 404 names, in Chinese: the first word of `what` (`premise 12` → 未找到场所：12). */
const THINGS_ZH: Record<string, string> = {
  premise: '场所',
  village: '村（社区）',
  township: '乡镇',
  user: '账号',
  token: '访问令牌',
  category: '行业',
  area: '重点区域',
  task: '任务',
  photo: '照片',
  draw: '抽查',
  alias: '地名别名',
};

/** A 404 naming what is not there, e.g. `premise 12 not found` (未找到场所：12). */
export const notFound = (what: string) => {
  const [, thing, rest] = /^(\w+) (.*)$/su.exec(what) ?? [];
  const zh = thing && THINGS_ZH[thing] ? `未找到${THINGS_ZH[thing]}：${rest}` : `未找到：${what}`;
  return new ApiError(404, 'not_found', `${what} not found`, undefined, zh);
};
