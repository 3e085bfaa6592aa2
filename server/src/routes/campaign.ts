import { Hono } from 'hono';
import type { AppContext } from '../context';
import { planGoals } from '../domain/campaign';
import { CATEGORIES } from '../domain/categories';
import { dayParts } from '../domain/dates';
import { EVENT_TYPES, PROBLEMS } from '../domain/event-types';
import { LICENCE_TYPES } from '../domain/licences';
import { STATUSES } from '../domain/statuses';
import { townshipBbox } from './geo-helpers';

export function campaignRoutes(ctx: AppContext) {
  return new Hono().get('/', (c) =>
    c.json({
      ...ctx.campaign,
      goals: planGoals(dayParts(ctx.startDay).year),
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
    }),
  );
}
