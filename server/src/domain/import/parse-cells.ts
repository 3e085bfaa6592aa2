import { formatDay, parseDay } from '../dates';

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug folded in) as an epoch day. */
const EXCEL_EPOCH_DAY = -25569;

/**
 * A date as offices write it: 2009-06-30, 2009/6/30, 2009.6.30, 2009年6月30日, 20090630, or an
 * Excel serial number (e.g. 40000). Returns the epoch day, or null when it is not a real date.
 */
export function parseDateCell(text: string): number | null {
  const t = text.trim().normalize('NFKC');
  if (t === '') return null;
  if (/^\d{5}(\.0+)?$/.test(t)) {
    const serial = Number(t);
    return serial >= 20000 && serial <= 80000 ? EXCEL_EPOCH_DAY + serial : null;
  }
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))(?:[ T].*)?$/.exec(t);
  if (!m) return null;
  const month = m[2] ?? m[4];
  const day = m[3] ?? m[5];
  return parseDay(`${m[1]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
}

export type Validity = { fromDay: number | null; toDay: number | null };

/**
 * A licence's period: an end date (有效期至 2011-05-31), a range (2008-06-01至2011-05-31,
 * 2008.6.1-2011.5.31) or 长期/永久 (no end). Returns null when it cannot be read.
 */
export function parseValidity(text: string): Validity | null {
  const t = text
    .trim()
    .normalize('NFKC')
    .replace(/^有效期(至|限)?/, '');
  if (t === '') return null;
  if (/^(长期|永久|长期有效|无固定期限)$/.test(t)) return { fromDay: null, toDay: null };
  const single = parseDateCell(t.replace(/^至/, ''));
  if (single !== null) return { fromDay: null, toDay: single };
  const parts = t.split(/\s*(?:至|到|~|—|–|--|\s-\s)\s*/);
  const dashed = parts.length === 2 ? parts : t.split(/(?<=\d)-(?=\d{4})/);
  if (dashed.length !== 2) return null;
  const from = parseDateCell(dashed[0]);
  const toText = dashed[1].trim();
  const to = /^(长期|永久)$/.test(toText) ? null : parseDateCell(toText);
  if (from === null || (to === null && !/^(长期|永久)$/.test(toText))) return null;
  return { fromDay: from, toDay: to };
}

/** A number with an optional unit (35㎡, 35 平方米, 3人, 1,200); null when it is not one. */
export function parseAmount(text: string): number | null {
  const t = text
    .trim()
    .normalize('NFKC')
    .replace(/,/g, '')
    .replace(/\s*(㎡|m2|m²|平方米|平米|平方|人|个|名)$/i, '');
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** A phone number reduced to digits and one dash: mobile 11 digits, or a landline of 7–12 digits. */
export function parsePhone(text: string): string | null {
  const t = text
    .trim()
    .normalize('NFKC')
    .replace(/[\s()（）]/g, '');
  if (/^(\+?86)?1[3-9]\d{9}$/.test(t.replace(/-/g, ''))) return t.replace(/-/g, '').replace(/^\+?86/, '');
  const landline = t.replace(/-/g, '');
  if (/^\d{7,12}$/.test(landline) && (t.match(/-/g) ?? []).length <= 1) return t;
  return null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A mainland ID number: 18 characters (17 digits + digit or X) or the old 15 digits; checksum verified. */
export function parseIdNumber(text: string): { id: string; checksumOk: boolean } | null {
  const t = text.trim().normalize('NFKC').toUpperCase();
  if (/^\d{15}$/.test(t)) return { id: t, checksumOk: true };
  if (!/^\d{17}[\dX]$/.test(t)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(t[i]) * ID_WEIGHTS[i];
  return { id: t, checksumOk: ID_CHECK[sum % 11] === t[17] };
}

/** 是/否, Y/N, 1/0, true/false, √; null when it is none of them. */
export function parseYesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (['是', 'y', 'yes', '1', 'true', '√', '✓', '重点'].includes(t)) return true;
  if (['否', 'n', 'no', '0', 'false', '×', '不是', '非重点'].includes(t)) return false;
  return null;
}

/** Shows an epoch day in messages. */
export const showDay = formatDay;
