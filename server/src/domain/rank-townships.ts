import { progress } from './progress';
import { rankVillages } from './rank-villages';
import { STATUS_KEYS } from './statuses';
import type { GroupTally } from './tally';

/** A township's place in the district's ranking, with its figures on the day. */
export interface RankedTownship {
  id: number;
  code: string;
  name: string;
  surveyed: number;
  unlicensed: number;
  progress: number;
  /** 1 for the first. */
  rank: number;
}

/**
 * The townships' figures rolled up from their villages' (a tally's byVillage): counts by status
 * summed, progress computed from the sums as for a village; then ranked as villages are ranked
 * (rankVillages: by progress, then premises surveyed, then name). `townshipOf` maps a village id
 * to its township's id; villages of no listed township are not counted.
 */
export function rankTownships(
  townships: readonly { id: number; code: string; name: string }[],
  townshipOf: (villageId: number) => number | undefined,
  byVillage: Readonly<Record<string, GroupTally>>,
): RankedTownship[] {
  const S = STATUS_KEYS.length;
  const slot = new Map(townships.map((t, i) => [t.id, i]));
  const counts = new Float64Array(townships.length * S);
  const unlicensed = new Float64Array(townships.length);
  for (const [villageId, g] of Object.entries(byVillage)) {
    const township = townshipOf(Number(villageId));
    const i = township === undefined ? undefined : slot.get(township);
    if (i === undefined) continue;
    for (let s = 0; s < S; s++) counts[i * S + s] += g.byStatus[STATUS_KEYS[s]];
    unlicensed[i] += g.unlicensed;
  }
  const figures = townships.map((_, i) => {
    let surveyed = 0;
    for (let s = 0; s < S; s++) surveyed += counts[i * S + s];
    return { surveyed, unlicensed: unlicensed[i], progress: progress(counts, i * S) };
  });
  return rankVillages(townships, (id) => figures[slot.get(id) as number]).map((r, k) => {
    const i = slot.get(r.id) as number;
    const { code, name } = townships[i];
    return { id: r.id, code, name, ...figures[i], rank: k + 1 };
  });
}
