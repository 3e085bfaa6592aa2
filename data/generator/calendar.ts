import { day } from '../../server/src/domain/dates';
import type { Rng } from './prng';

/** The demo campaign's three years. */
export const CAMPAIGN_START_DATE = '2008-01-01';
export const CAMPAIGN_END_DATE = '2010-12-31';
export const CAMPAIGN_END = day(CAMPAIGN_END_DATE);

/** Offices keep no records at weekends: Saturday and Sunday move to the Monday after. */
export function workday(epochDay: number): number {
  const weekday = (epochDay + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  if (weekday === 6) return epochDay + 2;
  if (weekday === 0) return epochDay + 1;
  return epochDay;
}

const parsed = new Map<string, number>();

/** The epoch day of a YYYY-MM-DD written in the generator's code, parsed once. */
export function on(date: string): number {
  let d = parsed.get(date);
  if (d === undefined) {
    d = day(date);
    parsed.set(date, d);
  }
  return d;
}

/** A uniform day in [from, to], either given as YYYY-MM-DD or as an epoch day. */
export function dayBetween(rng: Rng, from: string | number, to: string | number): number {
  const a = typeof from === 'string' ? on(from) : from;
  const b = typeof to === 'string' ? on(to) : to;
  return b <= a ? a : rng.int(a, b);
}

/** Adds whole years, keeping month and day (29 Feb becomes 1 Mar). */
export function addYears(epochDay: number, years: number): number {
  const d = new Date(epochDay * 86_400_000);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return Math.round(d.getTime() / 86_400_000);
}
