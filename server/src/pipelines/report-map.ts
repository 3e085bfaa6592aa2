import type { AppContext } from '../context';
import { getArea } from '../db/areas';
import { listVillages } from '../db/geography';
import { rowsInside } from '../domain/areas/area-count';
import { areaIndexFor } from '../domain/areas/area-index';
import { shapeEdges } from '../domain/areas/point-in-polygon';
import type { Scope } from '../domain/auth/policy';
import { formatDay, todayInChina } from '../domain/dates';
import { labelPoint } from '../domain/display/display-geometry';
import { dotsOnDay } from '../domain/report/map-dots';
import { bboxesMeet, geometryBbox, padBbox } from '../domain/report/map-frame';
import { KEY_AREA_RGB } from '../domain/report/pdf-map';
import { figuresOf, type WallMap } from '../domain/report/report-model';
import { STATUSES } from '../domain/statuses';
import { tally } from '../domain/tally';
import { ApiError } from '../http/api-error';
import { type Place, scopeInPlace } from '../township-scope';
import { basemapLines, overdueWhere, scopeText, townshipExtent, yearFacts } from './report-data';

/**
 * The A3 wall map of a place (a township, or the whole record) — or of one key area (重点区域) — on
 * a day: the premises the requester sees there as dots by status, the villages named, roads and water, and the numbers of what
 * the map covers. 404 for an unknown key area; 400 for a record with no villages to draw.
 */
export function wallMap(
  ctx: AppContext,
  place: Place,
  accountScope: Scope,
  opts: { day: number; areaId?: number },
): WallMap {
  const scope = scopeInPlace(accountScope, place);
  const area = opts.areaId === undefined ? null : getArea(ctx.db, opts.areaId);
  if (opts.areaId !== undefined && !area)
    throw new ApiError(
      404,
      'not_found',
      `key area ${opts.areaId} not found`,
      undefined,
      `找不到编号为 ${opts.areaId} 的重点区域`,
    );
  // Every village in the frame is drawn, a neighbouring township's too (the place's outline stands out).
  const villages = listVillages(ctx.db);
  const township = townshipExtent(place, 0.03);
  const outline = township.outline;
  const facts = yearFacts(ctx, scope, opts.day);
  const { cols } = facts;
  let keep: (row: number) => boolean = () => true;
  let figures = figuresOf(facts.tally, facts.overdueRows.length);
  let bbox = township.bbox;
  if (area) {
    const rows = rowsInside(areaIndexFor(cols), shapeEdges(area.geometry));
    const inside = new Set(rows);
    keep = (row) => inside.has(row);
    figures = figuresOf(tally(cols, opts.day, { rows }), overdueWhere(facts, keep));
    bbox = padBbox(geometryBbox(area.geometry), 0.12);
  }
  const lines = basemapLines(ctx, bbox);
  const inBbox = ([lng, lat]: [number, number]) =>
    lng > bbox[0] && lng < bbox[2] && lat > bbox[1] && lat < bbox[3];
  return {
    township: place.name,
    subject: area ? area.name : place.name,
    at: formatDay(opts.day),
    madeOn: formatDay(todayInChina()),
    sample: ctx.campaign.sample,
    scopeText: scopeText(place.villages, accountScope),
    figures,
    map: {
      bbox,
      township: outline,
      villages: villages
        .filter((v) => bboxesMeet(geometryBbox(v.geometry), bbox))
        .map((v) => {
          const label = labelPoint(v.geometry);
          return {
            id: v.id,
            name: v.name,
            geometry: v.geometry,
            focus: false,
            fill: null,
            label: inBbox(label) ? label : null,
            note: null,
          };
        }),
      ...lines,
      dots: dotsOnDay(cols, opts.day, keep),
      keyArea: area ? { name: area.name, geometry: area.geometry } : null,
      legendTitle: `经营户状态（${formatDay(opts.day)}）`,
      legend: [
        ...STATUSES.map((s) => ({ label: s.name, color: s.color, shape: 'dot' as const })),
        ...(area ? [{ label: `重点区域：${area.name}`, color: KEY_AREA_RGB, shape: 'line' as const }] : []),
      ],
    },
  };
}
