import { CATEGORIES, type CategoryCode, categoryIndex } from '../categories';
import { formatDay } from '../dates';
import type { EventType } from '../event-types';
import { K_ANONYMITY } from './k-anonymity';
import type { TradeGroupSizes } from './trade-group-sizes';

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
  /** The village the line names, or null when it is told at the township level. */
  villageId: number | null;
  category: CategoryCode;
  outcome: Outcome;
  /** 「三义村 一家小餐饮店 完成整改」, or 「本镇 一家小药店 完成整改」 */
  text: string;
  textEn: string;
}

/** How a township-level line names its place. */
export const TOWNSHIP_PLACE = { zh: '本镇', en: 'The township' } as const;

const outcomeByKey = new Map(OUTCOMES.map((o) => [o.key, o]));

/** The place a line may name: a village (by id and name), or the township (null). */
export type TickerPlace = { villageId: number; name: string } | null;

/**
 * The anonymous sentence for one outcome: a place and a trade only, never the premise itself.
 * Returns null for a record that is not an outcome.
 */
export function tickerItem(e: OutcomeEvent, place: TickerPlace): TickerItem | null {
  const outcome = outcomeOf(e.type, e.passed);
  const ci = categoryIndex(e.category);
  if (outcome === null || ci < 0) return null;
  const words = outcomeByKey.get(outcome) as (typeof OUTCOMES)[number];
  const category = CATEGORIES[ci];
  const article = /^[aeiou]/i.test(category.nameEn) ? 'an' : 'a';
  return {
    date: formatDay(e.day),
    villageId: place?.villageId ?? null,
    category: e.category,
    outcome,
    text: `${place?.name ?? TOWNSHIP_PLACE.zh} 一家${category.name} ${words.zh}`,
    textEn: `${place?.name ?? TOWNSHIP_PLACE.en}: ${article} ${category.nameEn.toLowerCase()} ${words.en}`,
  };
}

/**
 * Where an outcome may be told without singling its premise out: in its village when the village
 * has K_ANONYMITY premises of the trade on the record that day, else in the township when the
 * township has; `undefined` when neither (the line is left out).
 */
export function tickerPlace(
  e: OutcomeEvent,
  villageNames: ReadonlyMap<number, string>,
  sizes: TradeGroupSizes,
): TickerPlace | undefined {
  const ci = categoryIndex(e.category);
  if (ci < 0) return undefined;
  const name = villageNames.get(e.villageId);
  if (name !== undefined && sizes.inVillage(e.villageId, ci, e.day) >= K_ANONYMITY)
    return { villageId: e.villageId, name };
  if (sizes.inTownship(ci, e.day) >= K_ANONYMITY) return null;
  return undefined;
}

/** The line for an outcome, placed as tickerPlace says; null when it is not told. */
export function tickerLine(
  e: OutcomeEvent,
  villageNames: ReadonlyMap<number, string>,
  sizes: TradeGroupSizes,
): TickerItem | null {
  if (outcomeOf(e.type, e.passed) === null) return null;
  const place = tickerPlace(e, villageNames, sizes);
  return place === undefined ? null : tickerItem(e, place);
}

/** Ticker lines for events given newest first, skipping what is not told, at most `limit`. */
export function tickerItems(
  newestFirst: Iterable<OutcomeEvent>,
  villageNames: ReadonlyMap<number, string>,
  sizes: TradeGroupSizes,
  limit: number,
): TickerItem[] {
  const out: TickerItem[] = [];
  if (limit <= 0) return out;
  for (const e of newestFirst) {
    const item = tickerLine(e, villageNames, sizes);
    if (item) out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
