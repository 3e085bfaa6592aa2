/**
 * The day a live view shows. During the campaign: today. After it: the latest record (the record
 * goes on after the end), but never past today — so a finished campaign is shown as it was last
 * recorded, not with every licence lapsed since.
 */
export function liveDay(todayDay: number, campaignEndDay: number, lastRecordDay: number | null): number {
  if (todayDay <= campaignEndDay) return todayDay;
  return Math.min(todayDay, Math.max(campaignEndDay, lastRecordDay ?? campaignEndDay));
}
