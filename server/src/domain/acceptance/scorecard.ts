import type { VillageTargets } from './targets';

/** What the record says of a village at the end of a campaign year, with the premises behind each figure. */
export interface VillageFacts {
  surveyed: number;
  /** Premises whose file is complete (operator, phone, address). */
  filed: number[];
  progress: number;
  /** Premises counted done in `progress` (compliant, model, closed, converted): its evidence. */
  rectified?: number[];
  unlicensed: number[];
  overdue: number[];
  models: number[];
}

export const SCORE_ITEMS = [
  'filedShare',
  'progress',
  'unlicensedShare',
  'overdueOrders',
  'modelSites',
] as const;
export type ScoreItem = (typeof SCORE_ITEMS)[number];

export const ITEM_NAMES: Record<ScoreItem, { name: string; nameEn: string; weight: number }> = {
  filedShare: { name: '建档率', nameEn: 'Files complete', weight: 20 },
  progress: { name: '整治完成率', nameEn: 'Progress', weight: 30 },
  unlicensedShare: { name: '无证照比例', nameEn: 'Unlicensed share', weight: 20 },
  overdueOrders: { name: '逾期未整改', nameEn: 'Overdue orders', weight: 15 },
  modelSites: { name: '示范点', nameEn: 'Model sites', weight: 15 },
};

export interface ScoreLine {
  item: ScoreItem;
  target: number;
  actual: number;
  /** Whether the actual meets the target (at least, or at most for unlicensed and overdue). */
  met: boolean;
  weight: number;
  /** The points earned: the weight when met, a proportional share otherwise. */
  points: number;
  /** The premises the actual counts (for the evidence: one click to each). */
  premises: number[];
}

/** What an adjustment may name: a score item, or something outside them (an incident, say). */
export const ADJUSTMENT_ITEMS = [...SCORE_ITEMS, 'other'] as const;
export type AdjustmentItem = (typeof ADJUSTMENT_ITEMS)[number];

export interface Adjustment {
  item: AdjustmentItem;
  /** Points the acceptance team adds (or takes off), with the reason. */
  points: number;
  remark: string;
}

export interface Scorecard {
  lines: ScoreLine[];
  computed: number;
  adjusted: number;
  /** Every target met. */
  meetsTargets: boolean;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const share = (n: number, of: number) => (of === 0 ? 0 : n / of);

/**
 * A village's scorecard for a year: each target against the record at the year's end, with the
 * premises behind each figure, the points earned (out of 100) and the acceptance team's adjustments.
 * "At most" targets (unlicensed, overdue) are met at or under the target.
 */
export function scoreVillage(
  facts: VillageFacts,
  targets: VillageTargets,
  adjustments: readonly Adjustment[] = [],
): Scorecard {
  const measured: Record<ScoreItem, { target: number; actual: number; atMost: boolean; premises: number[] }> =
    {
      filedShare: {
        target: targets.filedShare,
        actual: share(facts.filed.length, facts.surveyed),
        atMost: false,
        premises: facts.filed,
      },
      progress: {
        target: targets.progress,
        actual: facts.progress,
        atMost: false,
        premises: facts.rectified ?? [],
      },
      unlicensedShare: {
        target: targets.unlicensedShare,
        actual: share(facts.unlicensed.length, facts.surveyed),
        atMost: true,
        premises: facts.unlicensed,
      },
      overdueOrders: {
        target: targets.overdueOrders,
        actual: facts.overdue.length,
        atMost: true,
        premises: facts.overdue,
      },
      modelSites: {
        target: targets.modelSites,
        actual: facts.models.length,
        atMost: false,
        premises: facts.models,
      },
    };
  const lines = SCORE_ITEMS.map((item): ScoreLine => {
    const { weight } = ITEM_NAMES[item];
    const { target, actual, atMost, premises } = measured[item];
    const met = atMost ? actual <= target + 1e-9 : actual >= target - 1e-9;
    const ratio = met
      ? 1
      : atMost
        ? actual === 0
          ? 1
          : Math.min(1, target / actual)
        : target === 0
          ? 1
          : actual / target;
    return {
      item,
      target,
      actual: round(actual),
      met,
      weight,
      points: round(weight * Math.max(0, ratio)),
      premises,
    };
  });
  const computed = round(lines.reduce((s, l) => s + l.points, 0));
  const adjusted = round(
    Math.min(100, Math.max(0, computed + adjustments.reduce((s, a) => s + a.points, 0))),
  );
  return { lines, computed, adjusted, meetsTargets: lines.every((l) => l.met) };
}

/**
 * Where a village stands in a year's acceptance: signed off as passed or failed, or not signed
 * yet — and then whether the record already meets every target.
 */
export const ACCEPTANCE_RESULTS = ['passed', 'failed', 'meets_targets', 'not_signed'] as const;
export type AcceptanceResult = (typeof ACCEPTANCE_RESULTS)[number];

export function acceptanceResult(passed: boolean | null, meetsTargets: boolean): AcceptanceResult {
  if (passed !== null) return passed ? 'passed' : 'failed';
  return meetsTargets ? 'meets_targets' : 'not_signed';
}
