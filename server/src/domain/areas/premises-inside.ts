import { CATEGORY_CODES, type CategoryCode } from '../categories';
import type { PremiseColumns } from '../premise-columns';
import { STATUS_KEYS, type Status } from '../statuses';
import { rowsInside } from './area-count';
import { areaIndexFor } from './area-index';
import type { AreaShape } from './area-stats';

/** A premise inside a shape, as it stands on the day asked about. */
export interface PremiseInside {
  id: number;
  category: CategoryCode;
  villageId: number;
  status: Status;
  unlicensed: boolean;
}

/** The premises inside the shape (boundary included) that are on the map on `day`, by id. */
export function premisesInside(cols: PremiseColumns, shape: AreaShape, day: number): PremiseInside[] {
  const out: PremiseInside[] = [];
  for (const row of rowsInside(areaIndexFor(cols), shape.edges)) {
    for (let k = cols.intervalStart[row]; k < cols.intervalStart[row + 1]; k++) {
      if (cols.fromDay[k] > day || day >= cols.toDay[k]) continue;
      out.push({
        id: cols.id[row],
        category: CATEGORY_CODES[cols.category[row]],
        villageId: cols.villageId[row],
        status: STATUS_KEYS[cols.status[k]],
        unlicensed: cols.unlicensed[k] === 1,
      });
      break;
    }
  }
  return out.sort((a, b) => a.id - b.id);
}
