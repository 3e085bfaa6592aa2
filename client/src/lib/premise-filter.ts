/** Which premises the user has chosen to see; null means no restriction. Indices are compact forms. */
export interface PremiseFilter {
  /** Category indices (positions in CATEGORIES). */
  categories: readonly number[] | null;
  /** Village id. */
  village: number | null;
  /** Status indices (positions in STATUSES). */
  statuses: readonly number[] | null;
}

export const NO_FILTER: PremiseFilter = { categories: null, village: null, statuses: null };

/** A 0/1 lookup table of `size` entries with the chosen indices set (all set when `chosen` is null). */
export function maskOf(chosen: readonly number[] | null, size: number): Uint8Array {
  const mask = new Uint8Array(size);
  if (chosen === null) mask.fill(1);
  else for (const i of chosen) if (i >= 0 && i < size) mask[i] = 1;
  return mask;
}
