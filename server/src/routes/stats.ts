import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { getVillage, listVillages } from '../db/geography';
import { categoryIndex } from '../domain/categories';
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
});

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
      const inTownship = q.township === undefined ? null : villagesOfTownship(ctx, q.township);
      const scope = scopeInTownship(c.get('scope'), inTownship);
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
      const inTownship = q.township === undefined ? null : villagesOfTownship(ctx, q.township);
      const scope = scopeInTownship(c.get('scope'), inTownship);
      const series = statusSeries(columnsFor(ctx, scope), ctx.startDay, ctx.endDay, 7, filter);
      return c.json({ ...series, days: series.days.map(formatDay) });
    });
}
