import type { PremiseColumns } from './premise-columns';
import { DONE_STATUSES, STATUS_KEYS, type Status } from './statuses';
import type { TallyFilter } from './tally';

export interface Series {
  stepDays: number;
  /** Epoch days of the samples. */
  days: number[];
  byStatus: Record<Status, number[]>;
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
  const S = STATUS_KEYS.length;
  const diff = new Int32Array((n + 1) * S);
  const unlDiff = new Int32Array(n + 1);
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
      const s = cols.status[k];
      diff[a * S + s]++;
      diff[b * S + s]--;
      if (cols.unlicensed[k]) {
        unlDiff[a]++;
        unlDiff[b]--;
      }
    }
  };
  if (filter.rows) for (let i = 0; i < filter.rows.length; i++) visit(filter.rows[i]);
  else for (let row = 0; row < cols.count; row++) visit(row);

  const byStatus = Object.fromEntries(STATUS_KEYS.map((k) => [k, new Array<number>(n)])) as Record<
    Status,
    number[]
  >;
  const unlicensed = new Array<number>(n);
  const progressOut = new Array<number>(n);
  const running = new Int32Array(S);
  let unl = 0;
  for (let j = 0; j < n; j++) {
    let surveyed = 0;
    let done = 0;
    for (let s = 0; s < S; s++) {
      running[s] += diff[j * S + s];
      byStatus[STATUS_KEYS[s]][j] = running[s];
      surveyed += running[s];
      if (DONE_STATUSES.includes(STATUS_KEYS[s])) done += running[s];
    }
    unl += unlDiff[j];
    unlicensed[j] = unl;
    progressOut[j] = surveyed === 0 ? 0 : done / surveyed;
  }
  return { stepDays, days, byStatus, unlicensed, progress: progressOut };
}
