/**
 * The offline geocoder on a noisy address set made from the demo survey list: every address
 * rewritten several ways people really write them, geocoded against a gazetteer of the demo
 * villages, named roads and door plates for half the premises, and scored against the premises'
 * true positions.
 */
import { geocodeAddress } from '../../server/src/domain/geocoder/geocode-address';
import { distanceMeters } from '../../server/src/domain/geocoder/local-metres';
import { hashText, seededRandom } from '../../server/src/domain/geocoder/spread-random';
import type { GeocodeResult } from '../../server/src/domain/geocoder/types';
import { demoGazetteer, demoPremises } from '../helpers/demo-gazetteer';

export interface GeocodeBench {
  addresses: number;
  perSecond: number;
  /** Share of addresses whose point lies in the premise's village of record (unmatched count as wrong). */
  villageCorrect: number;
  /** Distance from the true position, over the addresses that got a point (metres). */
  p50M: number;
  p90M: number;
  p99M: number;
  /** How many addresses each method placed ('none' for no point). */
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

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
}

export function benchGeocoder(): GeocodeBench {
  const { gazetteer } = demoGazetteer(PLATE_SHARE);
  const cases = demoPremises().flatMap((p) => {
    const random = seededRandom(hashText(p.archiveNo, 2008));
    return Array.from({ length: VARIANTS_PER_ADDRESS }, () => ({
      address: noisyAddress(p.address, random),
      truth: p,
    }));
  });
  // Warm up: the gazetteer's index is built on first use, and the JIT settles.
  for (const c of cases.slice(0, 200)) geocodeAddress(c.address, gazetteer);

  // The median of a few timed rounds, so one garbage collection does not decide the rate.
  const rates: number[] = [];
  let results: GeocodeResult[] = [];
  for (let round = 0; round < TIMED_ROUNDS; round++) {
    const started = performance.now();
    results = cases.map((c, i) => geocodeAddress(c.address, gazetteer, { spreadSeed: i }));
    rates.push(cases.length / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);

  const byMethod: Record<string, number> = {};
  const errors: number[] = [];
  let villageCorrect = 0;
  results.forEach((r, i) => {
    const { truth } = cases[i];
    const method = r.method ?? 'none';
    byMethod[method] = (byMethod[method] ?? 0) + 1;
    if (r.villageAtPoint?.name === truth.village) villageCorrect++;
    if (r.lngLat) errors.push(distanceMeters(r.lngLat, truth.lngLat));
  });
  errors.sort((a, b) => a - b);
  return {
    addresses: cases.length,
    perSecond: Math.round(rates[rates.length >> 1]),
    villageCorrect: Math.round((villageCorrect / cases.length) * 1000) / 1000,
    p50M: percentile(errors, 0.5),
    p90M: percentile(errors, 0.9),
    p99M: percentile(errors, 0.99),
    byMethod,
  };
}
