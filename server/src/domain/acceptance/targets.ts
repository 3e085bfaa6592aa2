import { z } from 'zod';
import type { AnnualGoal } from '../campaign';
import { CATEGORY_CODES } from '../categories';

/**
 * What a village must reach by the end of a campaign year (目标考核责任制). Shares are 0–1 of the
 * premises surveyed in the village by then; counts are premises.
 */
export const villageTargetsSchema = z.object({
  /** Share of premises surveyed whose file (一户一档) is complete: operator, phone and address on file. */
  filedShare: z.number().min(0).max(1),
  /** 整治完成率: (compliant + model + closed + converted) / surveyed. */
  progress: z.number().min(0).max(1),
  /** Share of premises still unlicensed, at most. */
  unlicensedShare: z.number().min(0).max(1),
  /** Orders to rectify past their deadline without re-inspection, at most. */
  overdueOrders: z.number().int().min(0),
  /** Model sites (示范点) in the village, at least. */
  modelSites: z.number().int().min(0),
});
export type VillageTargets = z.infer<typeof villageTargetsSchema>;

/** A year's targets: for every village, for some villages differently, and per trade for the township. */
export const yearTargetsSchema = z.object({
  year: z.number().int(),
  village: villageTargetsSchema,
  /** Villages (by 12-digit code) held to other targets than the rest — pilots in year one, laggards later. */
  villageOverrides: z.record(z.string(), villageTargetsSchema.partial()).default({}),
  /** Pilot villages of the year (重点村、社区开展试点), by code: they are held to the pilot targets. */
  pilotVillages: z.array(z.string()).default([]),
  pilot: villageTargetsSchema.partial().default({}),
  /** The adjusted score (of 100) from which the page proposes 通过; the acceptance team decides. */
  passMark: z.number().min(0).max(100).default(80),
  /** Per trade, township-wide: model sites at least, progress at least. */
  trades: z.record(
    z.enum(CATEGORY_CODES),
    z.object({ modelSites: z.number().int().min(0), progress: z.number().min(0).max(1) }),
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
