import { currentGazetteer } from '../db/gazetteer';
import type { Db } from '../db/open-database';
import { geocodeAddress } from '../domain/geocoder/geocode-address';
import type { Geocode } from '../domain/import/place-candidate';

/** The offline geocoder over the township's gazetteer, loaded once for a whole import. */
export function importGeocoder(db: Db): Geocode {
  const gazetteer = currentGazetteer(db);
  let seed = 0;
  // Premises sharing one address are spread apart rather than stacked on one point.
  return (address) => geocodeAddress(address, gazetteer, { spreadSeed: seed++ });
}
