import { z } from 'zod';
import { CATEGORY_CODES } from '../domain/categories';
import { parseDay } from '../domain/dates';

/** The choices a person makes for a whole premise list. */
export const premiseImportOptions = z
  .object({
    /** The system of 经度/纬度 in rows without a 坐标系 cell. */
    crs: z
      .enum(['WGS84', 'CGCS2000', 'GCJ02', 'BD09'], {
        message: 'expected one of WGS84, CGCS2000, GCJ02, BD09',
      })
      .default('WGS84'),
    /** The 摸底 date of rows without a 摸底日期 cell; today when absent. */
    surveyDate: z
      .string()
      .refine((s) => parseDay(s) !== null, { message: 'expected a real date as YYYY-MM-DD, e.g. 2008-03-15' })
      .optional(),
    /** The category of rows without a 行业 cell. */
    defaultCategory: z
      .enum(CATEGORY_CODES, { message: `expected one of ${CATEGORY_CODES.join(', ')}` })
      .optional(),
  })
  .strict();

export type PremiseImportOptions = z.infer<typeof premiseImportOptions>;

/** What to do with a row that matches a premise on record: skip it, merge it in, or add it as a new premise. */
export const duplicateDecision = z.enum(['skip', 'merge', 'new'], { message: 'expected skip, merge or new' });
export type DuplicateDecision = z.infer<typeof duplicateDecision>;

export const commitDecisions = z
  .object({
    duplicates: duplicateDecision.default('skip'),
    /** Per-row decisions by row number, overriding `duplicates`. */
    rows: z
      .record(z.string().regex(/^\d+$/, { message: 'expected row numbers as keys' }), duplicateDecision)
      .default({}),
  })
  .strict();

export type CommitDecisions = z.infer<typeof commitDecisions>;
