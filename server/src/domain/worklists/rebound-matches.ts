import { SIMILAR_ADDRESS } from '../import/find-duplicates';
import { dice, normaliseAddress } from '../import/text-similarity';

/** What a new premise has in common with a closed one. */
export const MATCH_FIELDS = ['operator', 'phone', 'address'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** A premise's operator, phone and address as written, its village and its trade. */
export interface Contact {
  id: number;
  villageId: number;
  category: string;
  operator: string | null;
  phone: string | null;
  address: string;
}

/** A contact reduced for matching (see keyedContact). */
export interface KeyedContact {
  id: number;
  villageId: number;
  category: string;
  operatorKey: string;
  phoneKey: string;
  /** The address as the import's similarity reads it (normaliseAddress), and its house numbers. */
  address: string;
  numbers: string;
}

export interface ReboundMatch {
  closedId: number;
  newId: number;
  closedOn: number;
  surveyedOn: number;
  /** The first of operator, phone, address that matches. */
  matchedOn: MatchField;
  /** Every field that matches, in that order. */
  matches: MatchField[];
}

/** An operator's name for comparison: full-width folded (NFKC), no spaces. */
export function operatorKey(operator: string | null): string {
  return (operator ?? '').normalize('NFKC').replace(/\s/gu, '');
}

/** A phone number for comparison: NFKC, no spaces, and no dashes between the area code and the number. */
export function phoneKey(phone: string | null): string {
  return (phone ?? '').normalize('NFKC').replace(/[\s\-‐‑–—]/gu, '');
}

/** Normalises a contact once, so that matching thousands is map lookups. */
export function keyedContact(c: Contact): KeyedContact {
  const address = normaliseAddress(c.address);
  return {
    id: c.id,
    villageId: c.villageId,
    category: c.category,
    operatorKey: operatorKey(c.operator),
    phoneKey: phoneKey(c.phone),
    address,
    numbers: address.match(/\d+/g)?.join(',') ?? '',
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const strength = (m: ReboundMatch) => m.matches.length * 2 + (m.matches.includes('phone') ? 1 : 0);

/**
 * 回潮: pairs of a closed premise (closed on `closedOn`) and a premise that came onto the map after
 * that closure (on `surveyedOn`) where
 * - the phone is the same (anywhere in the township);
 * - the operator's name is the same, and the new premise is in the same village or the same trade
 *   (a name alone, across villages and trades, is mostly a namesake: at 50,000 premises three pairs
 *   in four were) — or anywhere with `operatorAnywhere`;
 * - or, in the same village, the address is the same place to the import's measure
 *   (addressSimilarity ≥ SIMILAR_ADDRESS).
 * Equal to comparing every pair. Addresses are compared within blocks of the same house numbers:
 * two addresses whose numbers both exist and differ score at most half, below SIMILAR_ADDRESS, and
 * for the rest addressSimilarity is the Dice coefficient of the normalised addresses, computed here
 * on addresses normalised once. Strongest first (more fields, a phone), then the latest to appear.
 */
export function reboundMatches(
  closed: readonly { contact: KeyedContact; closedOn: number }[],
  fresh: readonly { contact: KeyedContact; surveyedOn: number }[],
  opts: { operatorAnywhere?: boolean } = {},
): ReboundMatch[] {
  if (SIMILAR_ADDRESS <= 0.5) throw new Error('the address blocking below assumes SIMILAR_ADDRESS > 0.5');
  type Closed = (typeof closed)[number];
  const byOperator = new Map<string, Closed[]>();
  const byPhone = new Map<string, Closed[]>();
  const byPlace = new Map<string, Closed[]>();
  const byVillage = new Map<number, Closed[]>();
  for (const p of closed) {
    const c = p.contact;
    if (c.operatorKey) push(byOperator, c.operatorKey, p);
    if (c.phoneKey) push(byPhone, c.phoneKey, p);
    push(byPlace, `${c.villageId}|${c.numbers}`, p);
    push(byVillage, c.villageId, p);
  }
  const out: ReboundMatch[] = [];
  // per new premise: the closed ones it matches, as bits of MATCH_FIELDS (1 operator, 2 phone, 4 address)
  const found = new Map<Closed, number>();
  const note = (p: Closed, bit: number) => found.set(p, (found.get(p) ?? 0) | bit);
  const NONE: Closed[] = [];
  for (const { contact: n, surveyedOn } of fresh) {
    found.clear();
    if (n.operatorKey)
      for (const p of byOperator.get(n.operatorKey) ?? NONE)
        if (opts.operatorAnywhere || p.contact.villageId === n.villageId || p.contact.category === n.category)
          note(p, 1);
    if (n.phoneKey) for (const p of byPhone.get(n.phoneKey) ?? NONE) note(p, 2);
    const places = n.numbers
      ? [byPlace.get(`${n.villageId}|${n.numbers}`) ?? NONE, byPlace.get(`${n.villageId}|`) ?? NONE]
      : [byVillage.get(n.villageId) ?? NONE];
    for (const place of places)
      for (const p of place)
        if (surveyedOn > p.closedOn && dice(n.address, p.contact.address) >= SIMILAR_ADDRESS) note(p, 4);
    for (const [p, bits] of found) {
      if (p.contact.id === n.id || surveyedOn <= p.closedOn) continue;
      const matches = MATCH_FIELDS.filter((_, i) => bits & (1 << i));
      out.push({
        closedId: p.contact.id,
        newId: n.id,
        closedOn: p.closedOn,
        surveyedOn,
        matchedOn: matches[0],
        matches,
      });
    }
  }
  return out.sort(
    (a, b) =>
      strength(b) - strength(a) ||
      b.surveyedOn - a.surveyedOn ||
      a.newId - b.newId ||
      a.closedId - b.closedId,
  );
}
