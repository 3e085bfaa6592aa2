import { z } from 'zod';
import { type AnnualGoal, planGoals } from './campaign';
import { day, formatDay, parseDay } from './dates';

/** The longest campaign the product is built for: the plan runs three years, a few run over. */
const MAX_YEARS = 10;

const name = (example: string) =>
  z
    .string({ message: `expected a name, e.g. ${example}` })
    .transform((s) => s.normalize('NFKC').replace(/\s+/gu, ''))
    .pipe(
      z
        .string()
        .min(2, `expected a name of at least two characters, e.g. ${example}`)
        .max(40, 'at most 40 characters'),
    );

const optionalName = (example: string) => z.union([z.literal(''), name(example)]).default('');

const names = (example: string) =>
  z
    .array(name(example))
    .max(10, 'at most 10 names')
    .default([])
    .transform((list) => [...new Set(list)]);

const date = () =>
  z
    .string({ message: 'expected a date as YYYY-MM-DD' })
    .refine((s) => parseDay(s) !== null, 'expected a real date as YYYY-MM-DD, e.g. 2008-01-01');

const goalSchema = z.object({
  year: z.number().int(),
  due: date(),
  targetProgress: z.number().min(0, 'a target from 0 to 1').max(1, 'a target from 0 to 1 (0.8 = 80 %)'),
  title: z.string().trim().min(1, 'each year of the plan needs a title').max(60),
  titleEn: z.string().trim().max(80).default(''),
  goals: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  goalsEn: z.array(z.string().trim().max(300)).max(20).default([]),
});

/**
 * What a person gives to set a township up (or revise it): the administrative chain with codes and
 * former names, the campaign's name and dates (three years from `start` when `end` is left out),
 * and the plan's goals per year (the plan's own three when left out). Every message names the field.
 */
export const campaignSetupSchema = z
  .object({
    province: optionalName('浙江省'),
    city: optionalName('杭州市'),
    district: optionalName('钱塘区'),
    districtCode: z
      .string()
      .trim()
      .regex(/^(\d{6}|\d{12})?$/, 'expected the 6-digit code of the district, e.g. 330114')
      .default(''),
    districtOtherNames: names('江干区'),
    township: name('石塘镇'),
    townshipEn: z.string().trim().max(60).default(''),
    townshipCode: z
      .string()
      .trim()
      .regex(/^(\d{9}|\d{12})?$/, 'expected the 12-digit code of the township, e.g. 330114104000')
      .default('')
      .transform((c) => (c.length === 9 ? `${c}000` : c)),
    townshipOtherNames: names('石塘街道'),
    name: z.string().trim().min(1, 'the campaign needs a name').max(60).default('十小整治三年行动'),
    nameEn: z.string().trim().max(80).default('Ten Small Industries Campaign'),
    start: date(),
    end: date().optional(),
    goals: z.array(goalSchema).max(MAX_YEARS).nullable().optional(),
  })
  .strict()
  .transform((s) => ({ ...s, end: s.end ?? formatDay(day(s.start) + threeYearsDays(s.start)) }))
  .superRefine((s, ctx) => {
    if (s.end <= s.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: `${s.end} is not after the start ${s.start}` });
    const years = Number(s.end.slice(0, 4)) - Number(s.start.slice(0, 4));
    if (years >= MAX_YEARS)
      ctx.addIssue({ code: 'custom', path: ['end'], message: `a campaign runs at most ${MAX_YEARS} years` });
    if (s.townshipCode && s.districtCode && !s.townshipCode.startsWith(s.districtCode.slice(0, 6))) {
      ctx.addIssue({
        code: 'custom',
        path: ['townshipCode'],
        message: `${s.townshipCode} does not start with the district's code ${s.districtCode.slice(0, 6)}`,
      });
    }
    for (const [i, g] of (s.goals ?? []).entries()) {
      if (g.due < s.start || g.due > s.end) {
        ctx.addIssue({
          code: 'custom',
          path: ['goals', i, 'due'],
          message: `year ${i + 1} of the plan is due ${g.due}, outside the campaign ${s.start} … ${s.end}`,
        });
      }
    }
  });

export type CampaignSetup = z.output<typeof campaignSetupSchema>;
export type CampaignSetupInput = z.input<typeof campaignSetupSchema>;

/** Days from `start` to the day before the same date three years on: 2008-01-01 → 2010-12-31. */
function threeYearsDays(start: string): number {
  const [y, m, d] = start.split('-');
  const later = parseDay(`${Number(y) + 3}-${m}-${d}`) ?? parseDay(`${Number(y) + 3}-${m}-28`);
  return (later as number) - 1 - day(start);
}

/** The goals to keep: as given, else the plan's three placed on the campaign's years. */
export function setupGoals(s: CampaignSetup): AnnualGoal[] | null {
  if (s.goals === undefined || s.goals === null) return null;
  return s.goals;
}

/** The plan's goals for a campaign starting on `start`, for a form to start from. */
export function defaultGoals(start: string): AnnualGoal[] {
  return planGoals(Number(start.slice(0, 4)));
}
