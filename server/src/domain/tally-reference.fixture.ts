import { CATEGORY_CODES } from './categories';
import { DONE_STATUSES, STATUS_KEYS, type Status } from './statuses';
import type { GroupTally, Tally } from './tally';

/** Where one premise stands on a day, as a fold of its records (statusAt) says. */
export interface PremiseState {
  category: string;
  villageId: number;
  status: Status | null;
  unlicensed: boolean;
}

const blank = (): GroupTally => ({
  surveyed: 0,
  unlicensed: 0,
  progress: 0,
  byStatus: Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as GroupTally['byStatus'],
});

/**
 * What /api/stats should say of these premises, counted the plain way (an object per group, no
 * typed arrays, no shared code with the tally): the independent reference tallies are tested against.
 */
export function referenceTally(premises: Iterable<PremiseState>): Tally {
  const total = blank();
  const byCategory: Record<string, GroupTally> = Object.fromEntries(CATEGORY_CODES.map((c) => [c, blank()]));
  const byVillage: Record<string, GroupTally> = {};
  for (const p of premises) {
    if (p.status === null) continue;
    byVillage[p.villageId] ??= blank();
    for (const g of [total, byCategory[p.category], byVillage[p.villageId]]) {
      g.surveyed++;
      g.byStatus[p.status]++;
      if (p.unlicensed) g.unlicensed++;
    }
  }
  for (const g of [total, ...Object.values(byCategory), ...Object.values(byVillage)]) {
    const done = DONE_STATUSES.reduce((n, k) => n + g.byStatus[k], 0);
    g.progress = g.surveyed === 0 ? 0 : done / g.surveyed;
  }
  return { ...total, byCategory, byVillage };
}
