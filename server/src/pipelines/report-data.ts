import type { AppContext } from '../context';
import { listBasemapFeatures, type VillageRow } from '../db/geography';
import { openOrders } from '../db/worklists';
import { acceptanceDay } from '../domain/acceptance/year-end';
import type { Scope } from '../domain/auth/policy';
import { CATEGORIES } from '../domain/categories';
import { formatDay, todayInChina } from '../domain/dates';

import type { PremiseColumns } from '../domain/premise-columns';
import { bboxesMeet, geometryBbox, padBbox } from '../domain/report/map-frame';
import { type FigureRow, figuresOf, type MapLine, type ReportHeading } from '../domain/report/report-model';
import { type Tally, tally } from '../domain/tally';
import { ApiError } from '../http/api-error';
import { columnsFor } from '../scoped-columns';
import type { Place } from '../township-scope';
import { campaignYear } from './acceptance-targets';

/**
 * A campaign year checked (a 400 naming the campaign's years otherwise), with the day its report
 * counts on: 31 December, or today while the year runs — the day acceptance reads the record on.
 */
export function reportYear(ctx: AppContext, year: number): { year: number; at: string; day: number } {
  campaignYear(ctx, year);
  const { day } = acceptanceDay(year, todayInChina());
  return { year, at: formatDay(day), day };
}

/** What the record says on a day, within a scope: the tally, and the overdue orders per village and trade. */
export interface YearFacts {
  day: number;
  cols: PremiseColumns;
  tally: Tally;
  /** Rows (in cols) of premises with an order to rectify past its deadline and no re-inspection since. */
  overdueRows: number[];
}

export function yearFacts(ctx: AppContext, scope: Scope, day: number): YearFacts {
  const cols = columnsFor(ctx, scope);
  const overdueRows: number[] = [];
  for (const o of openOrders(ctx.db, day, Number.MIN_SAFE_INTEGER, day - 1)) {
    const row = cols.rowOf.get(o.premiseId);
    if (row !== undefined) overdueRows.push(row);
  }
  return { day, cols, tally: tally(cols, day), overdueRows };
}

/** Overdue orders among the rows a predicate keeps. */
export function overdueWhere(f: YearFacts, keep: (row: number) => boolean): number {
  let n = 0;
  for (const row of f.overdueRows) if (keep(row)) n++;
  return n;
}

/** A row per trade the scope sees — of one village when `villageId` is given. */
export function tradeRows(f: YearFacts, scope: Scope, villageId?: number): FigureRow[] {
  const counted = villageId === undefined ? f.tally : tally(f.cols, f.day, { villageId });
  return CATEGORIES.flatMap((c, ci): FigureRow[] =>
    scope.categories && !scope.categories.has(c.code)
      ? []
      : [
          {
            key: c.code,
            name: c.name,
            ...figuresOf(
              counted.byCategory[c.code],
              overdueWhere(
                f,
                (row) =>
                  f.cols.category[row] === ci &&
                  (villageId === undefined || f.cols.villageId[row] === villageId),
              ),
            ),
          },
        ],
  );
}

/** A row per village — of one trade (its index) when `category` is given. */
export function villageRows(
  f: YearFacts,
  villages: readonly { id: number; name: string }[],
  category?: number,
): FigureRow[] {
  const counted = category === undefined ? f.tally : tally(f.cols, f.day, { category });
  return villages.map(
    (v): FigureRow => ({
      key: String(v.id),
      name: v.name,
      ...figuresOf(
        counted.byVillage[String(v.id)],
        overdueWhere(
          f,
          (row) =>
            f.cols.villageId[row] === v.id && (category === undefined || f.cols.category[row] === category),
        ),
      ),
    }),
  );
}

/** The scope in words for a report's heading ("三义村", "小餐饮店、小食杂店"), or null for everything. */
export function scopeText(villages: readonly VillageRow[], scope: Scope): string | null {
  const parts: string[] = [];
  if (scope.villages) {
    parts.push(
      villages
        .filter((v) => scope.villages?.has(v.id))
        .map((v) => v.name)
        .join('、') || '无',
    );
  }
  if (scope.categories) {
    parts.push(
      CATEGORIES.filter((c) => scope.categories?.has(c.code))
        .map((c) => c.name)
        .join('、') || '无',
    );
  }
  return parts.length > 0 ? parts.join('；') : null;
}

export function reportHeading(
  ctx: AppContext,
  placeName: string,
  year: { year: number; at: string },
  scopeWords: string | null,
): ReportHeading {
  return {
    township: placeName,
    campaign: ctx.campaign.name,
    year: year.year,
    at: year.at,
    madeOn: formatDay(todayInChina()),
    sample: ctx.campaign.sample,
    scopeText: scopeWords,
  };
}

/** The basemap's roads and watercourses that reach into a bbox. */
export function basemapLines(
  ctx: AppContext,
  bbox: [number, number, number, number],
): { roads: MapLine[]; water: MapLine[] } {
  const lines = (layer: string): MapLine[] =>
    listBasemapFeatures(ctx.db, layer)
      .filter(
        (f) =>
          (f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString') &&
          bboxesMeet(geometryBbox(f.geometry), bbox),
      )
      .map((f) => ({ class: f.class, geometry: f.geometry as MapLine['geometry'] }));
  return { roads: lines('road'), water: lines('water') };
}

type Bbox = [number, number, number, number];

/**
 * What a map of a place frames: its outline's extent (the villages' when there is no outline), padded
 * by `share` — or a 400 in both languages when the record has no boundaries to draw yet.
 */
export function townshipExtent(place: Place, share: number): { outline: Place['outline']; bbox: Bbox } {
  const { outline, villages } = place;
  if (!outline && villages.length === 0)
    throw new ApiError(
      400,
      'bad_request',
      'the record has no villages or township outline to map yet; import the boundaries first',
      undefined,
      '尚未导入村（社区）边界或镇界，无法制图；请先导入边界',
    );
  const boxes = outline ? [geometryBbox(outline)] : villages.map((v) => geometryBbox(v.geometry));
  const union: Bbox = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  return { outline, bbox: padBbox(union, share) };
}
