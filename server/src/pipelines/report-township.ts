import type { AppContext } from '../context';
import { listTownships } from '../db/geography';
import type { Scope } from '../domain/auth/policy';
import { campaignGoals } from '../domain/campaign';
import { labelPoint } from '../domain/display/display-geometry';
import { progress } from '../domain/progress';
import { rankVillages } from '../domain/rank-villages';
import { progressColor, progressLegend } from '../domain/report/progress-classes';
import {
  type FigureRow,
  figuresOf,
  type GoalCheck,
  type RankedVillage,
  type TownshipReport,
} from '../domain/report/report-model';
import { percent } from '../domain/report/report-text';
import { STATUS_KEYS } from '../domain/statuses';
import { type Place, scopeInPlace } from '../township-scope';
import { villageAcceptance } from './acceptance';
import {
  basemapLines,
  reportHeading,
  reportYear,
  scopeText,
  townshipExtent,
  tradeRows,
  villageRows,
  yearFacts,
} from './report-data';

/**
 * The villages in the order of the page's and the big screen's ranking (domain/rank-villages), with
 * a place each where equal progress shares a place: 1, 2, 2, 4.
 */
function rankedRows(rows: readonly FigureRow[]): Omit<RankedVillage, 'passed'>[] {
  const byId = new Map(rows.map((r) => [Number(r.key), r]));
  const order = rankVillages(
    rows.map((r) => ({ id: Number(r.key), name: r.name })),
    (id) => byId.get(id),
  );
  let place = 0;
  return order.map((v, i) => {
    if (i === 0 || Math.abs(order[i - 1].progress - v.progress) > 1e-12) place = i + 1;
    return { ...(byId.get(v.id) as FigureRow), rank: place };
  });
}

/** The villages' rows summed per township (keyed by the township's id), for a district's summary. */
function townshipRows(
  rows: readonly FigureRow[],
  villages: readonly { id: number; townshipId: number }[],
  townships: readonly { id: number; name: string }[],
): FigureRow[] {
  const townshipOf = new Map(villages.map((v) => [String(v.id), v.townshipId]));
  return townships
    .filter((t) => villages.some((v) => v.townshipId === t.id))
    .map((t) => {
      const own = rows.filter((r) => townshipOf.get(r.key) === t.id);
      const byStatus = Object.fromEntries(
        STATUS_KEYS.map((k) => [k, own.reduce((n, r) => n + r.byStatus[k], 0)]),
      ) as FigureRow['byStatus'];
      const sum = (pick: (r: FigureRow) => number) => own.reduce((n, r) => n + pick(r), 0);
      return {
        key: String(t.id),
        name: t.name,
        surveyed: sum((r) => r.surveyed),
        unlicensed: sum((r) => r.unlicensed),
        overdue: sum((r) => r.overdue),
        byStatus,
        progress: progress(STATUS_KEYS.map((k) => byStatus[k])),
      };
    });
}

/**
 * A place's year in one report (a township, or the whole record: a district's townships side by
 * side), within the requester's scope: its numbers at the year's end,
 * the villages ranked (with their acceptance verdicts for a reader who may read acceptance), the
 * trades, the plan's goal for the year against the record, and the villages coloured by progress.
 */
export function townshipReport(
  ctx: AppContext,
  place: Place,
  accountScope: Scope,
  year: number,
  withAcceptance: boolean,
): TownshipReport {
  const scope = scopeInPlace(accountScope, place);
  const y = reportYear(ctx, year);
  const facts = yearFacts(ctx, scope, y.day);
  const { villages } = place;
  const visible = villages.filter((v) => !scope.villages || scope.villages.has(v.id));
  const acceptance = withAcceptance ? villageAcceptance(ctx, year, scope).villages : [];
  const verdict = new Map(acceptance.map((v) => [v.id, v.passed]));
  const rows = villageRows(facts, visible);
  const byVillage = new Map(rows.map((r) => [r.key, r]));
  const byTrade = tradeRows(facts, scope);
  const figures = figuresOf(facts.tally, facts.overdueRows.length);

  const plan = campaignGoals(ctx.campaign).find((g) => g.year === year);
  const passed = acceptance.filter((v) => v.passed === true).length;
  const signed = acceptance.filter((v) => v.passed !== null).length;
  const goal: GoalCheck | null = plan
    ? {
        title: plan.title,
        goals: plan.goals,
        targetProgress: plan.targetProgress,
        actualProgress: figures.progress,
        met: figures.progress >= plan.targetProgress - 1e-9,
        tradesWithModel: byTrade.filter((t) => t.byStatus.model > 0).length,
        trades: byTrade.length,
        villagesPassed: signed > 0 ? { passed, of: acceptance.length } : null,
      }
    : null;

  const { outline, bbox } = townshipExtent(place, 0.03);
  const lines = basemapLines(ctx, bbox);
  // A district's summary ranks its townships (each township's own report ranks its villages).
  const townships = listTownships(ctx.db);
  const byTownship =
    place.townshipId === null && townships.length > 1 ? townshipRows(rows, visible, townships) : [];
  return {
    kind: 'township',
    heading: reportHeading(ctx, place.name, y, scopeText(villages, accountScope)),
    figures,
    modelSites: figures.byStatus.model,
    townships: rankedRows(byTownship),
    villages:
      byTownship.length > 0
        ? []
        : rankedRows(rows).map((r) => ({ ...r, passed: verdict.get(Number(r.key)) ?? null })),
    byTrade,
    goal,
    map: {
      bbox,
      township: outline,
      villages: villages.map((v) => {
        const r = byVillage.get(String(v.id));
        return {
          id: v.id,
          name: v.name,
          geometry: v.geometry,
          focus: false,
          fill: r ? progressColor(r.progress, r.surveyed) : null,
          label: labelPoint(v.geometry),
          note: r ? percent(r.progress, r.surveyed) : null,
        };
      }),
      roads: lines.roads.filter((l) => l.class === 'main'),
      water: lines.water,
      dots: null,
      keyArea: null,
      legendTitle: `整治完成率（${y.at}）`,
      legend: progressLegend(rows.some((r) => r.surveyed === 0)),
    },
  };
}
