import { gazetteerIndex } from './gazetteer-index';
import { readAddress } from './geocode-address';
import { matchVillage } from './match-village';
import type { AddressPoint, Gazetteer } from './types';

/**
 * The door plate a full address names, placed at `lngLat` — how a located premise or a person's
 * correction teaches the gazetteer. Null when the address has neither a door number nor an estate's
 * building (nothing to key it by).
 * The village is stored under its gazetteer name when the written one is recognised.
 */
export function addressPointFrom(
  address: string,
  lngLat: [number, number],
  source: AddressPoint['source'],
  gazetteer: Gazetteer,
): AddressPoint | null {
  const { parsed } = readAddress(address, gazetteer);
  // A building of an estate is a plate even without a door number: its units share its place.
  const building = parsed.estate !== undefined && parsed.building !== undefined;
  if (parsed.number === undefined && !building) return null;
  const written = parsed.community ?? parsed.village;
  const village = written ? matchVillage(written, gazetteerIndex(gazetteer).villages) : null;
  if (!parsed.road && !parsed.estate && !written) return null;
  const point: AddressPoint = { lngLat, source };
  if (parsed.number !== undefined) point.number = parsed.number;
  if (written) point.village = village && village.how !== 'fuzzy' ? village.village.name : written;
  if (parsed.group !== undefined) point.group = parsed.group;
  if (parsed.road) point.road = parsed.road;
  if (parsed.estate) point.estate = parsed.estate;
  if (parsed.building !== undefined) point.building = parsed.building;
  return point;
}

/** A plate as a short text, for messages and responses: 大唐村3组23号, 长睦路356号, 丁桥花园3幢78号. */
export function plateText(p: AddressPoint): string {
  const parts = [p.village ?? '', p.group === undefined ? '' : `${p.group}组`, p.road ?? '', p.estate ?? ''];
  return `${parts.join('')}${p.building === undefined ? '' : `${p.building}幢`}${p.number === undefined ? '' : `${p.number}号`}`;
}
