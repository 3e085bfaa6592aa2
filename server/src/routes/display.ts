import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { listAreas } from '../db/areas';
import { outcomesNewestFirst, outcomesOldestFirst } from '../db/display-outcomes';
import { listVillages } from '../db/geography';
import { lastEventDay } from '../db/premises';
import { DisplayBroadcaster } from '../display-broadcaster';
import { campaignGoals } from '../domain/campaign';
import { CATEGORIES } from '../domain/categories';
import { parseDay, todayInChina } from '../domain/dates';
import { areaFrames, areaHeadlines, type DisplayAreaInput } from '../domain/display/display-areas';
import { labelPoint, roundGeometry } from '../domain/display/display-geometry';
import { heatGrid } from '../domain/display/display-heat-grid';
import { displayReplay } from '../domain/display/display-replay';
import { displaySummary } from '../domain/display/display-summary';
import { liveDay } from '../domain/live-day';
import { STATUSES } from '../domain/statuses';
import { isoDate, validate } from '../http/validate';
import { displayBasemapRoutes } from './display-basemap';
import { displayStreamRoutes } from './display-stream';
import { townshipBbox } from './geo-helpers';

/** Side of the heatmap's cells: twice the floor of 100 m, wide enough that no cell points at a door. */
const CELL_METERS = 200;
const TICKER_LIMIT = 12;
const REPLAY_STEP_DAYS = 7;
/** A new ticker line every 4 weekly frames: about every 1.5 s in a 60 s replay. */
const TICKER_STRIDE = 4;

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
 * category, positions only as cells of CELL_METERS, outcomes only as village + trade. Nothing here
 * reads a premise's name, operator, phone, ID number, address or exact position into a response.
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
  const summaries = lastValue<ReturnType<typeof summaryOn>>();
  const replays = lastValue<ReturnType<typeof replay>>();
  const grid = () => {
    const [, s, , n] = townshipBbox(ctx.db);
    return heatGrid(CELL_METERS, Math.max(Math.abs(s), Math.abs(n)));
  };
  const villages = () => listVillages(ctx.db).map((v) => ({ id: v.id, name: v.name }));
  // Key areas: name, period and shape only; the leaders' notes and reasons stay in the office.
  const areas = (): DisplayAreaInput[] =>
    listAreas(ctx.db).map((a) => ({
      id: a.id,
      name: a.name,
      activeFrom: a.activeFrom,
      activeTo: a.activeTo,
      geometry: a.geometry,
    }));
  // Area writes do not go through the model, so cached answers key on the areas as well.
  const areasStamp = () =>
    listAreas(ctx.db)
      .map((a) => `${a.id}@${a.updatedAt}`)
      .join(',');

  const summaryOn = (day: number) => ({
    ...displaySummary({
      cols: ctx.model.columns,
      day,
      startDay: ctx.startDay,
      endDay: ctx.endDay,
      villages: villages(),
      outcomes: outcomesNewestFirst(ctx.db, day),
      grid: grid(),
      tickerLimit: TICKER_LIMIT,
    }),
    areas: areaHeadlines(ctx.model.columns, areas(), day),
  });
  const replay = () => ({
    ...displayReplay({
      cols: ctx.model.columns,
      startDay: ctx.startDay,
      endDay: ctx.endDay,
      stepDays: REPLAY_STEP_DAYS,
      villages: villages(),
      outcomes: outcomesOldestFirst(ctx.db, ctx.endDay),
      grid: grid(),
      tickerStride: TICKER_STRIDE,
    }),
    areas: areaFrames(ctx.model.columns, areas(), ctx.startDay, ctx.endDay, REPLAY_STEP_DAYS),
  });

  return new Hono()
    .get('/campaign', (c) => {
      const { name, nameEn, township, townshipEn, start, end, sample } = ctx.campaign;
      return c.json({
        name,
        nameEn,
        township,
        townshipEn,
        start,
        end,
        sample,
        goals: campaignGoals(ctx.campaign),
        bbox: townshipBbox(ctx.db),
        categories: CATEGORIES.map((cat) => ({
          code: cat.code,
          name: cat.name,
          nameEn: cat.nameEn,
          color: [...cat.color],
        })),
        statuses: STATUSES.map((s) => ({ key: s.key, name: s.name, nameEn: s.nameEn, color: [...s.color] })),
      });
    })
    .get('/villages', (c) =>
      c.json({
        type: 'FeatureCollection' as const,
        features: listVillages(ctx.db).map((v) => ({
          type: 'Feature' as const,
          properties: { id: v.id, code: v.code, name: v.name, kind: v.kind, label: labelPoint(v.geometry) },
          geometry: roundGeometry(v.geometry),
        })),
      }),
    )
    .get('/areas', (c) =>
      c.json({
        type: 'FeatureCollection' as const,
        features: areas().map((a) => ({
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
      }),
    )
    .get('/summary', validate('query', z.object({ at: isoDate.optional() })), (c) => {
      const at = c.req.valid('query').at;
      const day = at === undefined ? liveDayNow() : (parseDay(at) as number);
      const version = ctx.model.version;
      const summary = summaries(`${version}|${day}|${areasStamp()}`, () => summaryOn(day));
      c.header('Cache-Control', 'no-cache');
      return c.json({ version, ...summary });
    })
    .get('/replay', (c) => {
      const version = ctx.model.version;
      c.header('Cache-Control', 'no-cache');
      return c.json({ version, ...replays(`${version}|${areasStamp()}`, replay) });
    })
    .route('/stream', displayStreamRoutes(broadcaster))
    .route('/basemap', displayBasemapRoutes(ctx));
}
