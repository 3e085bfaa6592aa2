import { CATEGORIES } from '@domain/categories';
import { EVENT_TYPES, PROBLEMS } from '@domain/event-types';
import { LICENCE_TYPES } from '@domain/licences';
import { STATUSES } from '@domain/statuses';
import type { Lang } from '../lib/url-state';
import { en } from './en';
import { type MessageKey, type Messages, zh } from './zh';

const TABLES: Record<Lang, Messages> = { zh, en };

type Named = { readonly name: string; readonly nameEn: string };

function namer<T extends Named>(items: readonly T[], key: (t: T) => string) {
  const map = new Map(items.map((i) => [key(i), i]));
  return (code: string, lang: Lang) => {
    const item = map.get(code);
    if (!item) return code;
    return lang === 'en' ? item.nameEn : item.name;
  };
}

export const categoryName = namer(CATEGORIES, (c) => c.code);
export const statusName = namer(STATUSES, (s) => s.key);
export const eventName = namer(EVENT_TYPES, (e) => e.key);
export const problemName = namer(PROBLEMS, (p) => p.key);
export const licenceName = namer(LICENCE_TYPES, (l) => l.code);

/** The message table of a language. */
export function messages(lang: Lang): Messages {
  return TABLES[lang];
}

export type { MessageKey, Messages };

/** Fills {name} placeholders of a label. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
