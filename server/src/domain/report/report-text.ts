import { dayParts, parseDay } from '../dates';

/** 0.4567 → 45.7%; a share of nothing is a dash. */
export function percent(fraction: number, surveyed = 1): string {
  if (surveyed === 0) return '—';
  return `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;
}

/** 2009-12-31 → 2009年12月31日. */
export function chineseDate(isoDay: string): string {
  const d = parseDay(isoDay);
  if (d === null) return isoDay;
  const p = dayParts(d);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** The quoted campaign name as documents write it: 「X镇"十小"行业整治」. */
export function campaignTitle(township: string): string {
  return `${township}“十小”行业整治`;
}
