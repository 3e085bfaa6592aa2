/**
 * The campaign year a report opens on: the year of the day on the timeline when the campaign has
 * it, else the nearest of the campaign's years (the last before that day, or the first).
 */
export function reportYearFor(years: readonly number[], at: string): number | null {
  if (years.length === 0) return null;
  const year = Number(at.slice(0, 4));
  if (years.includes(year)) return year;
  const before = years.filter((y) => y < year);
  return before.length > 0 ? Math.max(...before) : Math.min(...years);
}
