import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { getVillage, listVillages } from '../db/geography';
import type { Scope } from '../domain/auth/policy';
import { type CategoryCode, categoryIndex } from '../domain/categories';
import { formatDay, parseDay } from '../domain/dates';
import { statusSeries } from '../domain/series';
import { emptyGroup, type GroupTally, type TallyFilter, tally } from '../domain/tally';
import { notFound } from '../http/api-error';
import type { AppEnv } from '../http/auth';
import { idParam, isoDate, validate } from '../http/validate';
import { columnsFor } from '../scoped-columns';
import { scopeInTownship, villagesOfTownship } from '../township-scope';

const filterQuery = z.object({
  village: idParam.optional(),
  /** One township of the district: its premises only (and in byVillage its villages only). */
  township: idParam.optional(),
  category: z.string().optional(),
  /** Several categories at once (codes, comma-separated): the premises of any of them. */
  categories: z.string().optional(),
});

/** The scope narrowed to a township and to the categories asked for, keeping only what it already sees. */
function scopeAsked(ctx: AppContext, scope: Scope, q: z.infer<typeof filterQuery>) {
  const inTownship = q.township === undefined ? null : villagesOfTownship(ctx, q.township);
  const narrowed = scopeInTownship(scope, inTownship);
  if (q.categories === undefined) return { scope: narrowed, inTownship };
  const asked = new Set<CategoryCode>();
  for (const code of q.categories.split(',').filter(Boolean)) {
    if (categoryIndex(code) < 0) throw notFound(`category ${code}`);
    asked.add(code as CategoryCode);
  }
  const categories = narrowed.categories
    ? new Set([...asked].filter((c) => narrowed.categories?.has(c)))
    : asked;
  return { scope: { ...narrowed, categories }, inTownship };
}

/** Turns ?village=&category= into a tally filter, or a 404 naming what does not exist. */
function toFilter(ctx: AppContext, q: z.infer<typeof filterQuery>): TallyFilter {
  const filter: TallyFilter = {};
  if (q.village !== undefined) {
    if (!getVillage(ctx.db, q.village)) throw notFound(`village ${q.village}`);
    filter.villageId = q.village;
  }
  if (q.category !== undefined) {
    const index = categoryIndex(q.category);
    if (index < 0) throw notFound(`category ${q.category}`);
    filter.category = index;
  }
  return filter;
}

export function statsRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', validate('query', filterQuery.extend({ at: isoDate })), (c) => {
      const q = c.req.valid('query');
      const filter = toFilter(ctx, q);
      const { scope, inTownship } = scopeAsked(ctx, c.get('scope'), q);
      const result = tally(columnsFor(ctx, scope), parseDay(q.at) as number, filter);
      const byVillage: Record<string, GroupTally> = {};
      for (const v of listVillages(ctx.db)) {
        if (inTownship && !inTownship.has(v.id)) continue;
        if (filter.villageId === undefined || filter.villageId === v.id) {
          byVillage[String(v.id)] = result.byVillage[String(v.id)] ?? emptyGroup();
        }
      }
      return c.json({ at: q.at, ...result, byVillage });
    })
    .get('/series', validate('query', filterQuery), (c) => {
      const q = c.req.valid('query');
      const filter = toFilter(ctx, q);
      const { scope } = scopeAsked(ctx, c.get('scope'), q);
      const series = statusSeries(columnsFor(ctx, scope), ctx.startDay, ctx.endDay, 7, filter);
      return c.json({ ...series, days: series.days.map(formatDay) });
    });
}
