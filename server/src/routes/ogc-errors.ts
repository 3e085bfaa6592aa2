import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { InvalidParameter } from '../domain/ogc/invalid-parameter';
import { ApiError } from '../http/api-error';
import { logError } from '../log-error';

/** The exception codes OGC APIs answer with (as OWS and pygeoapi name them), by status. */
const CODES: Record<number, string> = {
  400: 'InvalidParameterValue',
  401: 'NotAuthenticated',
  403: 'Forbidden',
  404: 'NotFound',
  406: 'NotAcceptable',
  500: 'ServerError',
};

/**
 * An OGC exception, `{ code, description }` (with `descriptionZh`, the same in Chinese, where it was
 * written in both); a 401 also says how to authenticate.
 */
export function ogcException(status: number, description: string, descriptionZh?: string): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="shixiao"';
  const body = {
    code: CODES[status] ?? 'NoApplicableCode',
    description,
    ...(descriptionZh === undefined ? {} : { descriptionZh }),
  };
  return new Response(JSON.stringify(body), { status, headers });
}

/** Any error under /ogc as an OGC exception: ours with their status, anything unexpected as a logged 500. */
export function ogcErrorResponse(err: unknown, c: Context): Response {
  if (err instanceof InvalidParameter) return ogcException(400, err.message, err.messageZh);
  if (err instanceof ApiError) return ogcException(err.status, err.message, err.messageZh);
  if (err instanceof HTTPException && err.status < 500) return ogcException(err.status, err.message);
  logError(`${c.req.method} ${c.req.path}`, err);
  return ogcException(500, 'internal error; see the server log');
}
