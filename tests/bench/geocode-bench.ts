/**
 * The offline geocoder measured two ways: on a noisy address set made from the demo survey list
 * (every address rewritten several ways people really write them, against a gazetteer of the demo
 * villages, named roads and door plates for half the premises), and on 石塘镇's independent set
 * (addresses written by code that never saw the geocoder, against the township brought in through
 * the real set-up and import pipelines). Both are scored against true positions.
 */
import { boot } from '../../server/src/boot';
import { currentGazetteer } from '../../server/src/db/gazetteer';
import { geocodeAddress } from '../../server/src/domain/geocoder/geocode-address';
import { distanceMeters } from '../../server/src/domain/geocoder/local-metres';
import { hashText, seededRandom } from '../../server/src/domain/geocoder/spread-random';
import type { Gazetteer, GeocodeResult } from '../../server/src/domain/geocoder/types';
import { demoGazetteer, demoPremises } from '../helpers/demo-gazetteer';
import {
  type DistanceSpread,
  type IndependentScore,
  readIndependentAddresses,
  scoreIndependent,
  spread,
} from '../helpers/geocode-score';
import { bringInShitang } from '../helpers/second-township';

export interface GeocodeBench {
  addresses: number;
  perSecond: number;
  /** Share of addresses whose point lies in the premise's village of record (unmatched count as wrong). */
  villageCorrect: number;
  /** Distance from the true position over the addresses that got a point: all, then split by whether the gazetteer holds the plate. */
  placed: DistanceSpread;
  plateInGazetteer: DistanceSpread;
  plateNotInGazetteer: DistanceSpread;
  /** How many addresses each method placed ('none' for no point). */
  byMethod: Record<string, number>;
}

/** The independent set's score, with its speed and methods. */
export interface IndependentGeocodeBench extends IndependentScore {
  perSecond: number;
  byMethod: Record<string, number>;
}

const VARIANTS_PER_ADDRESS = 5;
/** The share of premises whose door plate the gazetteer is given. */
const PLATE_SHARE = 0.5;
const TIMED_ROUNDS = 5;

const PREFIXES = [
  '',
  '丁桥镇',
  '江干区丁桥镇',
  '杭州市江干区丁桥镇',
  '浙江省杭州市江干区丁桥镇',
  '丁兰街道',
  '上城区丁兰街道',
  '杭州市上城区丁兰街道',
];
const WRITTEN_PREFIX = /^(?:浙江省)?(?:杭州市)?(?:江干区|上城区)?(?:丁桥镇|丁兰街道)?/u;
const DIGITS = '零一二三四五六七八九';
/** Characters a hurried or mistaken hand puts in place of one in a village name. */
const TYPO_CHARS = '塘唐堂桥乔庄装山杉协谐丰峰珠株义仪城成明名家佳湾弯兰蓝';

/** 3 → 三, 12 → 十二, 58 → 五十八, 356 → 三百五十六, 108 → 一百零八. */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail =
    rest === 0
      ? ''
      : rest < 10
        ? `零${DIGITS[rest]}`
        : rest < 20
          ? `一${chineseNumber(rest)}`
          : chineseNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

function typo(name: string, random: () => number): string {
  const chars = [...name.replace(/(村|社区)$/u, '')];
  const suffix = name.slice(chars.join('').length);
  const roll = random();
  if (roll < 0.2) return chars.join(''); // 村/社区 left off
  const at = Math.floor(random() * chars.length);
  if (roll < 0.35 && chars.length >= 3)
    chars.splice(at, 1); // a character left out
  else chars[at] = TYPO_CHARS[Math.floor(random() * TYPO_CHARS.length)]; // a wrong character
  return chars.join('') + suffix;
}

/** One way a person might write `address`: other prefixes, typos, no 组, numerals, full-width digits, spaces. */
export function noisyAddress(address: string, random: () => number): string {
  let a = address.replace(WRITTEN_PREFIX, '');
  if (random() < 0.15) a = a.replace(/^[^\d]{1,4}?(?:村|社区)/u, (v) => typo(v, random));
  if (random() < 0.1) a = a.replace(/\d+组/u, '');
  a = PREFIXES[Math.floor(random() * PREFIXES.length)] + a;
  if (random() < 0.2)
    a = a.replace(/(\d+)(组|号|幢)/gu, (_m, n: string, slot: string) => chineseNumber(Number(n)) + slot);
  if (random() < 0.2) a = a.replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  if (random() < 0.2)
    a = a.replace(/(镇|街道|村|社区|组|路|大道)/gu, (m) => (random() < 0.5 ? `${m} ` : `${m}\u3000`));
  return a;
}

/**
 * Geocodes every address a few timed rounds (the median rate, so one garbage collection does not
 * decide it), after a warm-up that builds the gazetteer's index and lets the JIT settle.
 */
function timeGeocoding(addresses: string[], gazetteer: Gazetteer) {
  for (const a of addresses.slice(0, 200)) geocodeAddress(a, gazetteer);
  const rates: number[] = [];
  let results: GeocodeResult[] = [];
  for (let round = 0; round < TIMED_ROUNDS; round++) {
    const started = performance.now();
    results = addresses.map((a, i) => geocodeAddress(a, gazetteer, { spreadSeed: i }));
    rates.push(addresses.length / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);
  const byMethod: Record<string, number> = {};
  for (const r of results) byMethod[r.method ?? 'none'] = (byMethod[r.method ?? 'none'] ?? 0) + 1;
  return { results, perSecond: Math.round(rates[rates.length >> 1]), byMethod };
}

export function benchGeocoder(): GeocodeBench {
  const { gazetteer, sampled } = demoGazetteer(PLATE_SHARE);
  const cases = demoPremises().flatMap((p) => {
    const random = seededRandom(hashText(p.archiveNo, 2008));
    return Array.from({ length: VARIANTS_PER_ADDRESS }, () => ({
      address: noisyAddress(p.address, random),
      truth: p,
    }));
  });
  const { results, perSecond, byMethod } = timeGeocoding(
    cases.map((c) => c.address),
    gazetteer,
  );
  const known: number[] = [];
  const unknown: number[] = [];
  let villageCorrect = 0;
  results.forEach((r, i) => {
    const { truth } = cases[i];
    if (r.villageAtPoint?.name === truth.village) villageCorrect++;
    if (r.lngLat)
      (sampled.has(truth.archiveNo) ? known : unknown).push(distanceMeters(r.lngLat, truth.lngLat));
  });
  return {
    addresses: cases.length,
    perSecond,
    villageCorrect: villageCorrect / cases.length,
    placed: spread([...known, ...unknown]),
    plateInGazetteer: spread(known),
    plateNotInGazetteer: spread(unknown),
    byMethod,
  };
}

/** 石塘镇 set up from nothing (villages and door plates through the real pipelines), then its 3,000 addresses. */
export async function benchGeocoderIndependent(): Promise<IndependentGeocodeBench> {
  const { db, ctx } = await boot(':memory:', null);
  try {
    await bringInShitang(ctx, { gazetteer: true });
    const cases = readIndependentAddresses();
    const { results, perSecond, byMethod } = timeGeocoding(
      cases.map((c) => c.address),
      currentGazetteer(db),
    );
    const score = scoreIndependent(
      cases,
      results.map((r) => r.lngLat),
    );
    return { ...score, perSecond, byMethod };
  } finally {
    db.close();
  }
}
