import type { GroupTally } from '@domain/tally';

type Counts = Pick<GroupTally, 'surveyed' | 'unlicensed' | 'byStatus'> & {
  byCategory: Record<string, Pick<GroupTally, 'surveyed' | 'unlicensed'>>;
};

/**
 * Whether two answers for the same shape and day count the same premises: totals, every status and
 * every category. (Progress follows from byStatus.) Used to check the client's count against the server's.
 */
export function countsAgree(a: Counts, b: Counts): boolean {
  if (a.surveyed !== b.surveyed || a.unlicensed !== b.unlicensed) return false;
  for (const key of new Set([...Object.keys(a.byStatus), ...Object.keys(b.byStatus)]) as Set<
    keyof Counts['byStatus']
  >) {
    if ((a.byStatus[key] ?? 0) !== (b.byStatus[key] ?? 0)) return false;
  }
  for (const code of new Set([...Object.keys(a.byCategory), ...Object.keys(b.byCategory)])) {
    const x = a.byCategory[code];
    const y = b.byCategory[code];
    if ((x?.surveyed ?? 0) !== (y?.surveyed ?? 0) || (x?.unlicensed ?? 0) !== (y?.unlicensed ?? 0))
      return false;
  }
  return true;
}
