import { DONE_STATUSES, type Status } from './statuses';

/** 整治完成率: (compliant + model + closed + converted) / surveyed, as a 0–1 fraction (0 when none surveyed). */
export function progress(byStatus: Readonly<Record<Status, number>>): number {
  let surveyed = 0;
  let done = 0;
  for (const [key, n] of Object.entries(byStatus) as [Status, number][]) {
    surveyed += n;
    if (DONE_STATUSES.includes(key)) done += n;
  }
  return surveyed === 0 ? 0 : done / surveyed;
}
