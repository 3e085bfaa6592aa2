import type { PremiseColumns } from '../premise-columns';

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * The premises on the map on `day` that `keep` lets through, as dots: position (to 1e-5°, about a
 * metre) and the index of their status then. A premise not yet surveyed is not a dot.
 */
export function dotsOnDay(
  cols: PremiseColumns,
  day: number,
  keep: (row: number) => boolean,
): { lng: number[]; lat: number[]; status: number[] } {
  const out = { lng: [] as number[], lat: [] as number[], status: [] as number[] };
  for (let row = 0; row < cols.count; row++) {
    if (!keep(row)) continue;
    const end = cols.intervalStart[row + 1];
    for (let k = cols.intervalStart[row]; k < end; k++) {
      if (cols.fromDay[k] > day || day >= cols.toDay[k]) continue;
      out.lng.push(round5(cols.lng[row]));
      out.lat.push(round5(cols.lat[row]));
      out.status.push(cols.status[k]);
      break;
    }
  }
  return out;
}
