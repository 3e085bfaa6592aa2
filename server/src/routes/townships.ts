import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { listTownships } from '../db/geography';
import { parseDay } from '../domain/dates';
import { rankTownships } from '../domain/rank-townships';
import { tally } from '../domain/tally';
import type { AppEnv } from '../http/auth';
import { isoDate, validate } from '../http/validate';
import { columnsFor } from '../scoped-columns';
import { townshipOfVillage } from '../township-scope';
import { townshipBboxes } from './geo-helpers';

/**
 * The district's townships ranked on a day (GET /api/townships?at=): each one's premises surveyed,
 * unlicensed and progress, rolled up from its villages as the scope sees them. An account limited
 * to some villages or townships gets only the townships it sees into.
 */
export function townshipRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/', validate('query', z.object({ at: isoDate })), (c) => {
    const { at } = c.req.valid('query');
    const scope = c.get('scope');
    const townshipOf = townshipOfVillage(ctx);
    const seen = scope.villages ? new Set([...scope.villages].map((v) => townshipOf.get(v))) : null;
    const townships = listTownships(ctx.db).filter((t) => !seen || seen.has(t.id));
    const { byVillage } = tally(columnsFor(ctx, scope), parseDay(at) as number);
    const bboxes = townshipBboxes(ctx.db);
    const ranked = rankTownships(townships, (v) => townshipOf.get(v), byVillage);
    return c.json({ at, townships: ranked.map((t) => ({ ...t, bbox: bboxes.get(t.id) ?? null })) });
  });
}
