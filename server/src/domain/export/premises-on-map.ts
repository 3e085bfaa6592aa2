import type { PremiseColumns } from '../premise-columns';

/** Which premises to pick; each field absent means no filter. Categories and statuses by index. */
export interface OnMapFilter {
  villageId?: number;
  categories?: ReadonlySet<number>;
  statuses?: ReadonlySet<number>;
}

/**
 * The ids of the premises on the map on `day` (surveyed by then) that pass the filter, in id
 * order, read from the in-memory columns: a streamed export knows how many rows it
 * will write, and which, before it reads the first one from the database.
 */
export function premisesOnMap(cols: PremiseColumns, day: number, filter: OnMapFilter = {}): Uint32Array {
  const out = new Uint32Array(cols.count);
  let n = 0;
  let sorted = true;
  for (let r = 0; r < cols.count; r++) {
    if (filter.villageId !== undefined && cols.villageId[r] !== filter.villageId) continue;
    if (filter.categories && !filter.categories.has(cols.category[r])) continue;
    const end = cols.intervalStart[r + 1];
    for (let k = cols.intervalStart[r]; k < end; k++) {
      if (cols.fromDay[k] <= day && day < cols.toDay[k]) {
        if (!filter.statuses || filter.statuses.has(cols.status[k])) {
          if (n > 0 && out[n - 1] > cols.id[r]) sorted = false;
          out[n++] = cols.id[r];
        }
        break;
      }
    }
  }
  const ids = out.slice(0, n);
  return sorted ? ids : ids.sort();
}
