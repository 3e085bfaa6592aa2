import { parseDay, todayInChina } from '../dates';
import { InvalidParameter } from './invalid-parameter';

/** A span of calendar days (epoch days, both ends inclusive); null is an open end. */
export interface DayInterval {
  fromDay: number | null;
  toDay: number | null;
}

// RFC 3339 date or date-time; the time may be cut short (GDAL sends `2009-06-30T` for a date and
// `2009-06-30T12Z` for an hour), and a zone only means something after a time.
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})(?:[Tt ](?:(\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/;

/** An instant as the campaign's calendar day (China, UTC+8); a date-time with a zone is converted. */
function instantDay(text: string): number {
  const m = INSTANT.exec(text);
  const day = m ? parseDay(m[1]) : null;
  if (!m || day === null) {
    throw new InvalidParameter(
      `datetime: '${text}' is not a date or an RFC 3339 date-time (e.g. 2009-06-30 or 2009-06-30T08:00:00Z)`,
      `datetime：'${text}' 不是有效日期或 RFC 3339 日期时间（如 2009-06-30 或 2009-06-30T08:00:00Z）`,
    );
  }
  const [, , hh, mm, ss, zone] = m;
  const [h, mi, s] = [hh, mm, ss].map((x) => Number(x ?? 0));
  if (h > 23 || mi > 59 || s > 60)
    throw new InvalidParameter(
      `datetime: '${text}' has an impossible time`,
      `datetime：'${text}' 的时间不存在`,
    );
  if (hh === undefined || !zone) return day;
  const offsetMinutes =
    zone === 'Z' || zone === 'z'
      ? 0
      : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  const utcMs = day * 86_400_000 + ((h * 60 + mi - offsetMinutes) * 60 + s) * 1000;
  return todayInChina(utcMs);
}

const open = (part: string) => part === '..' || part === '';

/**
 * The OGC `datetime` parameter as days: an instant (`2009-06-30`, a date-time) or an interval
 * (`2009-01-01/2009-12-31`, `../2009-12-31`, `2009-01-01/..`). Throws InvalidParameter on anything else.
 */
export function parseDatetime(text: string): DayInterval {
  const parts = text.split('/');
  if (parts.length === 1) {
    if (open(text))
      throw new InvalidParameter(
        "datetime: expected a date, a date-time or an interval 'start/end'",
        "datetime：应为日期、日期时间或区间 '开始/结束'",
      );
    const day = instantDay(text);
    return { fromDay: day, toDay: day };
  }
  if (parts.length !== 2) {
    throw new InvalidParameter(
      `datetime: '${text}' has more than one '/'; expected 'start/end'`,
      `datetime：'${text}' 含有多个 '/'；应为 '开始/结束'`,
    );
  }
  const [fromDay, toDay] = parts.map((p) => (open(p) ? null : instantDay(p)));
  if (fromDay !== null && toDay !== null && fromDay > toDay) {
    throw new InvalidParameter(
      `datetime: the interval '${text}' ends before it starts`,
      `datetime：区间 '${text}' 的结束早于开始`,
    );
  }
  return { fromDay, toDay };
}

/**
 * The one day a premise's status is shown for: the instant, or the interval's end; an interval open
 * at the end means the live day (but never before the interval's start).
 */
export function statusDay(interval: DayInterval | null, liveDay: number): number {
  if (!interval) return liveDay;
  if (interval.toDay !== null) return interval.toDay;
  return Math.max(interval.fromDay ?? liveDay, liveDay);
}

/** Whether a period (inclusive days, null open) meets the interval. */
export function periodMeets(
  period: { fromDay: number | null; toDay: number | null },
  interval: DayInterval,
): boolean {
  const startsBeforeEnd =
    period.fromDay === null || interval.toDay === null || period.fromDay <= interval.toDay;
  const endsAfterStart =
    period.toDay === null || interval.fromDay === null || interval.fromDay <= period.toDay;
  return startsBeforeEnd && endsAfterStart;
}
