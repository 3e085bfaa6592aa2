import type { AppContext } from '../context';
import { type AcceptanceRecord, acceptanceRecord, acceptanceRecords, filedPremises } from '../db/acceptance';
import { premiseSummaries } from '../db/areas';
import { listVillageRefs } from '../db/geography';
import { openOrders } from '../db/worklists';
import {
  type AcceptanceResult,
  type Adjustment,
  acceptanceResult,
  type Scorecard,
  type ScoreLine,
  scoreVillage,
  type VillageFacts,
} from '../domain/acceptance/scorecard';
import { targetsFor, type VillageTargets } from '../domain/acceptance/targets';
import { acceptanceDay } from '../domain/acceptance/year-end';
import { EVERYWHERE, type Scope } from '../domain/auth/policy';
import { CATEGORY_CODES, type CategoryCode } from '../domain/categories';
import { formatDay, todayInChina } from '../domain/dates';
import type { PremiseColumns } from '../domain/premise-columns';
import { DONE_STATUSES, STATUS_KEYS, type Status } from '../domain/statuses';
import { type Tally, tally } from '../domain/tally';
import { statusOnDay } from '../domain/worklists/premise-on-day';
import { overdueItems, rowFilter } from '../domain/worklists/work-lists';
import { notFound } from '../http/api-error';
import { columnsFor } from '../scoped-columns';
import { campaignYear, campaignYears, currentTargets } from './acceptance-targets';

/** A score line without its evidence: how many premises the figure counts. */
export type ScoreSummary = Omit<ScoreLine, 'premises'> & { count: number };

export interface AcceptanceVillage {
  id: number;
  code: string;
  name: string;
  pilot: boolean;
  /** 整治完成率 at `asOf`: the same figure as /api/stats?at=<asOf>&village=<id>. */
  progress: number;
  surveyed: number;
  unlicensed: number;
  targets: VillageTargets & { pilot: boolean };
  scores: { computed: number; adjusted: number; lines: ScoreSummary[] };
  /** The adjusted score, of 100. */
  score: number;
  meetsTargets: boolean;
  /** The adjusted score reaches the year's pass mark (what the page proposes; the team decides). */
  reachesPassMark: boolean;
  /** The team's decision; null until signed off. */
  passed: boolean | null;
  signedOffBy?: string;
  signedOffAt?: string;
  result: AcceptanceResult;
}

/** A trade's township-wide figures against the year's targets for it. */
export interface TradeResult {
  code: CategoryCode;
  surveyed: number;
  progress: number;
  modelSites: number;
  targets: { modelSites: number; progress: number };
  met: boolean;
}

/** The answer of GET /api/acceptance?year=. */
export interface AcceptanceAnswer {
  year: number;
  /** The day the record is read on: 31 December, or today while the year runs (`final: false`). */
  asOf: string;
  final: boolean;
  years: number[];
  targetsVersion: number;
  passMark: number;
  villages: AcceptanceVillage[];
  summary: Record<AcceptanceResult, number> & { villages: number };
  /** Per trade, township-wide; null for an account that sees only some villages or trades. */
  trades: TradeResult[] | null;
}

/** A premise named in the evidence, enough to find it and open its file. */
export interface EvidencePremise {
  id: number;
  archiveNo: string;
  name: string;
  category: CategoryCode;
  /** Its status on `asOf`. */
  status: Status | null;
}

/** One village's scorecard for a year, with the evidence behind every figure. */
export interface VillageScorecard {
  year: number;
  asOf: string;
  final: boolean;
  village: { id: number; code: string; name: string; pilot: boolean };
  targets: VillageTargets & { pilot: boolean };
  targetsVersion: number;
  passMark: number;
  facts: Required<VillageFacts>;
  scorecard: Scorecard;
  reachesPassMark: boolean;
  record: AcceptanceRecord | null;
  result: AcceptanceResult;
  /** Every premise the scorecard's lines name, by id order. */
  premises: EvidencePremise[];
}

const emptyFacts = (): Required<VillageFacts> => ({
  surveyed: 0,
  progress: 0,
  filed: [],
  rectified: [],
  unlicensed: [],
  overdue: [],
  models: [],
});

/**
 * What the record says of each village on `day`, with the premises behind each figure: one pass
 * over the columns' intervals (the same the status tally reads), the complete files, and the
 * overdue list as the work lists make it.
 */
function collectFacts(
  ctx: AppContext,
  cols: PremiseColumns,
  day: number,
  villageId?: number,
): { tally: Tally; facts: Map<number, Required<VillageFacts>> } {
  const counted = tally(cols, day, villageId === undefined ? {} : { villageId });
  const filed = filedPremises(ctx.db);
  const facts = new Map<number, Required<VillageFacts>>();
  const of = (v: number) => {
    let f = facts.get(v);
    if (!f) {
      const g = counted.byVillage[String(v)];
      f = { ...emptyFacts(), surveyed: g?.surveyed ?? 0, progress: g?.progress ?? 0 };
      facts.set(v, f);
    }
    return f;
  };
  for (let row = 0; row < cols.count; row++) {
    const v = cols.villageId[row];
    if (villageId !== undefined && v !== villageId) continue;
    const end = cols.intervalStart[row + 1];
    for (let k = cols.intervalStart[row]; k < end; k++) {
      if (cols.fromDay[k] > day || day >= cols.toDay[k]) continue;
      const f = of(v);
      const id = cols.id[row];
      const status = STATUS_KEYS[cols.status[k]];
      if (filed.has(id)) f.filed.push(id);
      if (DONE_STATUSES.includes(status)) f.rectified.push(id);
      if (status === 'model') f.models.push(id);
      if (cols.unlicensed[k]) f.unlicensed.push(id);
      break;
    }
  }
  const open = openOrders(ctx.db, day, Number.MIN_SAFE_INTEGER, day - 1);
  for (const item of overdueItems(cols, rowFilter(cols, { villageId }), day, open)) {
    of(item.village.id).overdue.push(item.premiseId);
  }
  return { tally: counted, facts };
}

const summaryLines = (card: Scorecard): ScoreSummary[] =>
  card.lines.map(({ premises, ...line }) => ({ ...line, count: premises.length }));

/**
 * Every village's acceptance for a campaign year (those of `scope`), computed from the record as
 * of the year's end — or today while the year runs — against the year's current targets, with the
 * team's adjustments and sign-off. `todayDay` is for tests.
 */
export function villageAcceptance(
  ctx: AppContext,
  year: number,
  scope: Scope = EVERYWHERE,
  todayDay: number = todayInChina(),
): AcceptanceAnswer {
  campaignYear(ctx, year);
  const { day, final } = acceptanceDay(year, todayDay);
  const cols = columnsFor(ctx, scope);
  const { tally: counted, facts } = collectFacts(ctx, cols, day);
  const current = currentTargets(ctx, year);
  const { passMark } = current.targets;
  const records = acceptanceRecords(ctx.db, year);
  const villages = listVillageRefs(ctx.db)
    .filter((v) => !scope.villages || scope.villages.has(v.id))
    .map((v): AcceptanceVillage => {
      const f = facts.get(v.id) ?? emptyFacts();
      const targets = targetsFor(current.targets, v.code);
      const record = records.get(v.id) ?? null;
      const card = scoreVillage(f, targets, record?.adjustments ?? []);
      const passed = record?.passed ?? null;
      return {
        ...v,
        progress: f.progress,
        surveyed: f.surveyed,
        unlicensed: f.unlicensed.length,
        targets,
        scores: { computed: card.computed, adjusted: card.adjusted, lines: summaryLines(card) },
        score: card.adjusted,
        meetsTargets: card.meetsTargets,
        reachesPassMark: card.adjusted >= passMark,
        passed,
        ...(record?.signedOffBy ? { signedOffBy: record.signedOffBy } : {}),
        ...(record?.signedOffAt ? { signedOffAt: record.signedOffAt } : {}),
        result: acceptanceResult(passed, card.meetsTargets),
      };
    });
  const summary = { villages: villages.length, passed: 0, failed: 0, meets_targets: 0, not_signed: 0 };
  for (const v of villages) summary[v.result]++;
  const everywhere = !scope.villages && !scope.categories;
  return {
    year,
    asOf: formatDay(day),
    final,
    years: campaignYears(ctx),
    targetsVersion: current.version,
    passMark,
    villages,
    summary,
    trades: everywhere
      ? CATEGORY_CODES.map((code): TradeResult => {
          const g = counted.byCategory[code];
          const targets = current.targets.trades[code];
          const modelSites = g.byStatus.model;
          return {
            code,
            surveyed: g.surveyed,
            progress: g.progress,
            modelSites,
            targets,
            met: modelSites >= targets.modelSites && g.progress >= targets.progress - 1e-9,
          };
        })
      : null,
  };
}

/**
 * One village's scorecard for a campaign year: its targets, the facts with the premises behind
 * each, the scorecard with the team's adjustments, the acceptance record, and every premise the
 * evidence names. 404 for an unknown village; the caller checks the reader's scope.
 */
export function villageScorecard(
  ctx: AppContext,
  year: number,
  villageId: number,
  todayDay: number = todayInChina(),
): VillageScorecard {
  campaignYear(ctx, year);
  const village = listVillageRefs(ctx.db).find((v) => v.id === villageId);
  if (!village) throw notFound(`village ${villageId}`);
  const { day, final } = acceptanceDay(year, todayDay);
  const cols = ctx.model.columns;
  const facts = collectFacts(ctx, cols, day, villageId).facts.get(villageId) ?? emptyFacts();
  const current = currentTargets(ctx, year);
  const targets = targetsFor(current.targets, village.code);
  const record = acceptanceRecord(ctx.db, year, villageId);
  const scorecard = scoreVillage(facts, targets, record?.adjustments ?? []);
  const ids = [...new Set(scorecard.lines.flatMap((l) => l.premises))].sort((a, b) => a - b);
  const files = premiseSummaries(ctx.db, ids);
  const premises = ids.map((id): EvidencePremise => {
    const row = cols.rowOf.get(id) as number;
    return {
      id,
      archiveNo: files.get(id)?.archiveNo ?? '',
      name: files.get(id)?.name ?? '',
      category: CATEGORY_CODES[cols.category[row]],
      status: statusOnDay(cols, row, day),
    };
  });
  return {
    year,
    asOf: formatDay(day),
    final,
    village,
    targets,
    targetsVersion: current.version,
    passMark: current.targets.passMark,
    facts,
    scorecard,
    reachesPassMark: scorecard.adjusted >= current.targets.passMark,
    record,
    result: acceptanceResult(record?.passed ?? null, scorecard.meetsTargets),
    premises,
  };
}

/** The scorecard a village would have with these adjustments (what a sign-off records). */
export function rescored(card: VillageScorecard, adjustments: readonly Adjustment[]): Scorecard {
  return scoreVillage(card.facts, card.targets, adjustments);
}
