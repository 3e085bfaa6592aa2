import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, distance } from '@turf/turf';
import { percentile, round } from '../bench/stats';
import { readShitangCsv, SHITANG_FILES } from './second-township';

/**
 * How the geocoder is scored on 石塘镇's independent evaluation set (`addresses.csv`), against the
 * fixture's own truth: its village polygons and the premises' true points. The benchmark and the
 * unit test that holds the DESIGN §5 targets both score with this; it uses none of the product's
 * geometry, so a mistake there cannot hide itself.
 */

/** One address of the set with its truth; `truthVillageCode` and `truthLngLat` are null for a foreign address. */
export interface IndependentAddress {
  id: string;
  address: string;
  kind: string;
  truthVillageCode: string | null;
  truthLngLat: [number, number] | null;
  /** The address names a door plate that the gazetteer holds. */
  plateInGazetteer: boolean;
}

/** Distance from the true point over some addresses that got a point (metres). */
export interface DistanceSpread {
  addresses: number;
  p50M: number;
  p90M: number;
  p99M: number;
}

export interface IndependentScore {
  addresses: number;
  /** Share in the right village: its truth village, or for a foreign address none of ours (no point, or one outside every village). */
  villageCorrect: number;
  /** Over every address with a true point that got one; over those whose plate the gazetteer holds; over the others (village-only ones included). */
  placed: DistanceSpread;
  plateInGazetteer: DistanceSpread;
  plateNotInGazetteer: DistanceSpread;
  byKind: Record<string, { addresses: number; villageCorrect: number }>;
}

export function readIndependentAddresses(): IndependentAddress[] {
  return readShitangCsv(SHITANG_FILES.addresses).map((r) => ({
    id: r.id,
    address: r.address,
    kind: r.kind,
    truthVillageCode: r.truth_village_code || null,
    truthLngLat: r.truth_lng ? [Number(r.truth_lng), Number(r.truth_lat)] : null,
    plateInGazetteer: r.plate_in_gazetteer === '1',
  }));
}

type VillageShape = GeoJSON.Polygon | GeoJSON.MultiPolygon;

function truthVillages(): Map<string, VillageShape> {
  const fc = JSON.parse(readFileSync(SHITANG_FILES.villages, 'utf8')) as GeoJSON.FeatureCollection<
    VillageShape,
    { code: string }
  >;
  return new Map(fc.features.map((f) => [f.properties.code, f.geometry]));
}

/** The 50th, 90th and 99th percentile of some distances, to a decimetre. */
export function spread(meters: number[]): DistanceSpread {
  const sorted = [...meters].sort((a, b) => a - b);
  const at = (p: number) => round(percentile(sorted, p), 1);
  return { addresses: sorted.length, p50M: at(50), p90M: at(90), p99M: at(99) };
}

/** Scores the points the geocoder gave (`points[i]` for `cases[i]`, null for none). */
export function scoreIndependent(
  cases: IndependentAddress[],
  points: ([number, number] | null)[],
): IndependentScore {
  const villages = truthVillages();
  const inAnyVillage = (p: [number, number]) =>
    [...villages.values()].some((v) => booleanPointInPolygon(p, v));
  const placed: number[] = [];
  const known: number[] = [];
  const unknown: number[] = [];
  const byKind: IndependentScore['byKind'] = {};
  let correct = 0;
  cases.forEach((c, i) => {
    const p = points[i];
    const right =
      c.truthVillageCode === null
        ? p === null || !inAnyVillage(p)
        : p !== null && booleanPointInPolygon(p, villages.get(c.truthVillageCode) as VillageShape);
    if (right) correct++;
    byKind[c.kind] ??= { addresses: 0, villageCorrect: 0 };
    const kind = byKind[c.kind];
    kind.addresses++;
    if (right) kind.villageCorrect++;
    if (!p || !c.truthLngLat) return;
    const meters = distance(p, c.truthLngLat, { units: 'meters' });
    placed.push(meters);
    (c.plateInGazetteer ? known : unknown).push(meters);
  });
  return {
    addresses: cases.length,
    villageCorrect: correct / cases.length,
    placed: spread(placed),
    plateInGazetteer: spread(known),
    plateNotInGazetteer: spread(unknown),
    byKind,
  };
}
