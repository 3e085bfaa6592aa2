import { zipSync } from 'fflate';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { emptyApp } from '../../../tests/helpers/test-app';
import { sendJson, upload } from '../../../tests/helpers/upload';
import { writeShapefile } from '../../../tests/helpers/write-shapefile';
import type { createApp } from '../app';
import { featuresKml } from '../domain/export/features-kml';

/** A made-up township of six square villages, 2 × 3, far from the demo's: nothing here is the demo's. */
const NAMES = ['五星村', '八一村', '新村村', '三堡社区', '七甲村', '石塘村'];
const SIZE = 0.012;
function squares(): GeoJSON.Feature<GeoJSON.Polygon>[] {
  return NAMES.map((name, i) => {
    const x = 120.74 + (i % 3) * SIZE;
    const y = 30.74 + Math.floor(i / 3) * SIZE;
    return {
      type: 'Feature',
      properties: { XZQDM: `330481105${String(201 + i)}`, XZQMC: name },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + SIZE, y],
            [x + SIZE, y + SIZE],
            [x, y + SIZE],
            [x, y],
          ],
        ],
      },
    };
  });
}
const geojson = (features: GeoJSON.Feature[]) =>
  JSON.stringify({ type: 'FeatureCollection', features }, null, 1);

const SETUP = {
  province: '浙江省',
  city: '嘉兴市',
  district: '海宁市',
  districtCode: '330481',
  districtOtherNames: ['海宁县'],
  township: '石塘镇',
  townshipCode: '330481105000',
  townshipOtherNames: [],
  start: '2021-01-01',
};

type App = ReturnType<typeof createApp>;
const json = async <T = Record<string, unknown>>(res: Response | Promise<Response>) =>
  (await (await res).json()) as T;

async function importVillages(app: App, files: { name: string; bytes: Uint8Array | string }[]) {
  const staged = await upload(app, '/api/imports/boundaries', files);
  const preview = await json<{ importId: number; features: { match: unknown; name: string }[] }>(staged);
  expect(staged.status, JSON.stringify(preview)).toBe(201);
  const commit = await sendJson(app, 'POST', `/api/imports/boundaries/${preview.importId}/commit`, {});
  return { preview, commit: await json<Record<string, unknown>>(commit), status: commit.status };
}

describe('setting a township up from nothing (DEMO=0)', () => {
  it('says what is missing, takes the township and campaign, and refuses what is wrong with the field named', async () => {
    const { app } = await emptyApp();
    const status = await json(app.request('/api/setup'));
    expect(status).toMatchObject({ configured: false, villages: 0, townshipOutline: false, premises: 0 });
    expect((status.defaults as { goals: unknown[] }).goals).toHaveLength(3);

    const bad = await sendJson(app, 'PUT', '/api/campaign', { ...SETUP, start: '2021-02-30' });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { message: string } }>(bad)).error.message).toMatch(
      /^start: expected a real date/,
    );
    const badCode = await sendJson(app, 'PUT', '/api/campaign', { ...SETUP, townshipCode: '3304811' });
    expect((await json<{ error: { message: string } }>(badCode)).error.message).toMatch(/townshipCode/);
    const wrongDistrict = await sendJson(app, 'PUT', '/api/campaign', { ...SETUP, districtCode: '330104' });
    expect((await json<{ error: { message: string } }>(wrongDistrict)).error.message).toMatch(
      /does not start with the district's code 330104/,
    );

    const ok = await sendJson(app, 'PUT', '/api/campaign', SETUP);
    expect(ok.status).toBe(200);
    const campaign = await json<{
      township: string;
      end: string;
      goals: { year: number }[];
      configured: boolean;
    }>(ok);
    expect(campaign).toMatchObject({ township: '石塘镇', end: '2023-12-31', configured: true });
    expect(campaign.goals.map((g) => g.year)).toEqual([2021, 2022, 2023]);
    expect(await json(app.request('/api/campaign'))).toMatchObject({
      township: '石塘镇',
      start: '2021-01-01',
    });
  });

  it('creates the villages from a GeoJSON file, and the township as their union, and undoes both', async () => {
    const { app } = await emptyApp();
    await sendJson(app, 'PUT', '/api/campaign', SETUP);
    const { preview, commit, status } = await importVillages(app, [
      { name: '村界.geojson', bytes: geojson(squares()) },
    ]);
    expect(preview.features.every((f) => f.match === 'new')).toBe(true);
    expect(status).toBe(200);
    expect(commit).toMatchObject({ created: 6, replaced: 0, township: 'created_from_villages' });
    expect((commit.notes as string[]).join(' ')).toMatch(/drawn as the union of its villages/);

    const villages = await json<GeoJSON.FeatureCollection>(app.request('/api/villages'));
    expect(villages.features.map((f) => f.properties?.name).sort()).toEqual([...NAMES].sort());
    expect(villages.features.find((f) => f.properties?.name === '三堡社区')?.properties?.kind).toBe(
      'community',
    );
    const campaign = await json<{ bbox: number[] }>(app.request('/api/campaign'));
    campaign.bbox.forEach((v, i) => {
      expect(v).toBeCloseTo([120.74, 30.74, 120.74 + 3 * SIZE, 30.74 + 2 * SIZE][i], 6);
    });
    expect(await json(app.request('/api/setup'))).toMatchObject({ villages: 6, townshipOutline: true });

    const undo = await sendJson(app, 'POST', `/api/imports/${preview.importId}/undo`, {});
    expect(undo.status).toBe(200);
    expect(await json(app.request('/api/setup'))).toMatchObject({ villages: 0, townshipOutline: false });
  });

  it('creates them from a land office shapefile zip (Gauss-Krüger, GBK .dbf, no .cpg) and from KML', async () => {
    const gk = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
    const shp = writeShapefile(
      squares().map((f) => ({
        rings: f.geometry.coordinates.map((ring) => ring.map((p) => proj4('EPSG:4326', gk, p))),
        attributes: f.properties as Record<string, string>,
      })),
      'gbk',
    );
    const zip = zipSync({ '村级行政区.shp': shp.shp, '村级行政区.shx': shp.shx, '村级行政区.dbf': shp.dbf });
    const fromShp = await emptyApp();
    const shpImport = await importVillages(fromShp.app, [{ name: '村级行政区.zip', bytes: zip }]);
    expect(shpImport.commit).toMatchObject({ created: 6, township: 'created_from_villages' });
    const names = await json<GeoJSON.FeatureCollection>(fromShp.app.request('/api/villages'));
    expect(names.features.map((f) => f.properties?.name).sort()).toEqual([...NAMES].sort());

    const kml = featuresKml('村界', squares(), (f) => String(f.properties?.XZQMC));
    const fromKml = await emptyApp();
    const kmlImport = await importVillages(fromKml.app, [{ name: '村界.kml', bytes: kml }]);
    expect(kmlImport.commit).toMatchObject({ created: 6, township: 'created_from_villages' });
  });

  it('gives a village without a code a provisional one and says so', async () => {
    const { app } = await emptyApp();
    const features = squares().map((f) => ({ ...f, properties: { name: f.properties?.XZQMC } }));
    const { commit } = await importVillages(app, [{ name: '村界.geojson', bytes: geojson(features) }]);
    expect(commit).toMatchObject({ created: 6 });
    expect((commit.notes as string[]).filter((n) => /provisional code 未编码-0\d/.test(n))).toHaveLength(6);
  });

  it('takes a township outline first, then the villages into it; replaces the outline later', async () => {
    const { app } = await emptyApp();
    await sendJson(app, 'PUT', '/api/campaign', SETUP);
    const outline: GeoJSON.Feature = {
      type: 'Feature',
      properties: { name: '石塘镇' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [120.739, 30.739],
            [120.777, 30.739],
            [120.777, 30.765],
            [120.739, 30.765],
            [120.739, 30.739],
          ],
        ],
      },
    };
    const staged = await json<{ importId: number; features: { match: unknown }[] }>(
      upload(app, '/api/imports/boundaries', [{ name: '镇界.geojson', bytes: geojson([outline]) }], {
        level: 'township',
      }),
    );
    expect(staged.features[0].match).toBe('new');
    const created = await json(
      sendJson(app, 'POST', `/api/imports/boundaries/${staged.importId}/commit`, {}),
    );
    expect(created).toMatchObject({ created: 1, township: 'created' });
    const villages = await importVillages(app, [{ name: '村界.geojson', bytes: geojson(squares()) }]);
    expect(villages.commit).toMatchObject({ created: 6, township: null });

    const again = await json<{ importId: number; features: { match: { by: string } }[] }>(
      upload(app, '/api/imports/boundaries', [{ name: '镇界.geojson', bytes: geojson([outline]) }], {
        level: 'township',
      }),
    );
    expect(again.features[0].match).not.toBe('new');
    const replaced = await json(
      sendJson(app, 'POST', `/api/imports/boundaries/${again.importId}/commit`, {}),
    );
    expect(replaced).toMatchObject({ replaced: 1, township: 'replaced' });
    // The township import cannot be undone while villages live in the township it made.
    const undo = await sendJson(app, 'POST', `/api/imports/${staged.importId}/undo`, {});
    expect(undo.status).toBe(409);
  });
});
