import type { PremiseColumns } from '../premise-columns';
import { STATUS_KEYS, type Status } from '../statuses';

/** A premise's status on `day` from its intervals; null before its survey. */
export function statusOnDay(cols: PremiseColumns, row: number, day: number): Status | null {
  for (let k = cols.intervalStart[row]; k < cols.intervalStart[row + 1]; k++) {
    if (cols.fromDay[k] <= day && day < cols.toDay[k]) return STATUS_KEYS[cols.status[k]];
  }
  return null;
}

/** The day a premise came onto the map (its survey, import or first record); null if it never did. */
export function firstDayOnMap(cols: PremiseColumns, row: number): number | null {
  const k = cols.intervalStart[row];
  return k < cols.intervalStart[row + 1] ? cols.fromDay[k] : null;
}
