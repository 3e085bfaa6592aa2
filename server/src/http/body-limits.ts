import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error';
import { MAX_UPLOAD_BYTES } from './read-upload';

/** The largest JSON (or other non-file) body: a key area of 5,000 vertices is well under it. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;

const limit = (maxSize: number, what: string) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(
        413,
        'payload_too_large',
        `the ${what} is larger than the ${Math.round(maxSize / 1024 / 1024)} MB limit${what === 'upload' ? '; split the file or import it with the CLI' : ''}`,
        undefined,
        what === 'upload'
          ? `上传的文件超过 ${Math.round(maxSize / 1024 / 1024)} MB 的上限；请把文件拆成几份分别导入，或用命令行（npm run cli -- import）导入`
          : `提交的内容超过 ${Math.round(maxSize / 1024 / 1024)} MB 的上限；请减少内容后重试`,
      );
    },
  });

const uploads = limit(MAX_UPLOAD_BYTES, 'upload');
const others = limit(MAX_JSON_BYTES, 'request body');

/** A body limit on every write: files (multipart) up to the upload limit, anything else far less. */
export function bodyLimits(): MiddlewareHandler {
  return (c, next) =>
    (c.req.header('content-type') ?? '').startsWith('multipart/form-data')
      ? uploads(c, next)
      : others(c, next);
}
