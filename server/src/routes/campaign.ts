import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { campaignGoals } from '../domain/campaign';
import { campaignSetupSchema, defaultGoals } from '../domain/campaign-setup';
import { CATEGORIES } from '../domain/categories';
import { EVENT_TYPES, PROBLEMS } from '../domain/event-types';
import { LICENCE_TYPES } from '../domain/licences';
import { STATUSES } from '../domain/statuses';
import { type AppEnv, actorName } from '../http/auth';
import { validate } from '../http/validate';
import { addTownship, townshipsToAdd } from '../pipelines/add-township';
import { setUpCampaign } from '../pipelines/set-up-campaign';
import { setupStatus } from '../pipelines/setup-status';
import { townshipBbox } from './geo-helpers';

function campaignAnswer(ctx: AppContext) {
  return {
    ...ctx.campaign,
    goals: campaignGoals(ctx.campaign),
    bbox: townshipBbox(ctx.db),
    categories: CATEGORIES.map((cat) => ({
      code: cat.code,
      name: cat.name,
      nameEn: cat.nameEn,
      glyph: cat.glyph,
      color: [...cat.color],
      licences: [...cat.licences],
      department: cat.department,
    })),
    statuses: STATUSES.map((s) => ({ key: s.key, name: s.name, nameEn: s.nameEn, color: [...s.color] })),
    eventTypes: EVENT_TYPES.map((e) => ({ ...e })),
    problems: PROBLEMS.map((p) => ({ ...p })),
    licenceTypes: LICENCE_TYPES.map((l) => ({ ...l })),
  };
}

/** The campaign: read by every page; set up and revised by the office. */
export function campaignRoutes(ctx: AppContext) {
  return new Hono()
    .get('/', (c) => c.json(campaignAnswer(ctx)))
    .put('/', validate('json', campaignSetupSchema), (c) => {
      setUpCampaign(ctx, c.req.valid('json'), null);
      return c.json(campaignAnswer(ctx));
    });
}

/** A township added to the district: its name and 12-digit code (its boundaries are imported next). */
const newTownship = z.object({
  name: z.string().trim().min(1, 'name the township, e.g. 石塘镇'),
  code: z.string(),
});

/** How far the set-up of the township has come: what the set-up page shows and starts from. */
export function setupRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/townships', validate('json', newTownship), (c) => {
      const added = addTownship(ctx, c.req.valid('json'), actorName(c));
      return c.json({ ...added, waiting: townshipsToAdd(ctx.db) }, 201);
    })
    .get('/', (c) => {
      const year = new Date().getUTCFullYear();
      const start = ctx.campaign.configured ? ctx.campaign.start : `${year}-01-01`;
      const { next: _next, ...status } = setupStatus(ctx);
      return c.json({
        ...status,
        /** Townships added to the district whose boundaries are still to come (`POST /townships`). */
        waiting: townshipsToAdd(ctx.db),
        defaults: { start, end: `${Number(start.slice(0, 4)) + 2}-12-31`, goals: defaultGoals(start) },
      });
    });
}
