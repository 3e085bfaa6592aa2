import { zValidator } from '@hono/zod-validator';
import type { Context, ValidationTargets } from 'hono';
import { type ZodType, z } from 'zod';
import { parseDay } from '../domain/dates';
import { ApiError } from './api-error';

const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

/**
 * Refuses a body that is not JSON. A request with no body at all passes (its JSON is then `{}`), so
 * `POST /undo` with nothing still works; `text/plain` or a form, which a page on another site can
 * send without asking, is refused instead of being read as `{}`.
 */
function requireJsonBody(c: Context): void {
  const type = c.req.header('content-type');
  const media = type?.split(';')[0].trim() ?? '';
  const hasBody =
    type !== undefined ||
    (c.req.header('content-length') ?? '0') !== '0' ||
    c.req.header('transfer-encoding') !== undefined;
  if (hasBody && !JSON_MEDIA.test(media)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `expected a JSON body sent as Content-Type: application/json${media ? `, not ${media}` : ''}`,
    );
  }
}

/**
 * zValidator that answers a failure with our 400 shape, naming the field and what was expected.
 * A `json` target also refuses a body of any other type with 415.
 */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  const check = zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      const first = issues[0];
      throw new ApiError(
        400,
        'bad_request',
        first.path ? `${first.path}: ${first.message}` : first.message,
        issues,
      );
    }
  });
  if (target !== 'json') return check;
  const jsonOnly: typeof check = async (c, next) => {
    requireJsonBody(c);
    return check(c, next);
  };
  return jsonOnly;
}

/** A YYYY-MM-DD date that exists on the calendar. */
export const isoDate = z
  .string()
  .refine((s) => parseDay(s) !== null, { message: 'expected a real date as YYYY-MM-DD, e.g. 2009-06-30' });

/** A positive integer id from a path or query string. */
export const idParam = z.coerce.number({ message: 'expected a numeric id' }).int().positive();
