import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { writeShapefile } from '../../../../tests/helpers/write-shapefile';
import { parseCrs } from '../crs/crs-catalog';
import { normaliseBoundaries } from './normalise-boundaries';
import { type RawFeature, readShapefile } from './read-shapefile';

const villages = JSON.parse(
  readFileSync(new URL('../../../../data/demo/villages.geojson', import.meta.url), 'utf8'),
) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;
const layer = (features: RawFeature[], prj: string | null = null) => ({ features, prj, notes: [] });
const GK_CM120 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const toGk = (ring: GeoJSON.Position[], prefix: number) =>
  ring.map((p) => {
    const [x, y] = proj4('EPSG:4326', GK_CM120, [p[0], p[1]]);
    return [x + prefix, y];
  });

describe('normaliseBoundaries', () => {
  it('recognises CGCS2000 Gauss-Krüger with the zone prefix 40 (EPSG:4528) from the numbers, and says so', () => {
    const f = villages.features[0];
    const r = normaliseBoundaries(
      layer([
        {
          index: 0,
          geometry: { type: 'Polygon', coordinates: [toGk(f.geometry.coordinates[0], 40e6)] },
          properties: { XZQMC: f.properties?.name },
        },
      ]),
    );
    expect(r.crs).toMatchObject({ code: 'EPSG:4528', source: 'coordinates' });
    expect(r.crs.note).toMatch(/assumed: x ≈ 40,5\d\d,\d{3} carries the zone prefix 40/);
    const [lng, lat] = (r.features[0].geometry as GeoJSON.Polygon).coordinates[0][0];
    expect(lng).toBeCloseTo(f.geometry.coordinates[0][0][0], 7);
    expect(lat).toBeCloseTo(f.geometry.coordinates[0][0][1], 7);
    expect(r.features[0].name).toBe(f.properties?.name);
  });
  it('reads x ≈ 500,000 as the zone of the township (EPSG:4549 near 120°E)', () => {
    const f = villages.features[1];
    const r = normaliseBoundaries(
      layer([
        {
          index: 0,
          geometry: { type: 'Polygon', coordinates: [toGk(f.geometry.coordinates[0], 0)] },
          properties: {},
        },
      ]),
      { nearLng: 120.23 },
    );
    expect(r.crs.code).toBe('EPSG:4549');
    expect(r.features[0].areaKm2).toBeGreaterThan(0.1);
  });
  it('repairs ring winding to the right-hand rule and counts it', () => {
    const cw: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [120.2, 30.3],
          [120.2, 30.31],
          [120.21, 30.31],
          [120.21, 30.3],
          [120.2, 30.3],
        ],
        [
          [120.202, 30.302],
          [120.208, 30.302],
          [120.208, 30.308],
          [120.202, 30.308],
          [120.202, 30.302],
        ],
      ],
    };
    const r = normaliseBoundaries(layer([{ index: 0, geometry: cw, properties: {} }]));
    expect(r.notes).toContain('repaired the ring winding (outer rings counter-clockwise) of 1 features');
    const [outer, hole] = (r.features[0].geometry as GeoJSON.Polygon).coordinates;
    expect(outer[1]).toEqual([120.21, 30.3]);
    expect(hole[1]).toEqual([120.202, 30.308]);
  });
  it('refuses a self-intersecting boundary, naming the feature and where', () => {
    const bowtie: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [120.2, 30.3],
          [120.21, 30.31],
          [120.21, 30.3],
          [120.2, 30.31],
          [120.2, 30.3],
        ],
      ],
    };
    expect(() =>
      normaliseBoundaries(layer([{ index: 3, geometry: bowtie, properties: { name: '大唐村' } }])),
    ).toThrow(/feature 3 «大唐村»: ring 0, vertex \d: self-intersection/);
  });
  it('merges a village delivered as parts that touch along an edge, and says which', () => {
    const rect = (x0: number, x1: number) => [
      [
        [x0, 30.3],
        [x1, 30.3],
        [x1, 30.31],
        [x0, 30.31],
        [x0, 30.3],
      ],
    ];
    const halves: GeoJSON.MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [rect(120.2, 120.21), rect(120.21, 120.22)],
    };
    const whole: GeoJSON.Polygon = { type: 'Polygon', coordinates: rect(120.2, 120.22) };
    const r = normaliseBoundaries(
      layer([
        { index: 2, geometry: whole, properties: { name: '大唐村' } },
        { index: 3, geometry: halves, properties: { name: '五星村' } },
      ]),
    );
    expect(r.notes).toContain('feature 3 «五星村»: 2 touching or overlapping parts dissolved into 1');
    expect(r.notes.filter((n) => n.includes('dissolved'))).toHaveLength(1);
    const [, merged] = r.features;
    expect(merged.geometry.type).toBe('Polygon');
    expect(merged.geometry.coordinates).toHaveLength(1);
    expect(merged.areaKm2).toBeCloseTo(r.features[0].areaKm2, 9);
  });
  it('refuses what lies outside China under the system chosen', () => {
    const f = villages.features[0];
    expect(() =>
      normaliseBoundaries(layer([{ index: 0, geometry: f.geometry, properties: {} }]), {
        crs: parseCrs('EPSG:4549') ?? undefined,
      }),
    ).toThrow(/not longitude\/latitude|lies outside China/);
  });
  it('reads a GBK .dbf without .cpg as Chinese', () => {
    const shp = writeShapefile(
      villages.features.slice(0, 3).map((f) => ({
        rings: f.geometry.coordinates,
        attributes: { XZQDM: String(f.properties?.code), XZQMC: String(f.properties?.name) },
      })),
      'gbk',
    );
    const read = readShapefile({ name: 'villages', ...shp });
    expect(read.notes[0]).toMatch(
      /read as gb18030 \(no \.cpg; the text is not UTF-8 and reads as Chinese in GBK\/GB18030\)/,
    );
    const r = normaliseBoundaries(read);
    expect(r.features.map((x) => [x.code, x.name])).toEqual(
      villages.features.slice(0, 3).map((f) => [f.properties?.code, f.properties?.name]),
    );
  });
});
