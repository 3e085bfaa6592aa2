/** An archive number in the survey-year style the demo and most township ledgers use: DQ2008-0001. */
const YEAR_STYLE = /^([A-Z]{1,8})(\d{4})-(\d{1,6})$/;

/** The prefix when the record has no number in that style to follow (十小). */
export const FALLBACK_PREFIX = 'SX';

/**
 * The next free archive number for a premise surveyed in `year`: the prefix most numbers on
 * record carry, the year, and one past the highest sequence of that prefix and year, four digits
 * at least (DQ2010-0048). Numbers in other styles (an import's IMP12-00034) are left alone.
 */
export function nextArchiveNo(existing: Iterable<string>, year: number): string {
  const prefixes = new Map<string, number>();
  const sequences = new Map<string, number>();
  for (const no of existing) {
    const m = YEAR_STYLE.exec(no);
    if (!m) continue;
    prefixes.set(m[1], (prefixes.get(m[1]) ?? 0) + 1);
    const key = `${m[1]}${m[2]}`;
    sequences.set(key, Math.max(sequences.get(key) ?? 0, Number(m[3])));
  }
  let prefix = FALLBACK_PREFIX;
  let most = 0;
  for (const [p, n] of prefixes) {
    if (n > most) {
      prefix = p;
      most = n;
    }
  }
  const next = (sequences.get(`${prefix}${year}`) ?? 0) + 1;
  return `${prefix}${year}-${String(next).padStart(4, '0')}`;
}
