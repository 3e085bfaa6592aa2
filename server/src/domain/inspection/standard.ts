import { z } from 'zod';
import type { CategoryCode } from '../categories';
import { PROBLEM_KEYS, type Problem } from '../event-types';

/** One line of a trade's checklist (生产经营规范和服务标准): failing it raises `problem`. */
export interface StandardItem {
  /** Stable within a category across versions, e.g. `licence.catering`, `hygiene.clean`. */
  code: string;
  text: string;
  textEn: string;
  problem: Problem;
}

/** One version of a trade's checklist; versions are never changed once written. */
export interface Standard {
  category: CategoryCode;
  version: number;
  items: StandardItem[];
  note: string;
  createdBy: string | null;
  createdAt: string;
}

export const standardItemSchema = z
  .object({
    code: z
      .string({ message: 'expected an item code, e.g. hygiene.clean' })
      .regex(
        /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/,
        'expected an item code of lower-case words and dots, e.g. hygiene.clean',
      )
      .max(60, 'an item code has at most 60 characters'),
    text: z.string({ message: 'expected the item in Chinese' }).trim().min(1).max(200),
    textEn: z.string({ message: 'expected the item in English' }).trim().min(1).max(300),
    problem: z.enum(PROBLEM_KEYS, {
      message: `expected the problem it raises: one of ${PROBLEM_KEYS.join(', ')}`,
    }),
  })
  .strict();

/** A checklist as an admin writes it: at least one item, each code once. */
export const standardItemsSchema = z
  .array(standardItemSchema)
  .min(1, 'a checklist needs at least one item')
  .max(100, 'a checklist has at most 100 items')
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.code))
        ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `the code ${item.code} is used twice` });
      seen.add(item.code);
    });
  });
