import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { type ZodType, z } from 'zod';
import { parseDay } from '../domain/dates';
import { ApiError } from './api-error';

/** zValidator that answers a failure with our 400 shape, naming the field and what was expected. */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
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
}

/** A YYYY-MM-DD date that exists on the calendar. */
export const isoDate = z
  .string()
  .refine((s) => parseDay(s) !== null, { message: 'expected a real date as YYYY-MM-DD, e.g. 2009-06-30' });

/** A positive integer id from a path or query string. */
export const idParam = z.coerce.number({ message: 'expected a numeric id' }).int().positive();
