import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoApp, getJson } from '../../../tests/helpers/test-app';
import { CATEGORY_CODES } from '../domain/categories';
import { decodePremiseLayer } from '../domain/premise-layer-codec';
import { STATUS_KEYS } from '../domain/statuses';

let app: Awaited<ReturnType<typeof demoApp>>['app'];

beforeAll(async () => {
  ({ app } = await demoApp());
});

describe('health and campaign', () => {
  it('GET /api/health', async () => {
    expect(await getJson(app, '/api/health')).toEqual({ ok: true });
  });

  it('GET /api/campaign gives the campaign, categories, statuses and goals', async () => {
    const c = await getJson<{
      name: string;
      township: string;
      start: string;
      end: string;
      sample: boolean;
      categories: { code: string; name: string }[];
      statuses: { key: string; name: string }[];
      goals: { due: string }[];
      bbox: number[];
    }>(app, '/api/campaign');
    expect(c).toMatchObject({ township: '丁桥镇', start: '2008-01-01', end: '2010-12-31', sample: true });
    expect(c.categories.map((x) => x.code)).toEqual(CATEGORY_CODES);
    expect(c.categories.find((x) => x.code === 'lpg_point')?.name).toBe('小液化气供应点');
    expect(c.statuses.map((s) => s.key)).toEqual(STATUS_KEYS);
    expect(c.goals.map((g) => g.due)).toEqual(['2008-12-31', '2009-12-31', '2010-12-31']);
    const [w, s, e, n] = c.bbox;
    expect(w).toBeLessThan(120.23);
    expect(e).toBeGreaterThan(120.23);
    expect(s).toBeLessThan(30.35);
    expect(n).toBeGreaterThan(30.35);
  });

  it('answers an unknown endpoint with a JSON 404', async () => {
    const res = await app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('villages', () => {
  it('GET /api/villages is a FeatureCollection with id, code, name', async () => {
    const fc = await getJson<GeoJSON.FeatureCollection>(app, '/api/villages');
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThanOrEqual(16);
    expect(fc.features.length).toBeLessThanOrEqual(20);
    for (const f of fc.features) {
      expect(f.properties).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
      expect(f.properties?.code).toMatch(/^\d{12}$/);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
  });

  it('GET /api/villages/:id gives one village; unknown is 404, malformed is 400', async () => {
    const fc = await getJson<GeoJSON.FeatureCollection>(app, '/api/villages');
    const first = fc.features[0].properties as { id: number; name: string };
    const one = await getJson<GeoJSON.Feature>(app, `/api/villages/${first.id}`);
    expect(one.properties?.name).toBe(first.name);
    expect((await app.request('/api/villages/987654')).status).toBe(404);
    expect((await app.request('/api/villages/abc')).status).toBe(400);
  });
});

describe('premises', () => {
  it('GET /api/layers/premises is binary columns that agree with /api/stats', async () => {
    const res = await app.request('/api/layers/premises');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const { header, columns } = decodePremiseLayer(await res.arrayBuffer());
    expect(header.premiseCount).toBeGreaterThan(1000);
    const d = (Date.UTC(2009, 5, 30) - Date.UTC(2008, 0, 1)) / 86_400_000;
    const byStatus = new Array(STATUS_KEYS.length).fill(0);
    let unlicensed = 0;
    for (let k = 0; k < header.intervalCount; k++) {
      if (columns.from[k] <= d && d < columns.to[k]) {
        byStatus[columns.status[k]]++;
        unlicensed += columns.unlicensed[k];
      }
    }
    const stats = await getJson<{ byStatus: Record<string, number>; unlicensed: number }>(
      app,
      '/api/stats?at=2009-06-30',
    );
    expect(Object.fromEntries(STATUS_KEYS.map((k, i) => [k, byStatus[i]]))).toEqual(stats.byStatus);
    expect(unlicensed).toBe(stats.unlicensed);
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(
      (await app.request('/api/layers/premises', { headers: { 'If-None-Match': etag as string } })).status,
    ).toBe(304);
  });

  it('GET /api/premises/:id gives the file with licences, events and the state on a date', async () => {
    const { columns } = decodePremiseLayer(await (await app.request('/api/layers/premises')).arrayBuffer());
    const id = columns.id[0];
    const p = await getJson<{
      id: number;
      archiveNo: string;
      name: string;
      idNumber: string | null;
      village: { name: string };
      events: { date: string; type: string }[];
      licences: unknown[];
      state: { at: string; status: string };
    }>(app, `/api/premises/${id}?at=2010-12-31`);
    expect(p.id).toBe(id);
    expect(p.name.length).toBeGreaterThan(0);
    expect(p.village.name).toMatch(/[村区]$/);
    expect(p.events[0].type).toBe('surveyed');
    const dates = p.events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    expect(p.state.at).toBe('2010-12-31');
    expect(STATUS_KEYS).toContain(p.state.status);
    if (p.idNumber) expect(p.idNumber).toMatch(/^\d{6}\*+[\dX]{4}$/);
  });

  it('GET /api/premises/:id: unknown is 404, bad date is 400', async () => {
    expect((await app.request('/api/premises/99999999')).status).toBe(404);
    expect((await app.request('/api/premises/1?at=2009-02-30')).status).toBe(400);
  });
});

describe('basemap', () => {
  it('serves a MapLibre style that validates and points only at this host', async () => {
    const style = await getJson<Record<string, unknown>>(app, '/api/basemap/style.json');
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const sources = Object.values(style.sources as Record<string, { data: string }>);
    for (const s of sources)
      expect(s.data).toMatch(/^http:\/\/localhost\/api\/basemap\/layers\/\w+\.geojson$/);
  });

  it('serves each basemap layer as GeoJSON with features', async () => {
    for (const layer of ['township', 'water', 'hill', 'road']) {
      const fc = await getJson<GeoJSON.FeatureCollection>(app, `/api/basemap/layers/${layer}.geojson`);
      expect(fc.features.length, layer).toBeGreaterThan(0);
    }
    expect((await app.request('/api/basemap/layers/secrets.geojson')).status).toBe(400);
  });
});

describe('compression', () => {
  it('gzips JSON and the binary layer for clients that accept it, and still answers 304 to a weak ETag', async () => {
    const res = await app.request('/api/layers/premises', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const etag = res.headers.get('etag') as string;
    expect(etag).toMatch(/^W\//);
    const again = await app.request('/api/layers/premises', {
      headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    const json = await app.request('/api/villages', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(json.headers.get('content-encoding')).toBe('gzip');
  });
});
