import { neutralise } from '@domain/csv-text';
import { categoryName, messages, statusName } from '../i18n/translate';
import type { Lang } from './url-state';

/** A premise as the area premise list gives it. */
export interface ListedPremise {
  archiveNo: string;
  name: string;
  category: string;
  village: { name: string };
  status: string;
  unlicensed: boolean;
  address: string;
}

/**
 * The premise list as spreadsheet rows, the same columns as the server's CSV, in the page's
 * language. Every text cell that a spreadsheet would read as a formula (= + - @) is neutralised.
 */
export function premiseSheet(
  items: readonly ListedPremise[],
  lang: Lang,
): { header: string[]; rows: string[][] } {
  const t = messages(lang);
  const header = [t.archiveNo, t.shopName, t.category, t.village, t.statusOnDate, t.unlicensed, t.address];
  const rows = items.map((p) =>
    [
      p.archiveNo,
      p.name,
      categoryName(p.category, lang),
      p.village.name,
      statusName(p.status, lang),
      p.unlicensed ? t.yes : t.no,
      p.address,
    ].map(neutralise),
  );
  return { header: header.map(neutralise), rows };
}

/** A file (or sheet) name from free text: no path, reserved or control characters, at most 80 characters. */
export function safeFileName(text: string): string {
  const clean = [...text]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|[]'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/_+/g, '_')
    .trim();
  return (clean || 'export').slice(0, 80);
}
