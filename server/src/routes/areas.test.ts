import { bbox } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoApp, getJson } from '../../../tests/helpers/test-app';
import { listTownships } from '../db/geography';
import { STATUS_KEYS } from '../domain/statuses';

type App = Awaited<ReturnType<typeof demoApp>>['app'];
type Pos = [number, number];
type ErrorBody = { error: { code: string; message: string; details?: { problems?: { where?: string }[] } } };
type Stats = {
  at: string;
  surveyed: number;
  unlicensed: number;
  progress: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, { surveyed: number; unlicensed: number }>;
  byVillage: Record<string, { surveyed: number; unlicensed: number }>;
  areaKm2: number;
  areaMu: number;
  densityPerKm2: number;
  unlicensedPerKm2: number;
  villagesTouched: { id: number; name: string }[];
};

let app: App;
let township: GeoJSON.Polygon;
let villages: GeoJSON.FeatureCollection;
let box: [number, number, number, number];

beforeAll(async () => {
  const demo = await demoApp();
  app = demo.app;
  township = listTownships(demo.db)[0].geometry as GeoJSON.Polygon;
  villages = await getJson<GeoJSON.FeatureCollection>(app, '/api/villages');
  box = bbox(township) as [number, number, number, number];
});

const rect = (x0: number, y0: number, x1: number, y1: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

/** The middle ninth of the township's bounding box. */
const middle = () => {
  const [w, s, e, n] = box;
  return rect(w + (e - w) / 3, s + (n - s) / 3, w + (2 * (e - w)) / 3, s + (2 * (n - s)) / 3);
};

const post = (path: string, body: unknown, method = 'POST') =>
  app.request(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await post(path, body);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function expectError(res: Response, status: number, code: string): Promise<ErrorBody['error']> {
  const body = (await res.json()) as ErrorBody;
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  return body.error;
}

describe('POST /api/areas/stats', () => {
  it('counts the whole township like /api/stats', async () => {
    const all = await getJson<Stats>(app, '/api/stats?at=2009-06-30');
    const inside = await postJson<Stats>('/api/areas/stats', { geometry: township, at: '2009-06-30' });
    expect(inside.at).toBe('2009-06-30');
    expect(inside.surveyed).toBe(all.surveyed);
    expect(inside.unlicensed).toBe(all.unlicensed);
    expect(inside.byStatus).toEqual(all.byStatus);
    expect(inside.byCategory).toEqual(all.byCategory);
    expect(Object.keys(inside.byVillage).sort()).toEqual(Object.keys(all.byVillage).sort());
    expect(inside.villagesTouched).toHaveLength(villages.features.length);
  });

  it('gives the land in km² and mu and the densities', async () => {
    const s = await postJson<Stats>('/api/areas/stats', { geometry: middle(), at: '2010-06-30' });
    expect(s.areaKm2).toBeGreaterThan(0.5);
    expect(s.areaMu).toBeCloseTo(s.areaKm2 * 1500, 6);
    expect(s.surveyed).toBeGreaterThan(0);
    expect(s.densityPerKm2).toBeCloseTo(s.surveyed / s.areaKm2, 9);
    expect(s.unlicensedPerKm2).toBeCloseTo(s.unlicensed / s.areaKm2, 9);
    expect(Object.keys(s.byStatus).sort()).toEqual([...STATUS_KEYS].sort());
    expect(s.villagesTouched.length).toBeGreaterThan(0);
    for (const v of s.villagesTouched) expect(s.byVillage[String(v.id)]).toBeDefined();
  });

  it('accepts a Feature and a MultiPolygon with a hole', async () => {
    const [w, s, e, n] = box;
    const outer = rect(w, s, (w + e) / 2, (s + n) / 2).coordinates[0];
    const hole = rect(w + (e - w) / 8, s + (n - s) / 8, w + (e - w) / 4, s + (n - s) / 4).coordinates[0];
    const corner = rect(w + 0.6 * (e - w), s + 0.6 * (n - s), w + 0.8 * (e - w), s + 0.8 * (n - s));
    const geometry = { type: 'MultiPolygon', coordinates: [[outer, hole], corner.coordinates] };
    const res = await post('/api/areas/stats', {
      geometry: { type: 'Feature', properties: {}, geometry },
      at: '2009-06-30',
    });
    expect(res.status).toBe(200);
  });

  it.each([
    [
      'a self-intersection, naming the vertex',
      (): unknown => ({
        type: 'Polygon',
        coordinates: [
          [
            [120.2, 30.3],
            [120.25, 30.3],
            [120.2, 30.35],
            [120.25, 30.35],
            [120.2, 30.3],
          ],
        ],
      }),
      /^geometry, ring 0, vertex 1: self-intersection: the edge from vertex 1 crosses the edge from vertex 3/,
    ],
    [
      'an unclosed ring',
      () => ({ type: 'Polygon', coordinates: [middle().coordinates[0].slice(0, 4)] }),
      /ring 0: not closed: the last position/,
    ],
    [
      'fewer than 3 distinct points',
      () => ({
        type: 'Polygon',
        coordinates: [
          [
            [120.2, 30.3],
            [120.25, 30.3],
            [120.2, 30.3],
            [120.2, 30.3],
          ],
        ],
      }),
      /ring 0: only 2 distinct points; a ring needs at least 3/,
    ],
    [
      'zero area',
      () => ({
        type: 'Polygon',
        coordinates: [
          [
            [120.2, 30.3],
            [120.22, 30.32],
            [120.24, 30.34],
            [120.2, 30.3],
          ],
        ],
      }),
      /ring 0: zero area/,
    ],
    [
      'too many vertices',
      () => {
        const ring: Pos[] = [];
        for (let i = 0; i < 5001; i++) {
          const a = (2 * Math.PI * i) / 5001;
          ring.push([120.23 + 0.01 * Math.cos(a), 30.35 + 0.01 * Math.sin(a)]);
        }
        return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
      },
      /5,001 vertices; at most 5,000/,
    ],
    ['a shape outside the township', () => rect(100, 20, 100.1, 20.1), /entirely outside the township/],
    [
      'coordinates that are not lng/lat',
      () => rect(40_500_000, 3_350_000, 40_501_000, 3_351_000),
      /not longitude\/latitude/,
    ],
    [
      'a LineString',
      () => ({
        type: 'LineString',
        coordinates: [
          [120.2, 30.3],
          [120.3, 30.4],
        ],
      }),
      /got LineString/,
    ],
  ])('answers 400 for %s, saying what and where', async (_name, make, message) => {
    const error = await expectError(
      await post('/api/areas/stats', { geometry: make(), at: '2009-06-30' }),
      400,
      'invalid_geometry',
    );
    expect(error.message).toMatch(message);
    expect(error.details?.problems?.length).toBeGreaterThan(0);
  });

  it('answers 400 for a missing geometry, a bad date and malformed JSON', async () => {
    expect(
      (await expectError(await post('/api/areas/stats', { at: '2009-06-30' }), 400, 'bad_request')).message,
    ).toMatch(/^geometry: required/);
    const badDate = await expectError(
      await post('/api/areas/stats', { geometry: middle(), at: '2009-02-30' }),
      400,
      'bad_request',
    );
    expect(badDate.message).toContain('YYYY-MM-DD');
    const res = await app.request('/api/areas/stats', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"geometry":',
    });
    expect(res.status).toBe(400);
  });

  it('answers 413 with the limit for a body over 2 MB', async () => {
    const res = await post('/api/areas/stats', {
      geometry: middle(),
      at: '2009-06-30',
      padding: 'x'.repeat(2_200_000),
    });
    const error = await expectError(res, 413, 'payload_too_large');
    expect(error.message).toContain('2 MB');
  });
});

describe('POST /api/areas/series', () => {
  it('samples the campaign weekly and agrees with /api/areas/stats', async () => {
    const geometry = middle();
    const series = await postJson<{
      days: string[];
      unlicensed: number[];
      progress: number[];
      byStatus: Record<string, number[]>;
    }>('/api/areas/series', { geometry });
    expect(series.days[0]).toBe('2008-01-01');
    expect(series.days.at(-1)).toBe('2010-12-31');
    for (const j of [20, 80, series.days.length - 1]) {
      const s = await postJson<Stats>('/api/areas/stats', { geometry, at: series.days[j] });
      expect(series.unlicensed[j]).toBe(s.unlicensed);
      expect(series.progress[j]).toBeCloseTo(s.progress, 12);
      expect(series.byStatus.pending[j]).toBe(s.byStatus.pending);
    }
  });
});

describe('POST /api/areas/premises', () => {
  type Page = {
    total: number;
    page: number;
    pages: number;
    premises: {
      id: number;
      archiveNo: string;
      name: string;
      category: string;
      village: { name: string };
      status: string;
      unlicensed: boolean;
      address: string;
    }[];
  };

  it('pages through the premises inside, by id, with their state that day', async () => {
    const geometry = middle();
    const stats = await postJson<Stats>('/api/areas/stats', { geometry, at: '2010-06-30' });
    const first = await postJson<Page>('/api/areas/premises', {
      geometry,
      at: '2010-06-30',
      page: 1,
      pageSize: 10,
    });
    expect(first.total).toBe(stats.surveyed);
    expect(first.pages).toBe(Math.ceil(stats.surveyed / 10));
    expect(first.premises).toHaveLength(10);
    const p = first.premises[0];
    expect(p.archiveNo).toMatch(/^DQ/);
    expect(p.name.length).toBeGreaterThan(0);
    expect(p.village.name.length).toBeGreaterThan(0);
    expect(STATUS_KEYS).toContain(p.status);
    const second = await postJson<Page>('/api/areas/premises', {
      geometry,
      at: '2010-06-30',
      page: 2,
      pageSize: 10,
    });
    expect(second.premises[0].id).toBeGreaterThan(first.premises[9].id);
    const unlicensed = (
      await postJson<Page>('/api/areas/premises', { geometry, at: '2010-06-30', pageSize: 500 })
    ).premises;
    expect(unlicensed.filter((x) => x.unlicensed).length).toBe(Math.min(stats.unlicensed, 500));
  });

  it('refuses pages of more than 500', async () => {
    const error = await expectError(
      await post('/api/areas/premises', { geometry: middle(), at: '2010-06-30', pageSize: 501 }),
      400,
      'bad_request',
    );
    expect(error.message).toContain('500');
  });
});

describe('POST /api/areas/premises.csv', () => {
  it('exports the premises inside as UTF-8 CSV with a BOM, formulas neutralised', async () => {
    const demo = await demoApp();
    const geometry = middle();
    const res = await demo.app.request('/api/areas/premises.csv', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ geometry, at: '2010-06-30' }),
    });
    const page = (await (
      await demo.app.request('/api/areas/premises', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ geometry, at: '2010-06-30', pageSize: 1 }),
      })
    ).json()) as { total: number; premises: { id: number }[] };
    demo.db
      .prepare('UPDATE premises SET name = \'=HYPERLINK("http://x")\' WHERE id = ?')
      .run(page.premises[0].id);
    expect(res.headers.get('Content-Type')).toContain('text/csv');
    expect(res.headers.get('Content-Disposition')).toContain("filename*=UTF-8''");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    // (TextDecoder drops the BOM checked above)
    expect(lines[0]).toBe('档案编号,名称,行业,所属村社区,状态,无证照,地址');
    expect(lines).toHaveLength(page.total + 1);
    const again = await demo.app.request('/api/areas/premises.csv', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ geometry, at: '2010-06-30' }),
    });
    expect(await again.text()).toContain(`'=HYPERLINK(""http://x"")`);
  });
});

describe('two neighbouring villages sent as one MultiPolygon, as QGIS writes a selection', () => {
  type Repaired = {
    dissolved: boolean;
    partsBefore: number;
    partsAfter: number;
    message: string;
    messageZh: string;
  };
  type Village = GeoJSON.Feature<GeoJSON.Polygon, { id: number; name: string }>;

  /** The first two villages whose outlines have an edge in common (the same two positions). */
  const neighbours = (): [Village, Village] => {
    const list = villages.features as Village[];
    const edges = (v: Village) => {
      const ring = v.geometry.coordinates[0];
      return new Set(ring.slice(1).map((q, i) => [ring[i].join(), q.join()].sort().join('|')));
    };
    for (const [i, a] of list.entries()) {
      const own = edges(a);
      const b = list.slice(i + 1).find((v) => [...edges(v)].some((e) => own.has(e)));
      if (b) return [a, b];
    }
    throw new Error('no two villages share an edge');
  };
  const both = () => {
    const [a, b] = neighbours();
    const geometry = {
      type: 'MultiPolygon',
      coordinates: [a.geometry.coordinates, b.geometry.coordinates],
    };
    return { a, b, geometry };
  };

  it('answers 200, says the parts were merged, and counts what the two villages hold', async () => {
    const { a, b, geometry } = both();
    const at = '2010-06-30';
    const s = await postJson<Stats & { repaired: Repaired }>('/api/areas/stats', { geometry, at });
    expect(s.repaired).toMatchObject({ dissolved: true, partsBefore: 2, partsAfter: 1 });
    expect(s.repaired.message).toBe('2 touching or overlapping parts dissolved into 1');
    expect(s.repaired.messageZh).toBe('2个相邻或重叠的部分已合并为一个区域');
    const [va, vb] = await Promise.all(
      [a, b].map((v) => getJson<Stats>(app, `/api/stats?village=${v.properties.id}&at=${at}`)),
    );
    expect(va.surveyed + vb.surveyed).toBeGreaterThan(0);
    expect(s.surveyed).toBe(va.surveyed + vb.surveyed);
    expect(s.unlicensed).toBe(va.unlicensed + vb.unlicensed);
    // the neighbours the merged outline touches are listed too, holding none of the premises
    const others = Object.entries(s.byVillage).filter(
      ([id]) => ![a, b].some((v) => String(v.properties.id) === id),
    );
    expect(others.every(([, g]) => g.surveyed === 0)).toBe(true);
    expect(s.byVillage[String(a.properties.id)].surveyed).toBe(va.surveyed);
  });

  it('says so in the series, the premises list and the CSV too', async () => {
    const { geometry } = both();
    const series = await postJson<{ repaired: Repaired }>('/api/areas/series', { geometry });
    expect(series.repaired).toMatchObject({ dissolved: true, partsAfter: 1 });
    const page = await postJson<{ total: number; repaired: Repaired }>('/api/areas/premises', {
      geometry,
      at: '2010-06-30',
    });
    expect(page.repaired).toMatchObject({ dissolved: true, partsAfter: 1 });
    const s = await postJson<Stats>('/api/areas/stats', { geometry, at: '2010-06-30' });
    expect(page.total).toBe(s.surveyed);
    const csv = await post('/api/areas/premises.csv', { geometry, at: '2010-06-30' });
    expect(csv.status).toBe(200);
    expect(JSON.parse(csv.headers.get('X-Area-Repaired') ?? 'null')).toMatchObject({
      dissolved: true,
      partsBefore: 2,
      partsAfter: 1,
    });
  });

  it('saves the merged shape, and says so on create and on update', async () => {
    const { app: own } = await demoApp();
    const { geometry } = both();
    const send = (path: string, body: unknown, method: string) =>
      own.request(path, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const res = await send('/api/areas', { name: '两村', reason: 'other', geometry }, 'POST');
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: number; geometry: GeoJSON.Geometry; repaired: Repaired };
    expect(created.repaired).toMatchObject({ dissolved: true, partsAfter: 1 });
    expect(created.geometry.type).toBe('Polygon');
    const stored = await getJson<{ geometry: GeoJSON.Geometry; repaired?: Repaired }>(
      own,
      `/api/areas/${created.id}`,
    );
    expect(stored.geometry).toEqual(created.geometry);
    expect(stored.repaired).toBeUndefined();
    const renamed = (await (await send(`/api/areas/${created.id}`, { name: '改名' }, 'PUT')).json()) as {
      repaired?: Repaired;
    };
    expect(renamed.repaired).toBeUndefined();
    const reshaped = (await (await send(`/api/areas/${created.id}`, { geometry }, 'PUT')).json()) as {
      repaired: Repaired;
    };
    expect(reshaped.repaired).toMatchObject({ dissolved: true, partsAfter: 1 });
  });

  it('leaves out `repaired` when nothing was mended', async () => {
    const s = await postJson<Stats & { repaired?: Repaired }>('/api/areas/stats', {
      geometry: middle(),
      at: '2010-06-30',
    });
    expect(s.repaired).toBeUndefined();
  });
});

describe('/api/areas CRUD', () => {
  const area = () => ({
    name: '丁桥大道沿线',
    reason: 'unlicensed_hotspot',
    note: '无证餐饮集中',
    activeFrom: '2009-01-01',
    activeTo: '2010-12-31',
    geometry: middle(),
  });

  it('creates, lists with headline numbers, reads, edits and deletes an area', async () => {
    const { app: own, db } = await demoApp();
    const send = (path: string, body: unknown, method = 'POST') =>
      own.request(path, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const res = await send('/api/areas', area());
    expect(res.status).toBe(201);
    const created = (await res.json()) as {
      id: number;
      name: string;
      areaKm2: number;
      headline: { surveyed: number };
    };
    expect(created).toMatchObject({
      name: '丁桥大道沿线',
      reason: 'unlicensed_hotspot',
      activeFrom: '2009-01-01',
    });
    expect(created.headline.surveyed).toBeGreaterThan(0);

    const list = await getJson<{ at: string; areas: { id: number; headline: { surveyed: number } }[] }>(
      own,
      '/api/areas?at=2008-01-01',
    );
    expect(list.at).toBe('2008-01-01');
    expect(list.areas.map((a) => a.id)).toEqual([created.id]);
    expect(list.areas[0].headline.surveyed).toBeLessThan(created.headline.surveyed);
    expect((await getJson<{ at: string }>(own, '/api/areas')).at).toBe('2010-12-31');

    const stats = await getJson<Stats>(own, `/api/areas/${created.id}/stats?at=2010-12-31`);
    expect(stats.surveyed).toBe(created.headline.surveyed);
    expect((await own.request(`/api/areas/${created.id}/series`)).status).toBe(200);
    expect((await own.request(`/api/areas/${created.id}/premises?at=2010-06-30&page=1`)).status).toBe(200);
    expect((await own.request(`/api/areas/${created.id}/premises.csv`)).status).toBe(200);

    const [w, s] = box;
    const edited = await send(
      `/api/areas/${created.id}`,
      { name: '新名称', geometry: rect(w, s, w + 0.01, s + 0.01) },
      'PUT',
    );
    expect(edited.status).toBe(200);
    const after = (await edited.json()) as { name: string; note: string; areaKm2: number };
    expect(after).toMatchObject({ name: '新名称', note: '无证餐饮集中' });
    expect(after.areaKm2).not.toBeCloseTo(created.areaKm2, 3);
    expect((await getJson<{ name: string }>(own, `/api/areas/${created.id}`)).name).toBe('新名称');

    expect((await own.request(`/api/areas/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectError(await own.request(`/api/areas/${created.id}`), 404, 'not_found');
    const audit = db.prepare("SELECT action FROM audit_log WHERE entity = 'area' ORDER BY id").pluck().all();
    expect(audit).toEqual(['create', 'update', 'delete']);
  });

  it('answers 404 for unknown ids', async () => {
    await expectError(await app.request('/api/areas/99999'), 404, 'not_found');
    await expectError(await app.request('/api/areas/99999/stats'), 404, 'not_found');
    await expectError(await post('/api/areas/99999', { name: 'x' }, 'PUT'), 404, 'not_found');
    await expectError(await app.request('/api/areas/99999', { method: 'DELETE' }), 404, 'not_found');
  });

  it.each([
    ['an empty name', { name: '  ' }, /^name: the name must not be empty/],
    [
      'an unknown reason',
      { reason: 'whim' },
      /^reason: expected one of concentration, unlicensed_hotspot, other/,
    ],
    ['a bad date', { activeFrom: '2009-13-01' }, /^activeFrom: expected a real date as YYYY-MM-DD/],
    [
      'an end before the start',
      { activeFrom: '2010-01-01', activeTo: '2009-12-31' },
      /^activeTo: 2009-12-31 is before activeFrom 2010-01-01/,
    ],
    ['an invalid shape', { geometry: { type: 'Point', coordinates: [120.2, 30.3] } }, /got Point/],
  ])('refuses to save %s', async (_name, change, message) => {
    const res = await post('/api/areas', { ...area(), ...change });
    const body = (await res.json()) as ErrorBody;
    expect(res.status).toBe(400);
    expect(body.error.message).toMatch(message);
    expect((await getJson<{ areas: unknown[] }>(app, '/api/areas')).areas).toEqual([]);
  });
});

describe('when the record changes', () => {
  it('counts from the model as it now is', async () => {
    const { app: own, ctx } = await demoApp();
    const geometry = middle();
    const body = JSON.stringify({ geometry, at: '2010-06-30' });
    const ask = async () =>
      (await (
        await own.request('/api/areas/stats', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
        })
      ).json()) as Stats;
    const before = await ask();
    const list = (await (
      await own.request('/api/areas/premises', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ geometry, at: '2010-06-30', pageSize: 500 }),
      })
    ).json()) as { premises: { id: number; status: string }[] };
    const open = list.premises.find((p) => p.status !== 'closed' && p.status !== 'converted');
    if (!open) throw new Error('no operating premise inside');
    const res = await own.request(`/api/premises/${open.id}/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ date: '2010-06-01', type: 'closed' }),
    });
    expect(res.status).toBe(201);
    expect(ctx.model.version).toBeGreaterThan(0);
    const after = await ask();
    expect(after.byStatus.closed).toBe(before.byStatus.closed + 1);
    expect(after.surveyed).toBe(before.surveyed);
  });
});
