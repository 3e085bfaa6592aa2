import { addressPointInserter, currentGazetteer } from '../db/gazetteer';
import { resolveReview } from '../db/geocode-reviews';
import { countPremises, listVillages } from '../db/geography';
import type { Db } from '../db/open-database';
import type { PremiseRow } from '../db/premises';
import { addressPointFrom } from '../domain/geocoder/address-point-from';
import { villageAt } from '../domain/geocoder/gazetteer-index';
import { CONFIDENCE, geocodeAddress } from '../domain/geocoder/geocode-address';
import { type Placement, placeCandidate } from '../domain/import/place-candidate';
import type { PremiseCandidate } from '../domain/import/premise-candidate';
import { VillageMatcher } from '../domain/import/village-matcher';

type LngLat = [number, number];

/**
 * Places a premise entered by hand as the import places a row: a point clicked on the map is taken
 * as placed by hand ('manual'); without one the address is geocoded against the township's
 * gazetteer, falling back to the middle of the named village. The village is the one named, else
 * the one at the point. Returns the placement, or what is missing in words a person can act on.
 */
export function placeNewPremise(
  db: Db,
  input: { address: string; lngLat: LngLat | null; villageCode: string | null },
): { placement: Placement; warnings: string[] } | { error: string; errorZh: string } {
  const candidate = {
    rowNo: 0,
    address: input.address,
    villageText: null,
    villageCode: input.villageCode,
    lngLat: input.lngLat,
    crs: 'WGS84',
    geocodeMethod: input.lngLat ? 'manual' : null,
  } as PremiseCandidate;
  const gazetteer = currentGazetteer(db);
  // Premises sharing an address that only the village can place are spread, not stacked.
  const seed = countPremises(db);
  const placed = placeCandidate(candidate, new VillageMatcher(listVillages(db)), (address) =>
    geocodeAddress(address, gazetteer, { spreadSeed: seed }),
  );
  if (!placed.placement) {
    const issue = placed.errors[0];
    const field =
      issue?.field === 'lng'
        ? 'lngLat'
        : issue?.field === 'villageCode'
          ? 'villageId'
          : (issue?.field ?? 'address');
    const fieldZh = field === 'lngLat' ? '位置' : field === 'villageId' ? '所属村（社区）' : '地址';
    return {
      error: `${field}: expected ${issue?.expected ?? 'an address the gazetteer can place, or lngLat'}`,
      errorZh: `${fieldZh}：应为${issue?.expectedZh ?? '地名库能定位的地址，或在地图上标出位置'}`,
    };
  }
  return { placement: placed.placement, warnings: placed.warnings.map((w) => w.expected) };
}

/** The village whose boundary holds a pin, or null when it lies outside the township. */
export function villageAtPin(db: Db, lngLat: LngLat): { id: number; name: string } | null {
  const at = villageAt(currentGazetteer(db), lngLat);
  return at ? { id: at.id, name: at.name } : null;
}

/**
 * What a pin placed by hand teaches the geocoder (as the review queue's corrections do): the review
 * of the premise, if any, is resolved, and the door plate its address names is learned at the pin.
 * Returns the learned plate's id, or null when the address names no door number. Call inside the
 * transaction that moves the premise, before it is moved (the geocoder's view is of the old point).
 */
export function learnFromPin(db: Db, premise: PremiseRow, lngLat: LngLat): number | null {
  const gazetteer = currentGazetteer(db);
  const before = geocodeAddress(premise.address, gazetteer, { spreadSeed: premise.id });
  resolveReview(db, {
    premiseId: premise.id,
    address: premise.address,
    before: {
      method: premise.geocodeMethod,
      confidence: CONFIDENCE[premise.geocodeMethod],
      matchedText: before.matchedText,
      conflict: before.conflict,
    },
    lngLat,
  });
  const learned = addressPointFrom(premise.address, lngLat, 'correction', gazetteer);
  return learned ? addressPointInserter(db)(learned) : null;
}
