import { parse } from 'csv-parse/sync';
import gcoord from 'gcoord';
import { addressPointFrom } from './address-point-from';
import { gazetteerIndex } from './gazetteer-index';
import { matchVillage } from './match-village';
import { normalizeAddress } from './normalize-address';
import type { AddressPoint, Gazetteer } from './types';

/** One problem in an import: which row (as a spreadsheet numbers it), which column, what was expected. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export type Crs = 'WGS84' | 'CGCS2000' | 'GCJ02' | 'BD09';

export interface AddressPointImport {
  points: AddressPoint[];
  errors: RowError[];
  /** The coordinate systems the rows were in (WGS84 assumed where a row does not say). */
  crs: Crs[];
  /** How many rows named no coordinate system and were taken as WGS84. */
  assumedWgs84: number;
}

/** The fields of one row, named in English; every value as text (or absent). */
type Fields = Partial<Record<keyof typeof HEADERS, string>>;

/** Header synonyms per field, in the forms survey lists and land-bureau tables use. */
const HEADERS = {
  village: ['村/社区', '村社区', '所属村社区', '村', '社区', '村名', '行政村', 'village', 'community'],
  group: ['组', '村民小组', '小组', '组别', 'group'],
  road: ['路', '道路', '路名', '街路巷', '街巷', 'road', 'street'],
  estate: ['小区', '小区名', '小区名称', '地名', 'estate', 'place'],
  building: ['幢', '栋', '楼幢', '楼栋', 'building'],
  number: ['号', '门牌号', '门牌', '号码', 'number', 'no'],
  address: ['地址', '详细地址', '门牌地址', 'address'],
  lng: ['经度', 'lng', 'lon', 'long', 'longitude', 'x'],
  lat: ['纬度', 'lat', 'latitude', 'y'],
  crs: ['坐标系', 'crs', 'srs'],
} as const;

const CRS_NAMES: Record<string, Crs> = {
  wgs84: 'WGS84',
  'wgs-84': 'WGS84',
  epsg4326: 'WGS84',
  cgcs2000: 'CGCS2000',
  epsg4490: 'CGCS2000',
  gcj02: 'GCJ02',
  'gcj-02': 'GCJ02',
  火星坐标: 'GCJ02',
  高德: 'GCJ02',
  bd09: 'BD09',
  'bd-09': 'BD09',
  百度: 'BD09',
};

const keyOf = (header: string) => header.normalize('NFKC').trim().toLowerCase().replace(/\s+/gu, '');

/** Which field each header of a file is, or null for columns we do not use. */
function headerFields(headers: readonly string[]): Map<string, keyof typeof HEADERS> {
  const out = new Map<string, keyof typeof HEADERS>();
  for (const h of headers) {
    for (const [field, names] of Object.entries(HEADERS) as [keyof typeof HEADERS, readonly string[]][]) {
      if (names.some((n) => keyOf(n) === keyOf(h)) && ![...out.values()].includes(field)) out.set(h, field);
    }
  }
  return out;
}

/** A positive whole number from a cell: 23, ２３, 23号, 二十三, 3组. */
function wholeNumber(text: string): number | null {
  const digits = normalizeAddress(`${text.trim()}号`).replace(/[号组幢栋]+$/u, '');
  return /^\d+$/u.test(digits) && Number(digits) > 0 ? Number(digits) : null;
}

/** Everything the township's villages cover, widened by ~2 km: a point outside is a mistake. */
function township(g: Gazetteer): [number, number, number, number] | null {
  const boxes = gazetteerIndex(g).bboxes;
  if (boxes.length === 0) return null;
  const pad = 0.02;
  return [
    Math.min(...boxes.map((b) => b[0])) - pad,
    Math.min(...boxes.map((b) => b[1])) - pad,
    Math.max(...boxes.map((b) => b[2])) + pad,
    Math.max(...boxes.map((b) => b[3])) + pad,
  ];
}

const fixed = (x: number) => x.toFixed(4);

const NO_ROWS: AddressPointImport = { points: [], errors: [], crs: [], assumedWgs84: 0 };

/**
 * One row to an address point, or the problems with it. A row gives the plate either as columns
 * (村/社区 + 组 + 号, 路 + 号, or 小区 + 幢 + 号) or as a full 地址 that is parsed; the village must be one
 * the gazetteer knows (typos are not guessed at import); coordinates are converted to WGS-84 from the
 * row's 坐标系 and must lie in the township.
 */
function rowToPoint(
  f: Fields,
  row: number,
  label: (field: keyof typeof HEADERS) => string,
  g: Gazetteer,
  bounds: [number, number, number, number] | null,
): { point?: AddressPoint; errors: RowError[]; crs?: Crs; assumed?: boolean } {
  const errors: RowError[] = [];
  const fail = (field: keyof typeof HEADERS, message: string) =>
    errors.push({ row, column: label(field), message });
  const lng = Number(f.lng?.trim());
  const lat = Number(f.lat?.trim());
  if (!f.lng?.trim() || !Number.isFinite(lng))
    fail('lng', `expected a longitude in degrees, e.g. 120.2261; got "${f.lng ?? ''}"`);
  if (!f.lat?.trim() || !Number.isFinite(lat))
    fail('lat', `expected a latitude in degrees, e.g. 30.3478; got "${f.lat ?? ''}"`);
  const crsText = f.crs?.trim() ?? '';
  const crs: Crs | undefined = crsText === '' ? 'WGS84' : CRS_NAMES[keyOf(crsText).replace(/[_ ]/gu, '')];
  if (!crs) fail('crs', `expected WGS84, CGCS2000, GCJ02 or BD09; got "${crsText}"`);

  const village = f.village?.trim() ? normalizeAddress(f.village) : undefined;
  const road = f.road?.trim() ? normalizeAddress(f.road) : undefined;
  const estate = f.estate?.trim() ? normalizeAddress(f.estate) : undefined;
  let point: AddressPoint | null = null;
  if (village || road || estate || f.number?.trim()) {
    const number = wholeNumber(f.number ?? '');
    if (number === null) fail('number', `expected a door number such as 23 or 23号; got "${f.number ?? ''}"`);
    const group = f.group?.trim() ? wholeNumber(f.group) : undefined;
    if (group === null) fail('group', `expected a 组 number such as 3 or 3组; got "${f.group}"`);
    const building = f.building?.trim() ? wholeNumber(f.building) : undefined;
    if (building === null)
      fail('building', `expected a building number such as 8 or 8幢; got "${f.building}"`);
    if (!village && !road && !estate)
      fail('village', 'expected a village or community, a road, or an estate for the door number');
    if (number !== null && group !== null && building !== null) {
      point = { number, lngLat: [lng, lat], source: 'import' };
      if (village) point.village = village;
      if (group !== undefined) point.group = group;
      if (road) point.road = road;
      if (estate) point.estate = estate;
      if (building !== undefined) point.building = building;
    }
  } else if (f.address?.trim()) {
    point = addressPointFrom(f.address, [lng, lat], 'import', g);
    if (!point)
      fail('address', `could not read a door plate (村+组+号, 路+号 or 小区+幢+号) in "${f.address}"`);
  } else {
    fail('number', 'expected the plate: 村/社区 + 组 + 号, 路 + 号, 小区 + 幢 + 号, or a full 地址');
  }
  if (point?.village) {
    const known = matchVillage(point.village, gazetteerIndex(g).villages);
    if (!known || known.how === 'fuzzy') {
      const names = g.villages.map((v) => v.name).join('、');
      fail(
        f.village ? 'village' : 'address',
        `unknown village or community "${point.village}"; expected one of ${names}`,
      );
    } else point.village = known.village.name;
  }
  if (errors.length > 0 || !point || !crs) return { errors };
  const wgs =
    crs === 'GCJ02' || crs === 'BD09'
      ? (gcoord.transform([lng, lat], gcoord[crs], gcoord.WGS84) as [number, number])
      : ([lng, lat] as [number, number]);
  if (bounds && (wgs[0] < bounds[0] || wgs[0] > bounds[2] || wgs[1] < bounds[1] || wgs[1] > bounds[3])) {
    const swapped = wgs[1] >= bounds[0] && wgs[1] <= bounds[2] && wgs[0] >= bounds[1] && wgs[0] <= bounds[3];
    fail(
      'lng',
      `(${lng}, ${lat}) is outside the township (longitude ${fixed(bounds[0])}–${fixed(bounds[2])}, latitude ${fixed(bounds[1])}–${fixed(bounds[3])})${swapped ? '; longitude and latitude look swapped' : Math.abs(lng) > 180 ? '; these look like projected metres, expected degrees' : ''}`,
    );
    return { errors };
  }
  point.lngLat = [Math.round(wgs[0] * 1e7) / 1e7, Math.round(wgs[1] * 1e7) / 1e7];
  return { point, errors, crs, assumed: crsText === '' };
}

function collect(
  rows: { fields: Fields; row: number }[],
  label: (field: keyof typeof HEADERS) => string,
  g: Gazetteer,
): AddressPointImport {
  const bounds = township(g);
  const out: AddressPointImport = { points: [], errors: [], crs: [], assumedWgs84: 0 };
  for (const { fields, row } of rows) {
    const r = rowToPoint(fields, row, label, g, bounds);
    out.errors.push(...r.errors);
    if (r.point) out.points.push(r.point);
    if (r.crs && !out.crs.includes(r.crs)) out.crs.push(r.crs);
    if (r.assumed) out.assumedWgs84++;
  }
  return out;
}

/**
 * Address points from CSV text (header row first; headers in Chinese or English, synonyms
 * accepted). Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
export function addressPointsFromCsv(text: string, g: Gazetteer): AddressPointImport {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    return {
      points: [],
      errors: [{ row: 0, column: '', message: `not readable as CSV: ${(err as Error).message}` }],
      crs: [],
      assumedWgs84: 0,
    };
  }
  const headers = records[0] ?? [];
  const fields = headerFields(headers);
  const has = new Set(fields.values());
  const missing: string[] = [];
  if (!has.has('lng')) missing.push('经度 (lng)');
  if (!has.has('lat')) missing.push('纬度 (lat)');
  if (!has.has('number') && !has.has('address')) missing.push('号 (number) or 地址 (address)');
  if (missing.length > 0) {
    return {
      points: [],
      errors: [
        {
          row: 1,
          column: '',
          message: `missing column ${missing.join(', ')}; the header row has: ${headers.join(', ') || '(nothing)'}`,
        },
      ],
      crs: [],
      assumedWgs84: 0,
    };
  }
  if (records.length < 2)
    return {
      ...NO_ROWS,
      errors: [{ row: 2, column: '', message: 'the file has a header row but no data rows' }],
    };
  const header = new Map([...fields].map(([h, f]) => [f, h]));
  const label = (field: keyof typeof HEADERS) => header.get(field) ?? HEADERS[field][0];
  const rows = records.slice(1).map((cells, i) => {
    const f: Fields = {};
    headers.forEach((h, k) => {
      const field = fields.get(h);
      if (field) f[field] = cells[k];
    });
    return { fields: f, row: i + 2 };
  });
  return collect(rows, label, g);
}

/** Address points from a GeoJSON FeatureCollection of Points whose properties name the plate. */
export function addressPointsFromGeoJson(json: unknown, g: Gazetteer): AddressPointImport {
  const fc = json as { type?: string; features?: unknown[] };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return {
      points: [],
      errors: [{ row: 0, column: '', message: 'expected a GeoJSON FeatureCollection of Point features' }],
      crs: [],
      assumedWgs84: 0,
    };
  }
  if (fc.features.length === 0)
    return { ...NO_ROWS, errors: [{ row: 0, column: '', message: 'the FeatureCollection has no features' }] };
  const errors: RowError[] = [];
  const rows: { fields: Fields; row: number }[] = [];
  fc.features.forEach((raw, i) => {
    const f = raw as GeoJSON.Feature;
    const geometry = f?.geometry as GeoJSON.Point | undefined;
    if (geometry?.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
      errors.push({
        row: i,
        column: 'geometry',
        message: `features[${i}]: expected a Point, got ${geometry?.type ?? 'nothing'}`,
      });
      return;
    }
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const names = headerFields(Object.keys(props));
    const fields: Fields = { lng: String(geometry.coordinates[0]), lat: String(geometry.coordinates[1]) };
    for (const [key, field] of names)
      if (field !== 'lng' && field !== 'lat' && props[key] != null) fields[field] = String(props[key]);
    rows.push({ fields, row: i });
  });
  const out = collect(
    rows,
    (field) => (field === 'lng' || field === 'lat' ? 'geometry' : HEADERS[field][0]),
    g,
  );
  return { ...out, errors: [...errors, ...out.errors].sort((a, b) => a.row - b.row) };
}
