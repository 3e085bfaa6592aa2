import { bbox, booleanPointInPolygon } from '@turf/turf';
import { isNumeralName } from './chinese-numerals';
import { buildVillageLookup, matchVillage, placeStem, type VillageLookup } from './match-village';
import { normalizeAddress } from './normalize-address';
import { adminPrefixes } from './strip-prefixes';
import type { AddressPoint, Gazetteer, GazetteerRoad, GazetteerVillage } from './types';
import { villageAnchor } from './village-fallback';

/** The door-plate key of an address, whichever way it is written: by village and 组, road, or estate. */
export interface PlateKey {
  villageId?: number;
  group?: number;
  road?: string;
  estate?: string;
  building?: number;
  number?: number;
}

/** One string per key kind; the same address always gives the same string. An estate's building needs no number. */
export function plateKeyText(k: PlateKey): string | null {
  if (k.estate) {
    if (k.number === undefined && k.building === undefined) return null;
    return `e|${k.estate}|${k.building ?? ''}|${k.number ?? ''}`;
  }
  if (k.number === undefined) return null;
  if (k.road) return `r|${k.road}|${k.number}`;
  if (k.villageId !== undefined) return `v|${k.villageId}|${k.group ?? ''}|${k.number}`;
  return null;
}

export interface KnownPlate {
  number: number;
  lngLat: [number, number];
}

/** A gazetteer arranged for lookups: built once per Gazetteer object and cached. */
export interface GazetteerIndex {
  prefixes: string[];
  /** The township's own administrative names (region and administrative aliases): not foreign. */
  ownAdmin: Set<string>;
  /** Village and community names (and former names) to take whole when parsing, longest first. */
  knownPlaces: string[];
  /** Village stems written in numerals only (八一 of 八一村), longest first: see convertSlotNumerals. */
  numeralNames: string[];
  villages: VillageLookup;
  bboxes: [number, number, number, number][];
  anchors: Map<number, [number, number]>;
  roads: Map<string, GazetteerRoad[]>;
  /** Road names, longest first (to find a known road at the end of a longer written one). */
  roadNames: string[];
  plates: Map<string, AddressPoint>;
  /** Known plates per village and 组, per village and number (any 组), per estate (and building). */
  byGroup: Map<string, KnownPlate[]>;
  byVillageNumber: Map<string, AddressPoint[]>;
  byEstate: Map<string, KnownPlate[]>;
  /** Known plates per road (normalised name), sorted by number: to place a number between two. */
  byRoad: Map<string, KnownPlate[]>;
  /** Villages whose house numbers run across the whole village (no number in two 组): 组 is redundant there. */
  numbersAcrossVillage: Set<number>;
}

const cache = new WeakMap<Gazetteer, GazetteerIndex>();

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Later entries win, except that an import never overrides a person's correction. */
function keep(plates: Map<string, AddressPoint>, key: string, p: AddressPoint): void {
  const old = plates.get(key);
  if (!old || old.source === 'import' || p.source === 'correction') plates.set(key, p);
}

/** Villages with at least this many plates in 组 can be judged to number across the village. */
const ACROSS_MIN_PLATES = 8;

function numberedAcross(byVillageNumber: Map<string, AddressPoint[]>): Set<number> {
  const plates = new Map<number, number>();
  const repeated = new Set<number>();
  for (const [key, list] of byVillageNumber) {
    const id = Number(key.split('|')[0]);
    const grouped = list.filter((p) => p.group !== undefined);
    plates.set(id, (plates.get(id) ?? 0) + grouped.length);
    if (new Set(grouped.map((p) => p.group)).size > 1) repeated.add(id);
  }
  return new Set(
    [...plates].filter(([id, n]) => n >= ACROSS_MIN_PLATES && !repeated.has(id)).map(([id]) => id),
  );
}

function buildIndex(g: Gazetteer): GazetteerIndex {
  const region = (g.region ?? []).map((n) => normalizeAddress(n));
  const prefixes = adminPrefixes(g.aliases, region);
  const villages = buildVillageLookup(g.villages, g.aliases, prefixes);
  const knownPlaces = [...new Set([...g.villages.map((v) => v.name), ...villages.aliasTo.keys()])]
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length);
  const roads = new Map<string, GazetteerRoad[]>();
  for (const r of g.roads) push(roads, normalizeAddress(r.name), r);
  const index: GazetteerIndex = {
    prefixes,
    ownAdmin: new Set(prefixes),
    knownPlaces,
    numeralNames: [...new Set(g.villages.map((v) => placeStem(v.name)))]
      .filter(isNumeralName)
      .sort((a, b) => b.length - a.length),
    villages,
    bboxes: g.villages.map((v) => bbox(v.geometry) as [number, number, number, number]),
    anchors: new Map(g.villages.map((v) => [v.id, villageAnchor(v)])),
    roads,
    roadNames: [...roads.keys()].sort((a, b) => b.length - a.length),
    plates: new Map(),
    byGroup: new Map(),
    byVillageNumber: new Map(),
    byEstate: new Map(),
    byRoad: new Map(),
    numbersAcrossVillage: new Set(),
  };
  for (const p of g.points) {
    const village = p.village ? matchVillage(normalizeAddress(p.village), villages) : null;
    const key: PlateKey = {
      villageId: village && village.how !== 'fuzzy' ? village.village.id : undefined,
      group: p.group,
      road: p.road ? normalizeAddress(p.road) : undefined,
      estate: p.estate ? normalizeAddress(p.estate) : undefined,
      building: p.building,
      number: p.number,
    };
    const text = plateKeyText(key);
    // A building's unit plates are not one point: the building's middle (byEstate) stands for them.
    if (text && p.number !== undefined) keep(index.plates, text, p);
    if (key.estate && key.building !== undefined)
      push(index.byEstate, `${key.estate}|${key.building}`, { number: p.number ?? 0, lngLat: p.lngLat });
    if (p.number === undefined) continue;
    const plate = { number: p.number, lngLat: p.lngLat };
    if (key.villageId !== undefined && !key.road && !key.estate) {
      if (key.group !== undefined) push(index.byGroup, `${key.villageId}|${key.group}`, plate);
      push(index.byVillageNumber, `${key.villageId}|${p.number}`, p);
    }
    if (key.estate) push(index.byEstate, key.estate, plate);
    if (key.road) push(index.byRoad, key.road, plate);
  }
  for (const list of index.byRoad.values()) list.sort((a, b) => a.number - b.number);
  index.numbersAcrossVillage = numberedAcross(index.byVillageNumber);
  return index;
}

/** The lookup structures for `g`, built on first use. Treat a Gazetteer as immutable: make a new one to change it. */
export function gazetteerIndex(g: Gazetteer): GazetteerIndex {
  let index = cache.get(g);
  if (!index) {
    index = buildIndex(g);
    cache.set(g, index);
  }
  return index;
}

/** The village whose polygon holds the point, if any. */
export function villageAt(g: Gazetteer, lngLat: [number, number]): GazetteerVillage | null {
  const { bboxes } = gazetteerIndex(g);
  const [x, y] = lngLat;
  for (let i = 0; i < g.villages.length; i++) {
    const [w, s, e, n] = bboxes[i];
    if (x < w || x > e || y < s || y > n) continue;
    if (booleanPointInPolygon(lngLat, g.villages[i].geometry)) return g.villages[i];
  }
  return null;
}
