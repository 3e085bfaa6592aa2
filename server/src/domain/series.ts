import type { PremiseColumns } from './premise-columns';
import { STATUS_KEYS, type Status } from './statuses';
import { addInterval, groupOn, runningTotals, type TallyFilter, tallyTable } from './tally';

export interface Series {
  stepDays: number;
  /** Epoch days of the samples. */
  days: number[];
  byStatus: Record<Status, number[]>;
  surveyed: number[];
  unlicensed: number[];
  progress: number[];
}

/**
 * Counts by status at every `stepDays` from startDay through endDay (and endDay itself), in one
 * pass over the intervals: each interval adds +1 at the first sample it covers and -1 after its last.
 */
export function statusSeries(
  cols: PremiseColumns,
  startDay: number,
  endDay: number,
  stepDays = 7,
  filter: TallyFilter = {},
): Series {
  const days: number[] = [];
  for (let d = startDay; d < endDay; d += stepDays) days.push(d);
  days.push(endDay);
  const n = days.length;
  // one row per sample
  const t = tallyTable(n, 'total');
  // index of the first sample >= day
  const firstAtOrAfter = (day: number) => {
    if (day <= startDay) return 0;
    if (day > endDay) return n;
    const j = Math.ceil((day - startDay) / stepDays);
    return j >= n - 1 ? (day <= endDay ? n - 1 : n) : j;
  };
  const visit = (row: number) => {
    if (filter.villageId !== undefined && cols.villageId[row] !== filter.villageId) return;
    if (filter.category !== undefined && cols.category[row] !== filter.category) return;
    for (let k = cols.intervalStart[row]; k < cols.intervalStart[row + 1]; k++) {
      const a = firstAtOrAfter(cols.fromDay[k]);
      const b = firstAtOrAfter(cols.toDay[k]);
      if (a >= b) continue;
      addInterval(t, a, 0, 0, cols.status[k], cols.unlicensed[k], 1);
      if (b < n) addInterval(t, b, 0, 0, cols.status[k], cols.unlicensed[k], -1);
    }
  };
  if (filter.rows) for (let i = 0; i < filter.rows.length; i++) visit(filter.rows[i]);
  else for (let row = 0; row < cols.count; row++) visit(row);
  runningTotals(t);

  const samples = days.map((_, j) => groupOn(t, j, 0));
  const byStatus = Object.fromEntries(
    STATUS_KEYS.map((key) => [key, samples.map((g) => g.byStatus[key])]),
  ) as Record<Status, number[]>;
  return {
    stepDays,
    days,
    byStatus,
    surveyed: samples.map((g) => g.surveyed),
    unlicensed: samples.map((g) => g.unlicensed),
    progress: samples.map((g) => g.progress),
  };
}
