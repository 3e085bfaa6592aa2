import type { AppContext } from '../context';
import { listAreas } from '../db/areas';
import { outcomesNewestFirst, outcomesOldestFirst } from '../db/display-outcomes';
import { listVillages } from '../db/geography';
import { areaFrames, areaHeadlines, type DisplayAreaInput } from '../domain/display/display-areas';
import { heatGrid } from '../domain/display/display-heat-grid';
import { type DisplayReplay, displayReplay } from '../domain/display/display-replay';
import { type DisplaySummary, displaySummary } from '../domain/display/display-summary';
import type { OutcomeEvent } from '../domain/display/display-ticker';
import { columnsFor } from '../scoped-columns';
import { townshipBbox } from './geo-helpers';

/** The outcomes that pass `keep`, lazily, in their order. */
function* only(
  outcomes: Iterable<OutcomeEvent>,
  keep: (o: OutcomeEvent) => boolean,
): Generator<OutcomeEvent> {
  for (const o of outcomes) if (keep(o)) yield o;
}

/** Side of the heatmap's finest cells: twice the floor of 100 m, wide enough that no cell points at a door. */
const CELL_METERS = 200;
const TICKER_LIMIT = 12;
const REPLAY_STEP_DAYS = 7;
/** A new ticker line every 4 weekly frames: about every 1.5 s in a 60 s replay. */
const TICKER_STRIDE = 4;

/** What the public screen is told, computed afresh from the record; the routes cache and serve it. */
export interface DisplayAnswers {
  /** The key areas as the screen may know them: name, period and shape. */
  areas(): DisplayAreaInput[];
  /** With `township`, the picture of that township of the district alone. */
  summaryOn(day: number, township?: number): DisplaySummary;
  replay(township?: number): DisplayReplay;
  /** Ids of the areas shown on `liveDay` or on some frame of the replay. */
  areasShown(all: readonly DisplayAreaInput[], liveDay: number): Set<number>;
}

export function displayAnswers(ctx: AppContext): DisplayAnswers {
  const grid = () => {
    const [, s, , n] = townshipBbox(ctx.db);
    return heatGrid(CELL_METERS, Math.max(Math.abs(s), Math.abs(n)));
  };
  /** The villages shown and the premises counted: the district's, or one township's. */
  const part = (township: number | undefined) => {
    const villages = listVillages(ctx.db)
      .filter((v) => township === undefined || v.townshipId === township)
      .map((v) => ({ id: v.id, name: v.name }));
    if (township === undefined) return { villages, cols: ctx.model.columns, inside: () => true };
    const ids = new Set(villages.map((v) => v.id));
    const cols = columnsFor(ctx, { villages: ids, categories: null });
    return { villages, cols, inside: (o: OutcomeEvent) => ids.has(o.villageId) };
  };
  // The leaders' notes and reasons stay in the office.
  const areas = (): DisplayAreaInput[] =>
    listAreas(ctx.db).map((a) => ({
      id: a.id,
      name: a.name,
      activeFrom: a.activeFrom,
      activeTo: a.activeTo,
      geometry: a.geometry,
    }));
  return {
    areas,
    summaryOn: (day, township) => {
      const { villages, cols, inside } = part(township);
      return displaySummary({
        cols,
        day,
        startDay: ctx.startDay,
        endDay: ctx.endDay,
        villages,
        outcomes: only(outcomesNewestFirst(ctx.db, day), inside),
        grid: grid(),
        tickerLimit: TICKER_LIMIT,
        areas: areas(),
      });
    },
    replay: (township) => {
      const { villages, cols, inside } = part(township);
      return displayReplay({
        cols,
        startDay: ctx.startDay,
        endDay: ctx.endDay,
        stepDays: REPLAY_STEP_DAYS,
        villages,
        outcomes: only(outcomesOldestFirst(ctx.db, ctx.endDay), inside),
        grid: grid(),
        tickerStride: TICKER_STRIDE,
        areas: areas(),
      });
    },
    areasShown: (all, liveDay) => {
      const cols = ctx.model.columns;
      const ids = new Set(areaHeadlines(cols, all, liveDay).map((a) => a.id));
      for (const a of areaFrames(cols, all, ctx.startDay, ctx.endDay, REPLAY_STEP_DAYS)) ids.add(a.id);
      return ids;
    },
  };
}
