import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { addressPointFrom } from '../../server/src/domain/geocoder/address-point-from';
import { DEFAULT_ALIASES } from '../../server/src/domain/geocoder/default-aliases';
import { fitRoadRanges } from '../../server/src/domain/geocoder/fit-road-ranges';
import { hashText } from '../../server/src/domain/geocoder/spread-random';
import type { AddressPoint, Gazetteer, GazetteerVillage } from '../../server/src/domain/geocoder/types';
import { DEMO_DIR } from './test-app';

export interface DemoPremise {
  archiveNo: string;
  address: string;
  village: string;
  lngLat: [number, number];
  method: string;
}

/** The demo survey list: address as written, village of record and true position. */
export function demoPremises(dir = DEMO_DIR): DemoPremise[] {
  const rows = parse(readFileSync(join(dir, 'premises.csv'), 'utf8'), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
  return rows.map((r) => ({
    archiveNo: r.档案编号,
    address: r.地址,
    village: r.所属村社区,
    lngLat: [Number(r.经度), Number(r.纬度)],
    method: r.定位方式,
  }));
}

const read = (dir: string, file: string) =>
  JSON.parse(readFileSync(join(dir, file), 'utf8')) as GeoJSON.FeatureCollection;

/**
 * A gazetteer for the demo township from its files: the villages (seats from the basemap's village
 * centres), the named basemap roads, and door plates for a deterministic sample — `share` of the
 * premises, picked by a hash of the archive number — with road ranges fitted from the sampled plates.
 */
export function demoGazetteer(share: number, dir = DEMO_DIR): { gazetteer: Gazetteer; sampled: Set<string> } {
  const basemap = read(dir, 'basemap.geojson').features;
  const seats = new Map(
    basemap
      .filter((f) => f.properties?.class === 'village_centre')
      .map((f) => [
        String(f.properties?.name),
        (f.geometry as GeoJSON.Point).coordinates as [number, number],
      ]),
  );
  const villages: GazetteerVillage[] = read(dir, 'villages.geojson').features.map((f, i) => ({
    id: i + 1,
    code: String(f.properties?.code),
    name: String(f.properties?.name),
    geometry: f.geometry as GazetteerVillage['geometry'],
    seat: seats.get(String(f.properties?.name)),
  }));
  const lines = basemap
    .filter((f) => f.properties?.layer === 'road' && f.properties?.name && f.geometry.type === 'LineString')
    .map((f) => ({
      name: String(f.properties?.name),
      line: (f.geometry as GeoJSON.LineString).coordinates as [number, number][],
    }));
  const bare: Gazetteer = { villages, points: [], roads: [], aliases: [...DEFAULT_ALIASES] };
  const sampled = new Set<string>();
  const points: AddressPoint[] = [];
  for (const p of demoPremises(dir)) {
    if (hashText(p.archiveNo) % 1000 >= share * 1000) continue;
    const point = addressPointFrom(p.address, p.lngLat, 'import', bare);
    if (!point) continue;
    points.push(point);
    sampled.add(p.archiveNo);
  }
  const observations = points.flatMap((p) =>
    p.road && p.number !== undefined ? [{ road: p.road, number: p.number, lngLat: p.lngLat }] : [],
  );
  return { gazetteer: { ...bare, points, roads: fitRoadRanges(lines, observations) }, sampled };
}
