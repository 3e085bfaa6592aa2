/**
 * The campaign year a calendar year is accepted in: the latest campaign year not after it, or the
 * first campaign year for a year before the campaign.
 */
export function campaignYearOf(year: number, years: readonly number[]): number {
  return years.filter((y) => y <= year).at(-1) ?? years[0];
}
