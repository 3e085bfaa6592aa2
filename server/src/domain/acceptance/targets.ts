import { z } from 'zod';
import type { AnnualGoal } from '../campaign';
import { CATEGORY_CODES } from '../categories';

/** A share from 0 to 1, refused with what it must be in English and Chinese (`zh` names the figure). */
function share(zh: string) {
  const message = `expected a share from 0 to 1, e.g. 0.8 (${zh}应为 0 到 1 之间的比例，如 0.8)`;
  return z.number({ message }).min(0, message).max(1, message);
}

/** A count of premises or orders, 0 or more, refused likewise. */
function count(zh: string) {
  const message = `expected a whole number, 0 or more (${zh}应为不小于 0 的整数)`;
  return z.number({ message }).int(message).min(0, message);
}

/**
 * What a village must reach by the end of a campaign year (目标考核责任制). Shares are 0–1 of the
 * premises surveyed in the village by then; counts are premises.
 */
export const villageTargetsSchema = z.object(
  {
    /** Share of premises surveyed whose file (一户一档) is complete: operator, phone and address on file. */
    filedShare: share('建档率'),
    /** 整治完成率: (compliant + model + closed + converted) / surveyed. */
    progress: share('整治完成率'),
    /** Share of premises still unlicensed, at most. */
    unlicensedShare: share('无证照比例'),
    /** Orders to rectify past their deadline without re-inspection, at most. */
    overdueOrders: count('逾期未整改数'),
    /** Model sites (示范点) in the village, at least. */
    modelSites: count('示范点数'),
  },
  {
    message:
      'expected the targets { filedShare, progress, unlicensedShare, overdueOrders, modelSites } (目标应包含建档率、整治完成率、无证照比例、逾期未整改数和示范点数)',
  },
);
export type VillageTargets = z.infer<typeof villageTargetsSchema>;

const passMarkMessage = 'expected a score from 0 to 100 (通过分数线应为 0 到 100 之间的分数)';

/** A year's targets: for every village, for some villages differently, and per trade for the township. */
export const yearTargetsSchema = z.object({
  year: z.number().int(),
  village: villageTargetsSchema,
  /** Villages (by 12-digit code) held to other targets than the rest — pilots in year one, laggards later. */
  villageOverrides: z
    .record(z.string(), villageTargetsSchema.partial(), {
      message: 'expected targets by village code (单独目标应按村（社区）代码填写)',
    })
    .default({}),
  /** Pilot villages of the year (重点村、社区开展试点), by code: they are held to the pilot targets. */
  pilotVillages: z
    .array(z.string(), { message: 'expected a list of village codes (试点村应为村（社区）代码的列表)' })
    .default([]),
  pilot: villageTargetsSchema.partial().default({}),
  /** The adjusted score (of 100) from which the page proposes 通过; the acceptance team decides. */
  passMark: z
    .number({ message: passMarkMessage })
    .min(0, passMarkMessage)
    .max(100, passMarkMessage)
    .default(80),
  /** Per trade, township-wide: model sites at least, progress at least. */
  trades: z.record(
    z.enum(CATEGORY_CODES),
    z.object(
      { modelSites: count('行业示范点数'), progress: share('行业完成率') },
      { message: 'expected { modelSites, progress } for the trade (每个行业都要填写示范点数和完成率)' },
    ),
    {
      message: `expected each trade's code (${CATEGORY_CODES.join(', ')}) with its targets (行业应为已有的行业代码，每个行业填写示范点数和完成率)`,
    },
  ),
});
export type YearTargets = z.infer<typeof yearTargetsSchema>;

/**
 * The plan's three sets of goals as targets, one per campaign year: year one surveys every premise
 * and builds its file, pilots in key villages and a model site in every trade; year two rectifies
 * everywhere; year three consolidates. Progress targets come from the goals themselves.
 */
export function defaultTargets(
  goals: readonly AnnualGoal[],
  pilotVillages: readonly string[] = [],
): YearTargets[] {
  return goals.map((g, i) => {
    const stage = Math.min(i, 2);
    const village: VillageTargets = {
      filedShare: [0.95, 1, 1][stage],
      progress: g.targetProgress,
      unlicensedShare: [0.6, 0.2, 0.05][stage],
      overdueOrders: [10, 3, 0][stage],
      modelSites: [0, 1, 2][stage],
    };
    const trades = Object.fromEntries(
      CATEGORY_CODES.map((c) => [c, { modelSites: [1, 2, 3][stage], progress: g.targetProgress }]),
    ) as YearTargets['trades'];
    return {
      year: g.year,
      village,
      villageOverrides: {},
      pilotVillages: stage === 0 ? [...pilotVillages] : [],
      // Pilots lead the way in year one: the second year's progress, a model site each.
      pilot: stage === 0 ? { progress: goals[1]?.targetProgress ?? 0.8, modelSites: 1 } : {},
      passMark: 80,
      trades,
    };
  });
}

/** The targets one village is held to in a year: the year's, then pilot, then its own overrides. */
export function targetsFor(t: YearTargets, villageCode: string): VillageTargets & { pilot: boolean } {
  const pilot = t.pilotVillages.includes(villageCode);
  return { ...t.village, ...(pilot ? t.pilot : {}), ...(t.villageOverrides[villageCode] ?? {}), pilot };
}
