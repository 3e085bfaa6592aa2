import { DONE_STATUSES, STATUS_KEYS, type Status } from './statuses';

/** 1 at the index of each status that counts as done. */
const DONE = Uint8Array.from(STATUS_KEYS, (key) => (DONE_STATUSES.includes(key) ? 1 : 0));

/**
 * 整治完成率: (compliant + model + closed + converted) / surveyed, as a 0–1 fraction (0 when none
 * surveyed), of the counts by status index held at counts[offset .. offset + statuses). Reads typed
 * arrays in place, so a tally computes it without building an object.
 */
export function progress(counts: ArrayLike<number>, offset = 0): number {
  let surveyed = 0;
  let done = 0;
  for (let s = 0; s < DONE.length; s++) {
    const n = counts[offset + s];
    surveyed += n;
    if (DONE[s]) done += n;
  }
  return surveyed === 0 ? 0 : done / surveyed;
}

/** The premises counted as done (the numerator of progress) in counts by status. */
export function doneCount(byStatus: Readonly<Record<Status, number>>): number {
  let done = 0;
  for (const key of DONE_STATUSES) done += byStatus[key];
  return done;
}
