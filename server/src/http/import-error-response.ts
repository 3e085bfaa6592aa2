import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ImportError } from '../domain/import/import-error';
import { redactPersonal } from '../domain/redact-personal';
import { logError } from '../log-error';
import { ApiError } from './api-error';
import { constraintError } from './constraint-message';

/**
 * The error handler of the import and export routes: an ImportError answers with its own status
 * and message (and its Chinese, when it has one).
 */
export function importErrorResponse(err: Error, c: Context) {
  if (err instanceof ImportError) {
    return c.json(
      new ApiError(err.status, err.code, err.message, err.details, err.messageZh).toJSON(),
      err.status,
    );
  }
  if (err instanceof ApiError) return c.json(err.toJSON(), err.status);
  const refused = constraintError(err);
  if (refused) {
    console.error(redactPersonal(`${c.req.method} ${c.req.path}: ${err.message}`));
    return c.json(refused.toJSON(), refused.status);
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(
      new ApiError(
        err.status,
        err.status === 413 ? 'payload_too_large' : 'bad_request',
        err.message,
        undefined,
        err.status === 413 ? '上传的内容超过大小上限；请把文件拆成几份分别导入' : undefined,
      ).toJSON(),
      err.status,
    );
  }
  logError(`${c.req.method} ${c.req.path}`, err);
  return c.json(new ApiError(500, 'internal', 'internal error; see the server log').toJSON(), 500);
}
