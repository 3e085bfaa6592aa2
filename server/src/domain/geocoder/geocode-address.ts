import { booleanPointInPolygon } from '@turf/turf';
import { foreignPrefix } from './foreign-prefix';
import {
  type GazetteerIndex,
  gazetteerIndex,
  type KnownPlate,
  plateKeyText,
  villageAt,
} from './gazetteer-index';
import { interpolateRoad, pickRoadPiece } from './interpolate-road';
import {
  matchVillage,
  placeStem,
  shortTypoCandidates,
  typoCandidates,
  type VillageMatch,
} from './match-village';
import { normalizeAddress } from './normalize-address';
import { type ParsedAddress, parseAddress } from './parse-address';
import { stripPrefixes } from './strip-prefixes';
import type { Gazetteer, GazetteerRoad, GazetteerVillage, GeocodeMethod, GeocodeResult } from './types';
import { villageFallback } from './village-fallback';

/** Confidence by how the point was found (before adjustments for typos, missing parts, clamping). */
export const CONFIDENCE = {
  address_point: 0.95,
  road_interpolation: 0.8,
  village_fallback: 0.3,
  manual: 1,
  none: 0,
} as const;

/** Results below this go to the review queue. */
export const REVIEW_BELOW = 0.6;

/** Taken off when the village was recognised only through a one-character typo. */
const FUZZY_PENALTY = 0.1;
/** How far a fallback narrowed to a 组 or an estate spreads around the known plates there (metres). */
const NARROW_SPREAD_METERS = 25;
/** How many plates with the nearest numbers in the same 组 stand in for an unknown one. */
const NEAREST_PLATES = 3;

/** What the geocoder read in an address, for a person trying one and for the tests. */
export interface ReadAddress {
  normalized: string;
  stripped: string[];
  parsed: ParsedAddress;
  /** The county or township name that puts the address outside this township, if one does. */
  foreign?: string;
}

export function readAddress(address: string, gazetteer: Gazetteer): ReadAddress {
  const index = gazetteerIndex(gazetteer);
  const normalized = normalizeAddress(address, index.numeralNames);
  const { rest, stripped } = stripPrefixes(normalized, index.prefixes);
  const foreign = foreignPrefix(rest, index.ownAdmin);
  const parsed = parseAddress(rest, index.knownPlaces);
  return foreign ? { normalized, stripped, parsed, foreign } : { normalized, stripped, parsed };
}

interface Found {
  lngLat: [number, number];
  method: GeocodeMethod;
  confidence: number;
  matchedText: string;
}

interface Job {
  p: ParsedAddress;
  index: GazetteerIndex;
  named: VillageMatch | null;
  key: string;
  seed: number;
}

const plate = (lngLat: [number, number], confidence: number, matchedText: string): Found => ({
  lngLat,
  method: 'address_point',
  confidence,
  matchedText,
});

/** The known road a written road name means: itself, or a known name after an admin or village prefix. */
function findRoad(written: string, job: Job): { name: string; pieces: GazetteerRoad[] } | null {
  const direct = job.index.roads.get(written);
  if (direct) return { name: written, pieces: direct };
  for (const name of job.index.roadNames) {
    if (!written.endsWith(name) || written === name) continue;
    const head = written.slice(0, written.length - name.length);
    if (job.index.villages.adminTexts.has(head) || matchVillage(head, job.index.villages)?.how === 'exact') {
      return { name, pieces: job.index.roads.get(name) ?? [] };
    }
  }
  return null;
}

/** Two known plates this far apart (in house numbers) or less place a number between them with full trust. */
const PLATE_GAP = 40;

const lerp = (a: KnownPlate, b: KnownPlate, n: number): [number, number] => {
  const t = a.number === b.number ? 0 : (n - a.number) / (b.number - a.number);
  return [a.lngLat[0] + t * (b.lngLat[0] - a.lngLat[0]), a.lngLat[1] + t * (b.lngLat[1] - a.lngLat[1])];
};

/**
 * A number on a road placed from the known plates on it, on the same side (same parity) where
 * there are enough: between the nearest below and above in proportion, else carried on from the
 * two nearest on one side (only when the basemap has no line for the road). Roads the basemap does
 * not draw are still numbered by their plates.
 */
function fromRoadPlates(
  plates: KnownPlate[] | undefined,
  number: number,
  hasRoadLine: boolean,
): { lngLat: [number, number]; confidence: number } | null {
  if (!plates?.length) return null;
  const side = plates.filter((q) => q.number % 2 === number % 2);
  const list = side.length >= 2 ? side : plates;
  const below = list.filter((q) => q.number < number);
  const above = list.filter((q) => q.number > number);
  const lo = below.at(-1);
  const hi = above[0];
  if (lo && hi && hi.number - lo.number <= PLATE_GAP)
    return { lngLat: lerp(lo, hi, number), confidence: CONFIDENCE.road_interpolation };
  // Far apart or on one side only: the basemap's line of the road is the better guide, where it has one.
  if (hasRoadLine) return null;
  if (lo && hi) return { lngLat: lerp(lo, hi, number), confidence: 0.65 };
  const [a, b] = lo ? [below.at(-2), lo] : [hi, above[1]];
  if (a && b && a.number !== b.number) return { lngLat: lerp(a, b, number), confidence: 0.5 };
  const only = lo ?? hi;
  return only ? { lngLat: only.lngLat, confidence: 0.4 } : null;
}

function byRoad(job: Job): Found | null {
  const { p } = job;
  if (!p.road || p.number === undefined) return null;
  const exact = job.index.plates.get(plateKeyText({ road: p.road, number: p.number }) ?? '');
  if (exact) return plate(exact.lngLat, CONFIDENCE.address_point, `${p.road}${p.number}号`);
  const plates = job.index.byRoad.get(p.road);
  const road = findRoad(p.road, job);
  // Between two known plates first; a road the basemap draws next; carried on from plates last.
  const between =
    fromRoadPlates(plates, p.number, true) ?? (road ? null : fromRoadPlates(plates, p.number, false));
  if (between) {
    return {
      lngLat: between.lngLat,
      method: 'road_interpolation',
      confidence: between.confidence,
      matchedText: `${p.road}${p.number}号`,
    };
  }
  if (road) {
    const piece = pickRoadPiece(road.pieces, p.number);
    if (!piece) return null;
    const at = interpolateRoad(piece, p.number);
    const confidence = at.inRange ? CONFIDENCE.road_interpolation : 0.5;
    return {
      lngLat: at.lngLat,
      method: 'road_interpolation',
      confidence,
      matchedText: `${road.name}${p.number}号`,
    };
  }
  // 长睦路3弄5号: a lane off a known road starts at that road's door number 3.
  const lane = /^(.+?)(\d+)弄$/u.exec(p.road);
  const main = lane ? findRoad(lane[1], job) : null;
  if (lane && main) {
    const laneNo = Number(lane[2]);
    const piece = pickRoadPiece(main.pieces, laneNo);
    if (!piece) return null;
    const at = interpolateRoad(piece, laneNo);
    return {
      lngLat: at.lngLat,
      method: 'road_interpolation',
      confidence: 0.6,
      matchedText: `${main.name}${laneNo}弄`,
    };
  }
  return null;
}

function byVillagePlate(job: Job): Found | null {
  const { p, named } = job;
  if (!named || p.number === undefined || p.road || p.estate) return null;
  const v = named.village;
  const penalty = named.how === 'fuzzy' ? FUZZY_PENALTY : 0;
  const key = plateKeyText({ villageId: v.id, group: p.group, number: p.number });
  const exact = key ? job.index.plates.get(key) : undefined;
  const groupText = p.group === undefined ? '' : `${p.group}组`;
  if (exact)
    return plate(exact.lngLat, CONFIDENCE.address_point - penalty, `${v.name}${groupText}${p.number}号`);
  // Where numbers run across the whole village the 组 adds nothing: the number alone is the plate.
  const same = job.index.byVillageNumber.get(`${v.id}|${p.number}`) ?? [];
  if (same.length === 1 && job.index.numbersAcrossVillage.has(v.id)) {
    const theirs = same[0].group === undefined ? '' : `${same[0].group}组`;
    return plate(same[0].lngLat, 0.9 - penalty, `${v.name}${theirs}${p.number}号`);
  }
  if (p.group !== undefined) {
    // A number the register skipped, between two close ones of the same 组: the houses stand in between.
    const neighbours = job.index.byGroup.get(`${v.id}|${p.group}`) ?? [];
    const lo = neighbours
      .filter((q) => q.number < (p.number as number))
      .sort((a, b) => b.number - a.number)[0];
    const hi = neighbours
      .filter((q) => q.number > (p.number as number))
      .sort((a, b) => a.number - b.number)[0];
    const between = lo && hi && hi.number - lo.number <= GROUP_GAP ? lerp(lo, hi, p.number) : null;
    if (between && booleanPointInPolygon(between, v.geometry)) {
      return {
        lngLat: between,
        method: 'road_interpolation',
        confidence: 0.7 - penalty,
        matchedText: `${v.name}${groupText}${p.number}号`,
      };
    }
    return null;
  }
  // 组 left out where numbers restart in each 组: usable only if the village has one plate with that number.
  if (same.length === 1) return plate(same[0].lngLat, 0.55 - penalty, `${v.name}${p.number}号`);
  return null;
}

/** Two door numbers of a 组 this close (or closer) place a skipped number between them. */
const GROUP_GAP = 4;

/** What a building's plates sit around: how far a unit or door is from the building's middle. */
const BUILDING_CONFIDENCE = 0.85;

function byEstatePlate(job: Job): Found | null {
  const { p } = job;
  if (!p.estate || (p.number === undefined && p.building === undefined)) return null;
  const building = p.building === undefined ? '' : `${p.building}幢`;
  const key = plateKeyText({ estate: p.estate, building: p.building, number: p.number });
  const exact = key ? job.index.plates.get(key) : undefined;
  const text = `${p.estate}${building}${p.number === undefined ? '' : `${p.number}号`}`;
  if (exact) return plate(exact.lngLat, CONFIDENCE.address_point, text);
  // A door or unit of a known building: the building's own plates say where it stands.
  const inBuilding =
    p.building === undefined ? undefined : job.index.byEstate.get(`${p.estate}|${p.building}`);
  return inBuilding?.length ? plate(mean(inBuilding), BUILDING_CONFIDENCE, `${p.estate}${building}`) : null;
}

/** A village the address only hints at: an estate, place or unknown road named after it (丁桥花园 → 丁桥社区). */
function inferVillage(job: Job): GazetteerVillage | null {
  const texts = [job.p.estate, job.p.road, job.p.rest].filter((t): t is string => !!t);
  const hits = job.index.villages.villages.filter((v) => {
    const stem = placeStem(v.name);
    return stem.length >= 2 && texts.some((t) => t.startsWith(stem));
  });
  if (hits.length === 0) return null;
  const longest = Math.max(...hits.map((v) => placeStem(v.name).length));
  const top = hits.filter((v) => placeStem(v.name).length === longest);
  return top.length === 1 ? top[0] : null;
}

function mean(plates: KnownPlate[]): [number, number] {
  const lng = plates.reduce((s, q) => s + q.lngLat[0], 0) / plates.length;
  const lat = plates.reduce((s, q) => s + q.lngLat[1], 0) / plates.length;
  return [lng, lat];
}

function nearestNumbers(plates: KnownPlate[], number: number | undefined): KnownPlate[] {
  if (number === undefined) return plates;
  return [...plates]
    .sort((a, b) => Math.abs(a.number - number) - Math.abs(b.number - number))
    .slice(0, NEAREST_PLATES);
}

function byVillage(job: Job): Found | null {
  const { p, named, index } = job;
  const village = named?.village ?? inferVillage(job);
  if (!village) return null;
  const penalty = named?.how === 'fuzzy' ? FUZZY_PENALTY : 0;
  const confidence = CONFIDENCE.village_fallback - penalty;
  const near = (plates: KnownPlate[] | undefined, text: string): Found | null => {
    if (!plates?.length) return null;
    const around = mean(nearestNumbers(plates, p.number));
    const lngLat = villageFallback(village, job.key, job.seed, around, NARROW_SPREAD_METERS);
    return { lngLat, method: 'village_fallback', confidence: confidence + 0.1, matchedText: text };
  };
  const narrowed =
    (p.group !== undefined &&
      near(index.byGroup.get(`${village.id}|${p.group}`), `${village.name}${p.group}组`)) ||
    (p.estate &&
      p.building !== undefined &&
      near(index.byEstate.get(`${p.estate}|${p.building}`), `${p.estate}${p.building}幢`)) ||
    (p.estate && near(index.byEstate.get(p.estate), p.estate)) ||
    null;
  if (narrowed) return narrowed;
  const lngLat = villageFallback(village, job.key, job.seed, index.anchors.get(village.id));
  return { lngLat, method: 'village_fallback', confidence, matchedText: village.name };
}

/** A road named without a number and no village to go by: the middle of the road, barely trusted. */
function byRoadOnly(job: Job): Found | null {
  const road = job.p.road ? findRoad(job.p.road, job) : null;
  if (!road || job.p.number !== undefined || road.pieces.length === 0) return null;
  const piece = road.pieces[0];
  const at = interpolateRoad(piece, (piece.fromNumber + piece.toNumber) / 2, 0);
  return { lngLat: at.lngLat, method: 'road_interpolation', confidence: 0.2, matchedText: road.name };
}

/** Whether the village has the door plate the address names (by 组 and number, or by number where numbers run across it). */
function hasPlate(v: GazetteerVillage, p: ParsedAddress, index: GazetteerIndex): boolean {
  if (p.number === undefined) return false;
  if (index.plates.has(plateKeyText({ villageId: v.id, group: p.group, number: p.number }) ?? ''))
    return true;
  return (
    index.numbersAcrossVillage.has(v.id) &&
    (index.byVillageNumber.get(`${v.id}|${p.number}`)?.length ?? 0) === 1
  );
}

/**
 * A written name one typo away from several villages (大丰村: 大唐村 or 勤丰村?) — or a two-character
 * name one off a village's stem (五兴 for 五星), too short to guess on its own — is settled by the
 * door plate: the one such village that has this plate, else (for longer names) the one with plates
 * in this 组.
 */
function settleTypo(written: string, p: ParsedAddress, index: GazetteerIndex): VillageMatch | null {
  const short = shortTypoCandidates(written, index.villages);
  const withPlate = (short.length > 0 ? short : typoCandidates(written, index.villages)).filter((v) =>
    hasPlate(v, p, index),
  );
  if (withPlate.length === 1 && (short.length > 0 || typoCandidates(written, index.villages).length >= 2))
    return { village: withPlate[0], how: 'fuzzy' };
  if (short.length > 0 || p.group === undefined) return null;
  const candidates = typoCandidates(written, index.villages);
  if (candidates.length < 2) return null;
  const withGroup = candidates.filter((v) => index.byGroup.has(`${v.id}|${p.group}`));
  return withGroup.length === 1 ? { village: withGroup[0], how: 'fuzzy' } : null;
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/**
 * Geocodes one address against the gazetteer, offline: normalise, strip the administrative
 * prefixes (former names too), parse, then try in order a door-plate address point (0.95), road
 * interpolation (0.8), and the village — narrowed to the 组 or estate when plates there are known
 * (0.4), else spread around the village seat (0.3). The village written in the address is checked
 * against the village the point falls in. `spreadSeed` separates premises that share one address.
 */
export function geocodeAddress(
  address: string,
  gazetteer: Gazetteer,
  opts: { spreadSeed?: number } = {},
): GeocodeResult {
  const index = gazetteerIndex(gazetteer);
  const { normalized, parsed, foreign } = readAddress(address, gazetteer);
  if (foreign) {
    return {
      lngLat: null,
      method: null,
      confidence: CONFIDENCE.none,
      matchedText: '',
      villageInAddress: null,
      villageAtPoint: null,
      conflict: false,
      foreign,
    };
  }
  const written = parsed.community ?? parsed.village;
  const named = written
    ? (matchVillage(written, index.villages) ?? settleTypo(written, parsed, index))
    : null;
  const job: Job = { p: parsed, index, named, key: normalized, seed: opts.spreadSeed ?? 0 };
  const found =
    byRoad(job) ?? byVillagePlate(job) ?? byEstatePlate(job) ?? byVillage(job) ?? byRoadOnly(job) ?? null;
  const villageInAddress = named ? { id: named.village.id, name: named.village.name } : null;
  if (!found) {
    return {
      lngLat: null,
      method: null,
      confidence: CONFIDENCE.none,
      matchedText: '',
      villageInAddress,
      villageAtPoint: null,
      conflict: false,
    };
  }
  const lngLat: [number, number] = [round7(found.lngLat[0]), round7(found.lngLat[1])];
  const at = villageAt(gazetteer, lngLat);
  return {
    lngLat,
    method: found.method,
    confidence: Math.round(found.confidence * 100) / 100,
    matchedText: found.matchedText,
    villageInAddress,
    villageAtPoint: at ? { id: at.id, name: at.name } : null,
    conflict: villageInAddress !== null && villageInAddress.id !== at?.id,
  };
}
