import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { listAreas } from '../db/areas';
import { listTownships, listVillages } from '../db/geography';
import { lastEventDay } from '../db/premises';
import { DisplayBroadcaster } from '../display-broadcaster';
import { campaignGoals } from '../domain/campaign';
import { CATEGORIES } from '../domain/categories';
import { parseDay, todayInChina } from '../domain/dates';
import { labelPoint, roundGeometry } from '../domain/display/display-geometry';
import type { DisplayReplay } from '../domain/display/display-replay';
import type { DisplaySummary } from '../domain/display/display-summary';
import { liveDay } from '../domain/live-day';
import { STATUSES } from '../domain/statuses';
import { notFound } from '../http/api-error';
import { idParam, isoDate, validate } from '../http/validate';
import { recordName } from '../township-scope';
import { displayAnswers } from './display-answers';
import { displayBasemapRoutes } from './display-basemap';
import { displayStreamRoutes } from './display-stream';
import { townshipBbox, townshipBboxes } from './geo-helpers';

/** `?township=ID`: one township of the district on the screen; without it the whole record. */
const townshipQuery = z.object({ township: idParam.optional() });

/** Remembers the last value per key: many screens asking after one change cost one computation. */
function lastValue<T>() {
  let cached: { key: string; value: T } | null = null;
  return (key: string, compute: () => T): T => {
    if (cached?.key !== key) cached = { key, value: compute() };
    return cached.value;
  };
}

/**
 * The public big screen's API. Everything here is read-only and anonymous: counts by village and
 * category, positions only as heat cells of 200 m or coarser, outcomes only as village or township
 * + trade, and no figure but the village and township totals describes fewer than K_ANONYMITY
 * premises (see k-anonymity.ts). Nothing here reads a premise's name, operator, phone, ID number,
 * address or exact position into a response.
 */
export function displayRoutes(ctx: AppContext) {
  const broadcaster = new DisplayBroadcaster(ctx.model);
  const lastRecord = lastValue<number | null>();
  /** Live mode's day: today while the campaign runs, else the latest record (see liveDay). */
  const liveDayNow = () =>
    liveDay(
      todayInChina(),
      ctx.endDay,
      lastRecord(String(ctx.model.version), () => lastEventDay(ctx.db)),
    );
  const answers = displayAnswers(ctx);
  const summaries = lastValue<DisplaySummary>();
  const replays = lastValue<DisplayReplay>();
  const shownAreaIds = lastValue<Set<number>>();
  // Area writes do not go through the model, so cached answers key on the areas as well.
  const areasStamp = () =>
    listAreas(ctx.db)
      .map((a) => `${a.id}@${a.updatedAt}`)
      .join(',');

  /** The township asked for, or a 404 naming it; undefined for the whole record. */
  const shownTownship = (id: number | undefined) => {
    if (id === undefined) return undefined;
    const found = listTownships(ctx.db).find((t) => t.id === id);
    if (!found) throw notFound(`township ${id}`);
    return found;
  };

  return new Hono()
    .get('/campaign', validate('query', townshipQuery), (c) => {
      const { name, nameEn, start, end, sample } = ctx.campaign;
      const one = shownTownship(c.req.valid('query').township);
      const several = listTownships(ctx.db).length > 1;
      // The screen's title: the township shown, or on a record of several the district.
      const township = one?.name ?? recordName(ctx);
      const townshipEn = one || several ? township : ctx.campaign.townshipEn;
      return c.json({
        name,
        nameEn,
        township,
        townshipEn,
        start,
        end,
        sample,
        goals: campaignGoals(ctx.campaign),
        bbox: one ? (townshipBboxes(ctx.db).get(one.id) as number[]) : townshipBbox(ctx.db),
        categories: CATEGORIES.map((cat) => ({
          code: cat.code,
          name: cat.name,
          nameEn: cat.nameEn,
          color: [...cat.color],
        })),
        statuses: STATUSES.map((s) => ({ key: s.key, name: s.name, nameEn: s.nameEn, color: [...s.color] })),
      });
    })
    .get('/villages', validate('query', townshipQuery), (c) => {
      const one = shownTownship(c.req.valid('query').township);
      return c.json({
        type: 'FeatureCollection' as const,
        features: listVillages(ctx.db)
          .filter((v) => !one || v.townshipId === one.id)
          .map((v) => ({
            type: 'Feature' as const,
            properties: { id: v.id, code: v.code, name: v.name, kind: v.kind, label: labelPoint(v.geometry) },
            geometry: roundGeometry(v.geometry),
          })),
      });
    })
    .get('/areas', (c) => {
      const all = answers.areas();
      const live = liveDayNow();
      const key = `${ctx.model.version}|${live}|${areasStamp()}`;
      const shown = shownAreaIds(key, () => answers.areasShown(all, live));
      return c.json({
        type: 'FeatureCollection' as const,
        features: all
          .filter((a) => shown.has(a.id))
          .map((a) => ({
            type: 'Feature' as const,
            properties: {
              id: a.id,
              name: a.name,
              activeFrom: a.activeFrom,
              activeTo: a.activeTo,
              label: labelPoint(a.geometry),
            },
            geometry: roundGeometry(a.geometry),
          })),
      });
    })
    .get('/summary', validate('query', townshipQuery.extend({ at: isoDate.optional() })), (c) => {
      const { at, township } = c.req.valid('query');
      shownTownship(township);
      const day = at === undefined ? liveDayNow() : (parseDay(at) as number);
      const version = ctx.model.version;
      const summary = summaries(`${version}|${day}|${areasStamp()}|${township ?? ''}`, () =>
        answers.summaryOn(day, township),
      );
      c.header('Cache-Control', 'no-cache');
      return c.json({ version, ...summary });
    })
    .get('/replay', validate('query', townshipQuery), (c) => {
      const { township } = c.req.valid('query');
      shownTownship(township);
      const version = ctx.model.version;
      c.header('Cache-Control', 'no-cache');
      return c.json({
        version,
        ...replays(`${version}|${areasStamp()}|${township ?? ''}`, () => answers.replay(township)),
      });
    })
    .route('/stream', displayStreamRoutes(broadcaster))
    .route('/basemap', displayBasemapRoutes(ctx));
}
