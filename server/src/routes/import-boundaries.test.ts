import { readFileSync } from 'node:fs';
import { area, booleanPointInPolygon, polygon } from '@turf/turf';
import { zipSync } from 'fflate';
import gcoord from 'gcoord';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED, fixtureUploads } from '../../../tests/helpers/real-world-fixtures';
import { recordFingerprint } from '../../../tests/helpers/record-fingerprint';
import { DEMO_DIR, demoApp } from '../../../tests/helpers/test-app';
import { sendJson, upload } from '../../../tests/helpers/upload';
import { writeShapefile } from '../../../tests/helpers/write-shapefile';
import { writeGeoPackage } from '../db/geopackage';

const villages = JSON.parse(
  readFileSync(`${DEMO_DIR}/villages.geojson`, 'utf8'),
) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;
const GK_CM120 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
/** The demo villages as a land bureau would send them: CGCS2000 GK zone 40 with prefix, GBK .dbf, no .prj or .cpg. */
function bureauShapefile(count = villages.features.length) {
  return writeShapefile(
    villages.features.slice(0, count).map((f) => ({
      rings: f.geometry.coordinates.map((ring) =>
        ring.map((p) => {
          const [x, y] = proj4('EPSG:4326', GK_CM120, [p[0], p[1]]);
          return [x + 40e6, y];
        }),
      ),
      attributes: { XZQDM: String(f.properties?.code), XZQMC: String(f.properties?.name) },
    })),
    'gbk',
  );
}
const geojson = (features: GeoJSON.Feature[]) => JSON.stringify({ type: 'FeatureCollection', features });
const uploads = (['geojsonhint-bad', 'geojsonhint-good', 'kml', 'shapefile'] as const).flatMap(
  fixtureUploads,
);

describe('boundary import: every real-world fixture is imported correctly or refused clearly, the record untouched', {
  timeout: 30_000,
}, () => {
  // One township for the whole table: every case asserts the record is exactly as it was, so none can leak into another.
  let demo: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    demo = await demoApp();
  });
  it.each(uploads.map((u) => [u.label, u] as const))('%s', async (label, u) => {
    const { app, db } = demo;
    const before = recordFingerprint(db);
    const res = await upload(app, '/api/imports/boundaries', u.files);
    const body = await res.json();
    const expected = EXPECTED[label];
    if (expected instanceof RegExp) {
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(body.error.message).toMatch(expected);
    } else {
      expect(res.status).toBe(201);
      expect(body.features).toHaveLength(expected.imports);
    }
    expect(recordFingerprint(db)).toBe(before);
  });
});

describe('boundary import: village boundaries from the land bureau', { timeout: 30_000 }, () => {
  it('reads loose GBK shapefile parts in Gauss-Krüger, previews the matches, commits and undoes', async () => {
    const { app, db } = await demoApp();
    const before = recordFingerprint(db);
    const shp = bureauShapefile();
    const res = await upload(app, '/api/imports/boundaries', [
      { name: '村界.shp', bytes: shp.shp },
      { name: '村界.shx', bytes: shp.shx },
      { name: '村界.dbf', bytes: shp.dbf },
    ]);
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.crs).toMatchObject({
      code: 'EPSG:4528',
      source: 'coordinates',
      note: expect.stringMatching(/zone prefix 40/),
    });
    expect(preview.notes).toContainEqual(expect.stringMatching(/村界\.dbf read as gb18030/));
    expect(preview.features).toHaveLength(villages.features.length);
    expect(preview.features[0]).toMatchObject({
      name: villages.features[0].properties?.name,
      code: villages.features[0].properties?.code,
      match: { by: 'code' },
    });
    const [lng, lat] = preview.features[0].geometry.coordinates[0][0];
    expect(lng).toBeCloseTo(villages.features[0].geometry.coordinates[0][0][0], 7);
    expect(lat).toBeCloseTo(villages.features[0].geometry.coordinates[0][0][1], 7);
    expect(recordFingerprint(db)).toBe(before);

    const commit = await sendJson(app, 'POST', `/api/imports/boundaries/${preview.importId}/commit`, {});
    expect(commit.status).toBe(200);
    expect(await commit.json()).toMatchObject({
      replaced: villages.features.length,
      created: 0,
      skipped: 0,
      premisesOutsideTheirVillage: expect.any(Number),
    });
    expect(
      db
        .prepare("SELECT count(*) FROM audit_log WHERE entity = 'village' AND action = 'update'")
        .pluck()
        .get(),
    ).toBe(villages.features.length);

    const undo = await sendJson(app, 'POST', `/api/imports/${preview.importId}/undo`);
    expect(await undo.json()).toMatchObject({ restoredBoundaries: villages.features.length });
    const [restored] = (await (await app.request('/api/villages')).json()).features;
    expect(restored.geometry).toEqual(
      villages.features.find((f) => f.properties?.code === restored.properties.code)?.geometry,
    );
  });

  it('reads a shapefile zip with the coordinate system given, and adds a village it does not know', async () => {
    const { app, db } = await demoApp();
    const shp = writeShapefile(
      [
        {
          rings: [
            [
              [120.3, 30.4],
              [120.31, 30.4],
              [120.31, 30.41],
              [120.3, 30.41],
              [120.3, 30.4],
            ],
          ],
          attributes: { XZQDM: '330104010999', XZQMC: '新建社区' },
        },
      ],
      'gbk',
    );
    const zip = zipSync({
      'new/新建.shp': shp.shp,
      'new/新建.shx': shp.shx,
      'new/新建.dbf': shp.dbf,
      'new/新建.cpg': new TextEncoder().encode('GBK'),
    });
    const res = await upload(app, '/api/imports/boundaries', [{ name: '新建.zip', bytes: zip }], {
      crs: 'WGS84',
    });
    const preview = await res.json();
    expect(preview).toMatchObject({
      crs: { code: 'WGS84', source: 'given' },
      features: [{ name: '新建社区', code: '330104010999', match: 'new' }],
    });
    expect(
      await (await sendJson(app, 'POST', `/api/imports/boundaries/${preview.importId}/commit`)).json(),
    ).toMatchObject({ created: 1 });
    expect(db.prepare("SELECT kind FROM villages WHERE code = '330104010999'").pluck().get()).toBe(
      'community',
    );
    expect(await (await sendJson(app, 'POST', `/api/imports/${preview.importId}/undo`)).json()).toMatchObject(
      { removedVillages: 1 },
    );
    expect(db.prepare("SELECT count(*) FROM villages WHERE code = '330104010999'").pluck().get()).toBe(0);
  });

  it('removes the GCJ-02 offset of a boundary traced on a web map', async () => {
    const { app } = await demoApp();
    const f = villages.features[2];
    const traced = {
      ...f,
      geometry: {
        type: 'Polygon',
        coordinates: f.geometry.coordinates.map((r) =>
          r.map((p) => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02)),
        ),
      },
    };
    const preview = await (
      await upload(
        app,
        '/api/imports/boundaries',
        [{ name: 'traced.geojson', bytes: geojson([traced as GeoJSON.Feature]) }],
        { crs: 'GCJ02' },
      )
    ).json();
    expect(preview.crs.code).toBe('GCJ02');
    const [lng, lat] = preview.features[0].geometry.coordinates[0][0];
    expect(Math.abs(lng - f.geometry.coordinates[0][0][0])).toBeLessThan(1e-5);
    expect(Math.abs(lat - f.geometry.coordinates[0][0][1])).toBeLessThan(1e-5);
    expect(preview.features[0].match).toMatchObject({ name: f.properties?.name, by: 'code' });
  });

  it('merges a village delivered as two parts sharing an edge, and says which in the preview', async () => {
    const { app } = await demoApp();
    const f = villages.features[2];
    const ring = f.geometry.coordinates[0];
    const n = ring.length - 1;
    // cut off an ear of the outline along its diagonal: a triangle and the rest, sharing that edge
    const turn = (a: number[], b: number[], c: number[]) =>
      (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    const winding = Math.sign(ring.slice(1).reduce((t, q, k) => t + turn([0, 0], ring[k], q), 0));
    const ear = Array.from({ length: n - 2 }, (_, k) => k + 1).find((i) => {
      const triangle = polygon([[ring[i - 1], ring[i], ring[i + 1], ring[i - 1]]]);
      return (
        Math.sign(turn(ring[i - 1], ring[i], ring[i + 1])) === winding &&
        ring.slice(0, n).every((p, j) => Math.abs(j - i) <= 1 || !booleanPointInPolygon(p, triangle))
      );
    });
    if (ear === undefined) throw new Error('the village has no ear to cut off');
    const parts: GeoJSON.Feature = {
      ...f,
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [[ring[ear - 1], ring[ear], ring[ear + 1], ring[ear - 1]]],
          [[...ring.slice(0, ear), ...ring.slice(ear + 1)]],
        ],
      },
    };
    const res = await upload(app, '/api/imports/boundaries', [
      { name: 'v.geojson', bytes: geojson([parts]) },
    ]);
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.notes).toContain(
      `feature 0 «${f.properties?.name}»: 2 touching or overlapping parts dissolved into 1`,
    );
    expect(preview.features[0].geometry.type).toBe('Polygon');
    expect(preview.features[0].match).toMatchObject({ name: f.properties?.name, by: 'code' });
    expect(area(preview.features[0].geometry)).toBeCloseTo(area(f.geometry), 0);
  });

  it('reads a GeoPackage and matches by name', async () => {
    const { app } = await demoApp();
    const gpkg = writeGeoPackage({
      table: 'cun',
      description: '',
      geometryType: 'POLYGON',
      columns: [{ name: '村名', type: 'TEXT' }],
      rows: villages.features.slice(0, 2).map((f) => ({
        geometry: f.geometry,
        values: [String(f.properties?.name).replace(/村$|社区$/, '')],
      })),
    });
    const preview = await (
      await upload(app, '/api/imports/boundaries', [{ name: 'cun.gpkg', bytes: gpkg }])
    ).json();
    expect(preview.format).toBe('geopackage');
    expect(preview.features.map((x: { match: { name: string; by: string } }) => x.match)).toEqual(
      villages.features
        .slice(0, 2)
        .map((f) => expect.objectContaining({ name: f.properties?.name, by: 'name' })),
    );
  });

  it('refuses a self-intersecting boundary naming the feature, and a zip that climbs out of its folder', async () => {
    const { app, db } = await demoApp();
    const before = recordFingerprint(db);
    const bowtie: GeoJSON.Feature = {
      type: 'Feature',
      properties: { name: '大唐村' },
      geometry: {
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
      },
    };
    const res = await upload(app, '/api/imports/boundaries', [
      { name: 'b.geojson', bytes: geojson([bowtie]) },
    ]);
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(
      /^invalid boundaries, nothing imported: feature 0 «大唐村»: ring 0, vertex \d: self-intersection/,
    );
    const shp = bureauShapefile(1);
    const evil = zipSync({
      'a.shp': shp.shp,
      'a.dbf': shp.dbf,
      '../../etc/passwd': new TextEncoder().encode('root:x:0:0'),
    });
    const zipped = await upload(app, '/api/imports/boundaries', [{ name: 'evil.zip', bytes: evil }]);
    expect(zipped.status).toBe(400);
    expect((await zipped.json()).error).toMatchObject({
      code: 'unsafe_zip',
      message:
        'evil.zip holds an entry with an unsafe path, "../../etc/passwd": it climbs out of the folder with ..; the zip was refused',
    });
    expect(recordFingerprint(db)).toBe(before);
  });

  it('refuses an unknown coordinate system and two features for one village', async () => {
    const { app } = await demoApp();
    const unknown = await upload(
      app,
      '/api/imports/boundaries',
      [{ name: 'v.geojson', bytes: geojson([villages.features[0]]) }],
      { crs: 'EPSG:2000' },
    );
    expect((await unknown.json()).error.message).toMatch(/^crs: unknown coordinate system "EPSG:2000"/);
    const twice = await (
      await upload(app, '/api/imports/boundaries', [
        { name: 'v.geojson', bytes: geojson([villages.features[0], villages.features[0]]) },
      ])
    ).json();
    expect(twice.warnings[0]).toMatch(/features 0, 1 all match/);
    const commit = await sendJson(app, 'POST', `/api/imports/boundaries/${twice.importId}/commit`);
    expect(commit.status).toBe(422);
    expect((await commit.json()).error.message).toMatch(
      /features 0, 1 would all replace .*; decide which one/,
    );
    expect(
      (
        await sendJson(app, 'POST', `/api/imports/boundaries/${twice.importId}/commit`, {
          features: { '1': 'skip' },
        })
      ).status,
    ).toBe(200);
  });

  it('replaces the township boundary', async () => {
    const { app, db } = await demoApp();
    const township = JSON.parse(
      readFileSync(`${DEMO_DIR}/township.geojson`, 'utf8'),
    ) as GeoJSON.FeatureCollection;
    const outline = { ...township.features[0], properties: { name: '镇界' } };
    const preview = await (
      await upload(app, '/api/imports/boundaries', [{ name: 't.geojson', bytes: geojson([outline]) }], {
        level: 'township',
      })
    ).json();
    expect(preview).toMatchObject({ level: 'township', features: [{ match: { by: 'only_one' } }] });
    expect(
      await (await sendJson(app, 'POST', `/api/imports/boundaries/${preview.importId}/commit`)).json(),
    ).toMatchObject({ replaced: 1 });
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'township'").pluck().get()).toBe(1);
  });
});
