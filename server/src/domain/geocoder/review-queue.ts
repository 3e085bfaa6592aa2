import { gazetteerIndex, villageAt } from './gazetteer-index';
import { CONFIDENCE, geocodeAddress, REVIEW_BELOW, readAddress } from './geocode-address';
import { matchVillage } from './match-village';
import type { Gazetteer, GeocodeMethod, GeocodeResult } from './types';

/** A premise as the review queue sees it: where it is now and how that was found. */
export interface LocatedPremise {
  id: number;
  archiveNo: string;
  name: string;
  address: string;
  villageId: number;
  lngLat: [number, number];
  method: GeocodeMethod;
}

/** What an importer recorded when it geocoded the premise (overrides what the stored method implies). */
export interface OpenReview {
  premiseId: number;
  method: GeocodeMethod | null;
  confidence: number;
  matchedText: string;
}

export type ReviewReason = 'unmatched' | 'low_confidence' | 'conflict';

export interface ReviewItem {
  premiseId: number;
  archiveNo: string;
  name: string;
  address: string;
  /** The village of record (所属村社区). */
  villageId: number;
  lngLat: [number, number];
  /** How the current point was found; null when the geocoder matched nothing. */
  method: GeocodeMethod | null;
  confidence: number;
  matchedText: string;
  villageInAddress: { id: number; name: string } | null;
  villageAtPoint: { id: number; name: string } | null;
  conflict: boolean;
  reasons: ReviewReason[];
  /** What the gazetteer says now, when it does better than the current point (it may have learnt since). */
  suggestion: GeocodeResult | null;
}

const ref = (v: { id: number; name: string } | null) => (v ? { id: v.id, name: v.name } : null);

/**
 * The premises a person should place by hand: unmatched, found with low confidence (a village
 * fallback), or whose point lies outside the village the address names. Premises already placed by
 * hand are settled and stay out. Lowest confidence first, then conflicts, then by id.
 */
export function reviewQueue(
  premises: Iterable<LocatedPremise>,
  open: readonly OpenReview[],
  gazetteer: Gazetteer,
): ReviewItem[] {
  const villages = gazetteerIndex(gazetteer).villages;
  const openByPremise = new Map(open.map((r) => [r.premiseId, r]));
  const items: ReviewItem[] = [];
  for (const p of premises) {
    // A person placed it: that settles it, whatever an importer once recorded.
    if (p.method === 'manual') continue;
    const recorded = openByPremise.get(p.id);
    const method = recorded ? recorded.method : p.method;
    const confidence = recorded ? recorded.confidence : CONFIDENCE[p.method];
    const { parsed } = readAddress(p.address, gazetteer);
    const written = parsed.community ?? parsed.village;
    const inAddress = written ? (matchVillage(written, villages)?.village ?? null) : null;
    const atPoint = villageAt(gazetteer, p.lngLat);
    const conflict = inAddress !== null && inAddress.id !== atPoint?.id;
    const reasons: ReviewReason[] = [];
    if (method === null) reasons.push('unmatched');
    else if (confidence < REVIEW_BELOW) reasons.push('low_confidence');
    if (conflict) reasons.push('conflict');
    if (reasons.length === 0 && !recorded) continue;
    const now = geocodeAddress(p.address, gazetteer, { spreadSeed: p.id });
    items.push({
      premiseId: p.id,
      archiveNo: p.archiveNo,
      name: p.name,
      address: p.address,
      villageId: p.villageId,
      lngLat: p.lngLat,
      method,
      confidence,
      matchedText: recorded?.matchedText || now.matchedText,
      villageInAddress: ref(inAddress),
      villageAtPoint: ref(atPoint),
      conflict,
      reasons,
      suggestion: now.lngLat && now.confidence > confidence && !now.conflict ? now : null,
    });
  }
  return items.sort(
    (a, b) =>
      a.confidence - b.confidence || Number(b.conflict) - Number(a.conflict) || a.premiseId - b.premiseId,
  );
}
