import { dayParts, formatDay, parseDay } from '@domain/dates';

/** Days since the campaign start (the unit of the timeline and of the premises layer). */
export type CampaignDay = number;

/** The campaign day of a YYYY-MM-DD date, or null when the text is not a real date. */
export function campaignDayOf(date: string, startDay: number): CampaignDay | null {
  const d = parseDay(date);
  return d === null ? null : d - startDay;
}

/** The YYYY-MM-DD date of a campaign day. */
export function dateOfCampaignDay(day: CampaignDay, startDay: number): string {
  return formatDay(startDay + day);
}

/** Clamps a campaign day to [0, lastDay]. */
export function clampDay(day: CampaignDay, lastDay: CampaignDay): CampaignDay {
  return Math.min(Math.max(Math.round(day), 0), lastDay);
}

/** Moves a date by whole calendar months, keeping the day of month where the month allows. */
export function addMonths(day: CampaignDay, months: number, startDay: number): CampaignDay {
  const { year, month, day: dom } = dayParts(startDay + day);
  const targetMonth = month - 1 + months;
  const lastOfTarget = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  const ms = Date.UTC(year, targetMonth, Math.min(dom, lastOfTarget));
  return ms / 86_400_000 - startDay;
}

/** Campaign days on which a year begins (1 January), within [0, lastDay]. */
export function yearStarts(startDay: number, lastDay: CampaignDay): { day: CampaignDay; year: number }[] {
  const first = dayParts(startDay).year;
  const last = dayParts(startDay + lastDay).year;
  const out: { day: CampaignDay; year: number }[] = [];
  for (let y = first; y <= last; y++) {
    const day = Date.UTC(y, 0, 1) / 86_400_000 - startDay;
    if (day >= 0 && day <= lastDay) out.push({ day, year: y });
  }
  return out;
}

/** Formats a YYYY-MM-DD date for display: 2009年6月30日 in Chinese, the ISO form otherwise. */
export function displayDate(date: string, lang: 'zh' | 'en'): string {
  if (lang === 'en') return date;
  const d = parseDay(date);
  if (d === null) return date;
  const { year, month, day } = dayParts(d);
  return `${year}年${month}月${day}日`;
}
