import type { AppContext } from '../context';
import { listVillages } from '../db/geography';
import type { Scope } from '../domain/auth/policy';
import { labelPoint } from '../domain/display/display-geometry';
import { dotsOnDay } from '../domain/report/map-dots';
import { bboxesMeet, geometryBbox, padBbox } from '../domain/report/map-frame';
import { figuresOf, type ReportMap, type VillageReport } from '../domain/report/report-model';
import { scoreSection } from '../domain/report/score-section';
import { STATUSES } from '../domain/statuses';
import { ApiError } from '../http/api-error';
import { placeOf } from '../township-scope';
import { villageScorecard } from './acceptance';
import {
  basemapLines,
  overdueWhere,
  reportHeading,
  reportYear,
  scopeText,
  tradeRows,
  yearFacts,
} from './report-data';

/** A village outside the requester's villages is refused, not answered with an empty report. */
function outsideScope(village: { id: number; name: string }): ApiError {
  return new ApiError(
    403,
    'forbidden',
    `village ${village.id} (${village.name}) is outside the villages this account keeps`,
    undefined,
    `${village.name}不在本账号负责的村（社区）范围内`,
  );
}

/**
 * A village's year in one report: its numbers at the year's end within the requester's scope, by
 * trade, its map (outline, neighbours, roads and water, premises by status) and — for a reader of
 * the whole village who may read acceptance (`withAcceptance`) — its acceptance scorecard.
 */
export function villageReport(
  ctx: AppContext,
  scope: Scope,
  villageId: number,
  year: number,
  withAcceptance: boolean,
): VillageReport {
  const villages = listVillages(ctx.db);
  const village = villages.find((v) => v.id === villageId);
  if (!village)
    throw new ApiError(
      404,
      'not_found',
      `village ${villageId} not found`,
      undefined,
      `找不到编号为 ${villageId} 的村（社区）`,
    );
  if (scope.villages && !scope.villages.has(villageId)) throw outsideScope(village);
  // The village's own township: its name heads the report, its outline is drawn.
  const place = placeOf(ctx, village.townshipId);
  const y = reportYear(ctx, year);
  const facts = yearFacts(ctx, scope, y.day);
  const { cols } = facts;
  const inVillage = (row: number) => cols.villageId[row] === villageId;
  const figures = figuresOf(facts.tally.byVillage[String(villageId)], overdueWhere(facts, inVillage));
  const byTrade = tradeRows(facts, scope, villageId);

  const bbox = padBbox(geometryBbox(village.geometry), 0.1);
  const map: ReportMap = {
    bbox,
    township: place.outline,
    villages: villages
      .filter((v) => v.id === villageId || bboxesMeet(geometryBbox(v.geometry), bbox))
      .map((v) => {
        const label = v.id === villageId ? null : labelPoint(v.geometry);
        const inside =
          label !== null &&
          label[0] > bbox[0] &&
          label[0] < bbox[2] &&
          label[1] > bbox[1] &&
          label[1] < bbox[3];
        return {
          id: v.id,
          name: v.name,
          geometry: v.geometry,
          focus: v.id === villageId,
          fill: null,
          label: inside ? label : null,
          note: null,
        };
      }),
    ...basemapLines(ctx, bbox),
    dots: dotsOnDay(cols, y.day, inVillage),
    keyArea: null,
    legendTitle: `经营户状态（${y.at}）`,
    legend: STATUSES.map((s) => ({ label: s.name, color: s.color, shape: 'dot' as const })),
  };

  // The scorecard judges the whole village: an inspector who sees some trades only does not get it.
  const card = withAcceptance && !scope.categories ? villageScorecard(ctx, year, villageId) : null;
  return {
    kind: 'village',
    heading: reportHeading(ctx, place.name, y, scopeText(villages, scope)),
    village: {
      id: village.id,
      code: village.code,
      name: village.name,
      kind: village.kind,
      pilot: village.pilot,
    },
    figures,
    modelSites: figures.byStatus.model,
    byTrade,
    map,
    scorecard: card ? scoreSection(card.scorecard, card.record) : null,
  };
}
