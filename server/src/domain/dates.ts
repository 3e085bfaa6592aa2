/** Calendar days as integers: days since 1970-01-01 (UTC), so arithmetic needs no time zones. */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict YYYY-MM-DD into an epoch day, or returns null for malformed or impossible dates. */
export function parseDay(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/** Like parseDay but throws, for data we generated ourselves. */
export function day(text: string): number {
  const d = parseDay(text);
  if (d === null) throw new Error(`not a valid YYYY-MM-DD date: ${text}`);
  return d;
}

/** Formats an epoch day as YYYY-MM-DD. */
export function formatDay(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Year, month (1-12) and day of month of an epoch day. */
export function dayParts(days: number): { year: number; month: number; day: number } {
  const d = new Date(days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Today's epoch day in China (UTC+8), the campaign's own calendar. */
export function todayInChina(nowMs: number = Date.now()): number {
  return Math.floor((nowMs + 8 * 3_600_000) / MS_PER_DAY);
}
