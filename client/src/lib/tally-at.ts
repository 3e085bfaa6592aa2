import { CATEGORY_CODES } from '@domain/categories';
import { progress } from '@domain/progress';
import { STATUS_KEYS, type Status } from '@domain/statuses';
import type { CampaignDay } from './campaign-days';
import { maskOf, type PremiseFilter } from './premise-filter';
import type { PremisesData } from './premises-binary';
import { villageSlots } from './village-slots';

export type StatusCounts = Record<Status, number>;

export interface GroupTally {
  surveyed: number;
  unlicensed: number;
  progress: number;
  byStatus: StatusCounts;
}

/** The same shape as `/api/stats`, so the two can be compared number for number. */
export interface Tally extends GroupTally {
  byCategory: Record<string, GroupTally>;
  byVillage: Record<string, GroupTally>;
}

const S = STATUS_KEYS.length;

function group(counts: Int32Array, unlicensed: number, offset: number): GroupTally {
  const byStatus = {} as StatusCounts;
  let surveyed = 0;
  for (let s = 0; s < S; s++) {
    byStatus[STATUS_KEYS[s]] = counts[offset + s];
    surveyed += counts[offset + s];
  }
  return { surveyed, unlicensed, progress: progress(byStatus), byStatus };
}

/**
 * Counts premises by status and licence state on campaign day `day`, with the server's fold: an
 * interval holds on d when from <= d < to. One pass over the interval columns, no objects per row.
 * The status filter is not applied: the counts are what the statuses are.
 */
export function tallyAt(data: PremisesData, day: CampaignDay, filter: PremiseFilter): Tally {
  const C = CATEGORY_CODES.length;
  const { ids: villageIds, slotOf } = villageSlots(data);
  const V = villageIds.length;
  const catMask = maskOf(filter.categories, C);
  const totals = new Int32Array(S);
  const byCat = new Int32Array(C * S);
  const unlCat = new Int32Array(C);
  const byVil = new Int32Array(V * S);
  const unlVil = new Int32Array(V);
  const seenVil = new Uint8Array(V);
  let unlicensed = 0;
  const onlyVillage = filter.village;
  const { premise, from, to, status, category, village } = data;
  for (let k = 0; k < data.intervalCount; k++) {
    if (from[k] > day || day >= to[k]) continue;
    const p = premise[k];
    const c = category[p];
    if (catMask[c] === 0) continue;
    if (onlyVillage !== null && village[p] !== onlyVillage) continue;
    const s = status[k];
    const v = slotOf[p];
    totals[s]++;
    byCat[c * S + s]++;
    byVil[v * S + s]++;
    seenVil[v] = 1;
    if (data.unlicensed[k]) {
      unlicensed++;
      unlCat[c]++;
      unlVil[v]++;
    }
  }
  const byCategory: Record<string, GroupTally> = {};
  for (let c = 0; c < C; c++) byCategory[CATEGORY_CODES[c]] = group(byCat, unlCat[c], c * S);
  const byVillage: Record<string, GroupTally> = {};
  for (let v = 0; v < V; v++) {
    if (seenVil[v]) byVillage[String(villageIds[v])] = group(byVil, unlVil[v], v * S);
  }
  return { ...group(totals, unlicensed, 0), byCategory, byVillage };
}
