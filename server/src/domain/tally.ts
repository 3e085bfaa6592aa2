import { CATEGORY_CODES } from './categories';
import type { PremiseColumns } from './premise-columns';
import { progress } from './progress';
import { STATUS_KEYS, type Status } from './statuses';

export type StatusCounts = Record<Status, number>;

export interface GroupTally {
  surveyed: number;
  unlicensed: number;
  progress: number;
  byStatus: StatusCounts;
}

export interface Tally extends GroupTally {
  byCategory: Record<string, GroupTally>;
  byVillage: Record<string, GroupTally>;
}

/** Which premises to count: all rows, or only those passing the filters. */
export interface TallyFilter {
  villageId?: number;
  /** Category index (position in CATEGORIES). */
  category?: number;
  /** Restrict to these rows (e.g. the premises inside a polygon). */
  rows?: ArrayLike<number>;
}

const S = STATUS_KEYS.length;

/** The GroupTally held in counts[offset .. offset + statuses) with its unlicensed count. */
export function groupTally(counts: Int32Array, unlicensed: number, offset: number): GroupTally {
  const byStatus = {} as StatusCounts;
  let surveyed = 0;
  for (let s = 0; s < S; s++) {
    byStatus[STATUS_KEYS[s]] = counts[offset + s];
    surveyed += counts[offset + s];
  }
  return { surveyed, unlicensed, progress: progress(byStatus), byStatus };
}

/** Counts premises by status and licence state on `day`, overall and per category and village. */
export function tally(cols: PremiseColumns, day: number, filter: TallyFilter = {}): Tally {
  const C = CATEGORY_CODES.length;
  const totals = new Int32Array(S);
  let unlicensed = 0;
  const byCat = new Int32Array(C * S);
  const unlCat = new Int32Array(C);
  const villageSlot = new Map<number, number>();
  const byVillage: number[] = [];
  const unlVillage: number[] = [];
  const count = (row: number) => {
    if (filter.villageId !== undefined && cols.villageId[row] !== filter.villageId) return;
    if (filter.category !== undefined && cols.category[row] !== filter.category) return;
    const end = cols.intervalStart[row + 1];
    for (let k = cols.intervalStart[row]; k < end; k++) {
      if (cols.fromDay[k] > day || day >= cols.toDay[k]) continue;
      const s = cols.status[k];
      const c = cols.category[row];
      const v = cols.villageId[row];
      let slot = villageSlot.get(v);
      if (slot === undefined) {
        slot = villageSlot.size;
        villageSlot.set(v, slot);
        for (let i = 0; i < S; i++) byVillage.push(0);
        unlVillage.push(0);
      }
      totals[s]++;
      byCat[c * S + s]++;
      byVillage[slot * S + s]++;
      if (cols.unlicensed[k]) {
        unlicensed++;
        unlCat[c]++;
        unlVillage[slot]++;
      }
      break;
    }
  };
  if (filter.rows) for (let i = 0; i < filter.rows.length; i++) count(filter.rows[i]);
  else for (let row = 0; row < cols.count; row++) count(row);

  const byCategory: Record<string, GroupTally> = {};
  for (let c = 0; c < C; c++) byCategory[CATEGORY_CODES[c]] = groupTally(byCat, unlCat[c], c * S);
  const villageCounts = Int32Array.from(byVillage);
  const villages: Record<string, GroupTally> = {};
  for (const [v, slot] of [...villageSlot].sort((a, b) => a[0] - b[0])) {
    villages[String(v)] = groupTally(villageCounts, unlVillage[slot], slot * S);
  }
  return { ...groupTally(totals, unlicensed, 0), byCategory, byVillage: villages };
}
