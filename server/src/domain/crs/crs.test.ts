import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REAL_WORLD } from '../../../../tests/helpers/real-world-fixtures';
import { BD09, GCJ02, parseCrs, webMercator } from './crs-catalog';
import { crsFromPrj } from './crs-from-prj';
import { guessCrs } from './guess-crs';
import { toWgs84 } from './to-wgs84';

const FIXTURES = REAL_WORLD;
type City = {
  attrs: { name: string };
  coords: Record<'WGS84' | 'GCJ02' | 'BD09' | 'EPSG3857', [number, number]>;
};
const cities = JSON.parse(readFileSync(`${FIXTURES}/coordinates/china-cities.json`, 'utf8')) as City[];

function worstError(from: 'GCJ02' | 'BD09' | 'EPSG3857', convert: (p: number[]) => [number, number]): number {
  let worst = 0;
  for (const c of cities) {
    const [lng, lat] = convert(c.coords[from]);
    worst = Math.max(worst, Math.abs(lng - c.coords.WGS84[0]), Math.abs(lat - c.coords.WGS84[1]));
  }
  return worst;
}

describe('conversion to WGS-84 against china-cities.json (664 cities)', () => {
  it('GCJ-02 → WGS-84 within 1e-4°', () => {
    expect(cities).toHaveLength(664);
    expect(worstError('GCJ02', toWgs84(GCJ02))).toBeLessThan(1e-4);
  });
  it('BD-09 → WGS-84 within 1e-4°', () => {
    expect(worstError('BD09', toWgs84(BD09))).toBeLessThan(1e-4);
  });
  it('Web Mercator → WGS-84 within 1e-6°', () => {
    expect(worstError('EPSG3857', toWgs84(webMercator))).toBeLessThan(1e-6);
  });
});

describe('CGCS2000 Gauss-Krüger', () => {
  it('puts 30°N on the central meridian 120°E at the meridian arc length (EPSG:4549)', () => {
    const gk = parseCrs('EPSG:4549');
    if (!gk) throw new Error('EPSG:4549 unknown');
    // Meridian arc of GRS80 from the equator to 30°: 3,320,113.398 m (Gauss-Krüger scale 1 on the CM).
    const [lng, lat] = toWgs84(gk)([500000, 3320113.398]);
    expect(lng).toBeCloseTo(120, 9);
    expect(lat).toBeCloseTo(30, 7);
  });
  it('reads the zone prefix of EPSG:4528 as the same place as EPSG:4549', () => {
    const prefixed = toWgs84(parseCrs('4528') ?? GCJ02)([40512345.6, 3358765.4]);
    const plain = toWgs84(parseCrs('EPSG:4549') ?? GCJ02)([512345.6, 3358765.4]);
    expect(prefixed[0]).toBeCloseTo(plain[0], 10);
    expect(prefixed[1]).toBeCloseTo(plain[1], 10);
    expect(plain[0]).toBeGreaterThan(120.1);
    expect(plain[0]).toBeLessThan(120.2);
  });
});

describe('parseCrs', () => {
  it.each([
    ['WGS84', 'WGS84'],
    ['wgs-84', 'WGS84'],
    ['CGCS2000', 'CGCS2000'],
    ['国家2000', 'CGCS2000'],
    ['gcj-02', 'GCJ02'],
    ['高德', 'GCJ02'],
    ['百度', 'BD09'],
    ['bd09', 'BD09'],
    ['EPSG:4549', 'EPSG:4549'],
    ['4528', 'EPSG:4528'],
    ['epsg 4326', 'WGS84'],
  ])('%s → %s', (text, code) => {
    expect(parseCrs(text)?.code).toBe(code);
  });
  it('knows nothing of EPSG:9999 or Krassowsky', () => {
    expect(parseCrs('EPSG:9999')).toBeNull();
    expect(parseCrs('Krassowsky')).toBeNull();
  });
});

describe('guessCrs from coordinate magnitudes', () => {
  it('reads lng/lat as WGS-84 and says it assumed so', () => {
    const g = guessCrs([120.2, 30.3, 120.3, 30.4]);
    expect(g.ok && g.crs.code).toBe('WGS84');
    expect(g.ok && g.assumption).toMatch(/GCJ02/);
  });
  it('recognises the zone prefix 40 as EPSG:4528', () => {
    const g = guessCrs([40510000, 3350000, 40530000, 3370000]);
    expect(g.ok && g.crs.code).toBe('EPSG:4528');
    expect(g.ok && g.assumption).toMatch(/zone prefix 40/);
  });
  it('reads x ≈ 500,000 as the township zone: CM 120°E, EPSG:4549', () => {
    const g = guessCrs([510000, 3350000, 530000, 3370000], 120.2);
    expect(g.ok && g.crs.code).toBe('EPSG:4549');
    expect(g.ok && g.assumption).toMatch(/no zone prefix/);
  });
  it('recognises Web Mercator near the township', () => {
    const g = guessCrs([13380000, 3540000, 13390000, 3550000], 120.2);
    expect(g.ok && g.crs.code).toBe('EPSG:3857');
  });
  it('refuses swapped latitude/longitude', () => {
    const g = guessCrs([30.3, 120.2, 30.4, 120.3]);
    expect(g.ok).toBe(false);
    expect(!g.ok && g.reason).toMatch(/\[latitude, longitude\]/);
  });
  it('refuses numbers in no system it knows', () => {
    const g = guessCrs([5, 5, 9e9, 9e9]);
    expect(!g.ok && g.reason).toMatch(/no coordinate system we recognise/);
  });
});

describe('crsFromPrj', () => {
  const prj = (name: string) => readFileSync(`${FIXTURES}/shapefile/${name}.prj`, 'utf8');
  it('reads WGS-84 and its EPSG authority', () => {
    const r = crsFromPrj(prj('ipra_dresden_polygon'));
    expect(r.ok && r.crs.code).toBe('WGS84');
  });
  it('converts a state-plane Lambert projection with its own parameters', () => {
    const r = crsFromPrj(prj('senate'));
    expect(r.ok && r.crs.kind).toBe('projected');
    if (!r.ok) return;
    const [lng, lat] = toWgs84(r.crs)([200000, 750000]);
    expect(lng).toBeCloseTo(-71.5, 0);
    expect(lat).toBeCloseTo(41, 0);
  });
  it('says an HTML page is not a coordinate system', () => {
    const r = crsFromPrj(prj('htmlprj'));
    expect(!r.ok && r.reason).toMatch(/not a coordinate system definition.*DOCTYPE/);
  });
  it('recognises the ESRI names of CGCS2000 Gauss-Krüger zones', () => {
    const wkt = (name: string, cm: number, fe: number) =>
      `PROJCS["${name}",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${fe}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
    const cm = crsFromPrj(wkt('CGCS2000_3_Degree_GK_CM_120E', 120, 500000));
    const zone = crsFromPrj(wkt('CGCS2000_3_Degree_GK_Zone_40', 120, 40500000));
    expect(cm.ok && cm.crs.code).toBe('EPSG:4549');
    expect(zone.ok && zone.crs.code).toBe('EPSG:4528');
  });
});
