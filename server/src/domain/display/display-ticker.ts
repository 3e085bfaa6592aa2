import { CATEGORIES, type CategoryCode, categoryIndex } from '../categories';
import { formatDay } from '../dates';
import type { EventType } from '../event-types';

/** The outcomes the public ticker announces, and how it says them. */
export const OUTCOMES = [
  { key: 'rectified', zh: '完成整改', en: 'rectified' },
  { key: 'upgraded', zh: '规范提升', en: 'was upgraded' },
  { key: 'model', zh: '评为示范点', en: 'made a model site' },
  { key: 'closed', zh: '依法关停', en: 'was closed' },
  { key: 'converted', zh: '转产转化', en: 'converted' },
] as const;

export type Outcome = (typeof OUTCOMES)[number]['key'];

/** Event types that can be an outcome (a re-inspection only when it passed). */
export const OUTCOME_EVENT_TYPES: readonly EventType[] = [
  'reinspected',
  'upgraded',
  'model',
  'closed',
  'converted',
];

/** A record reduced to what the public may know of it: when, which village, which trade, what happened. */
export interface OutcomeEvent {
  day: number;
  type: EventType;
  passed?: boolean;
  villageId: number;
  category: CategoryCode;
}

/** The outcome a record announces, or null when it is not one the ticker tells. */
export function outcomeOf(type: EventType, passed?: boolean): Outcome | null {
  switch (type) {
    case 'reinspected':
      return passed ? 'rectified' : null;
    case 'upgraded':
    case 'model':
    case 'closed':
    case 'converted':
      return type;
    default:
      return null;
  }
}

export interface TickerItem {
  date: string;
  villageId: number;
  category: CategoryCode;
  outcome: Outcome;
  /** 「三义村 一家小餐饮店 完成整改」 */
  text: string;
  textEn: string;
}

const outcomeByKey = new Map(OUTCOMES.map((o) => [o.key, o]));

/**
 * The anonymous sentence for one outcome: village and trade only, never the premise itself.
 * Returns null for a record that is not an outcome.
 */
export function tickerItem(e: OutcomeEvent, villageName: string): TickerItem | null {
  const outcome = outcomeOf(e.type, e.passed);
  const ci = categoryIndex(e.category);
  if (outcome === null || ci < 0) return null;
  const words = outcomeByKey.get(outcome) as (typeof OUTCOMES)[number];
  const category = CATEGORIES[ci];
  const article = /^[aeiou]/i.test(category.nameEn) ? 'an' : 'a';
  return {
    date: formatDay(e.day),
    villageId: e.villageId,
    category: e.category,
    outcome,
    text: `${villageName} 一家${category.name} ${words.zh}`,
    textEn: `${villageName}: ${article} ${category.nameEn.toLowerCase()} ${words.en}`,
  };
}

/** Ticker items for events given newest first, skipping non-outcomes, at most `limit`. */
export function tickerItems(
  newestFirst: Iterable<OutcomeEvent>,
  villageNames: ReadonlyMap<number, string>,
  limit: number,
): TickerItem[] {
  const out: TickerItem[] = [];
  for (const e of newestFirst) {
    if (out.length >= limit) break;
    const item = tickerItem(e, villageNames.get(e.villageId) ?? '');
    if (item) out.push(item);
  }
  return out;
}
