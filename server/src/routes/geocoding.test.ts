import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoApp, getJson } from '../../../tests/helpers/test-app';
import type { GeocodeResult } from '../domain/geocoder/types';

type App = Awaited<ReturnType<typeof demoApp>>;

interface ReviewList {
  total: number;
  offset: number;
  items: {
    premiseId: number;
    address: string;
    villageId: number;
    method: string | null;
    confidence: number;
    conflict: boolean;
    reasons: string[];
    villageInAddress: { id: number; name: string } | null;
    villageAtPoint: { id: number; name: string } | null;
  }[];
}

function send(app: App['app'], method: string, path: string, body?: unknown, type = 'application/json') {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.headers = { 'content-type': type };
    init.body =
      typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
  }
  return app.request(path, init);
}

async function geocode(app: App['app'], address: string) {
  const res = await send(app, 'POST', '/api/geocode', { address });
  expect(res.status).toBe(200);
  return (await res.json()) as GeocodeResult & { normalized: string; parsed: Record<string, unknown> };
}

const countRows = (db: App['db'], table: string) =>
  Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());

describe('POST /api/geocode', () => {
  let app: App['app'];
  beforeAll(async () => {
    ({ app } = await demoApp());
  });

  it('matches a door plate the township knows', async () => {
    const r = await geocode(app, '丁桥镇大唐村一组二十三号');
    expect(r).toMatchObject({
      lngLat: [120.210104, 30.341777],
      method: 'address_point',
      confidence: 0.95,
      matchedText: '大唐村1组23号',
      villageInAddress: { name: '大唐村' },
      villageAtPoint: { name: '大唐村' },
      conflict: false,
      normalized: '丁桥镇大唐村1组23号',
      parsed: { village: '大唐村', group: 1, number: 23, rest: '' },
    });
  });

  it('interpolates along a named road, under the current district and subdistrict names too', async () => {
    const r = await geocode(app, '上城区丁兰街道长睦路300号');
    expect(r).toMatchObject({ method: 'road_interpolation', confidence: 0.8, matchedText: '长睦路300号' });
  });

  it('answers an address it cannot place with a null point', async () => {
    expect(await geocode(app, '火星路1号')).toMatchObject({ lngLat: null, method: null, confidence: 0 });
  });

  it('refuses an empty address, saying what was expected', async () => {
    const res = await send(app, 'POST', '/api/geocode', { address: ' ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: {
        code: 'bad_request',
        message: 'address: expected the address as written, e.g. 丁桥镇大唐村1组23号',
      },
    });
  });
});

describe('GET /api/geocode/reviews', () => {
  let ctx: App;
  beforeAll(async () => {
    ctx = await demoApp();
  });

  it('lists the premises found only by village fallback, lowest confidence first', async () => {
    const fallbacks = countRows(ctx.db, "premises WHERE geocode_method = 'village_fallback'");
    const list = await getJson<ReviewList>(ctx.app, '/api/geocode/reviews?limit=1000');
    expect(list.items.length).toBe(list.total);
    expect(list.items.filter((i) => i.reasons.includes('low_confidence')).length).toBe(fallbacks);
    expect(list.items[0]).toMatchObject({ method: 'village_fallback', confidence: 0.3, conflict: false });
    expect(list.items.every((i) => i.method !== 'manual')).toBe(true);
  });

  it('filters by village and pages', async () => {
    const all = await getJson<ReviewList>(ctx.app, '/api/geocode/reviews?limit=1000');
    const villageId = all.items[0].villageId;
    const one = await getJson<ReviewList>(ctx.app, `/api/geocode/reviews?village=${villageId}`);
    expect(one.items.every((i) => i.villageId === villageId)).toBe(true);
    const page = await getJson<ReviewList>(ctx.app, '/api/geocode/reviews?limit=2&offset=1');
    expect(page.items.map((i) => i.premiseId)).toEqual(all.items.slice(1, 3).map((i) => i.premiseId));
  });

  it('refuses a limit that is not a number', async () => {
    const res = await ctx.app.request('/api/geocode/reviews?limit=lots');
    expect(res.status).toBe(400);
  });
});

describe('POST /api/geocode/reviews/:premiseId', () => {
  it('places the premise by hand, records it, and teaches the gazetteer the address', async () => {
    const { app, db, ctx } = await demoApp();
    const [item] = (await getJson<ReviewList>(app, '/api/geocode/reviews')).items;
    const before = await geocode(app, item.address);
    expect(before.method).toBe('village_fallback');
    const point = before.lngLat as [number, number];
    const target: [number, number] = [point[0] + 0.0003, point[1] + 0.0002];

    const res = await send(app, 'POST', `/api/geocode/reviews/${item.premiseId}`, { lngLat: target });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      premiseId: item.premiseId,
      lngLat: target,
      method: 'manual',
      conflict: false,
      learned: { id: expect.any(Number), plate: expect.stringContaining('号') },
    });

    const row = db.prepare('SELECT lng, lat, geocode_method FROM premises WHERE id = ?').get(item.premiseId);
    expect(row).toEqual({ lng: target[0], lat: target[1], geocode_method: 'manual' });
    const review = db
      .prepare('SELECT status, resolved_lng, resolved_lat, method FROM geocode_reviews WHERE premise_id = ?')
      .get(item.premiseId);
    expect(review).toEqual({
      status: 'resolved',
      resolved_lng: target[0],
      resolved_lat: target[1],
      method: 'village_fallback',
    });
    const audit = db
      .prepare("SELECT before, after FROM audit_log WHERE action = 'geocode_correction' AND entity_id = ?")
      .get(item.premiseId) as { before: string; after: string };
    expect(JSON.parse(audit.before)).toMatchObject({ method: 'village_fallback' });
    expect(JSON.parse(audit.after)).toMatchObject({ lngLat: target, method: 'manual' });

    const row0 = ctx.model.columns.rowOf.get(item.premiseId) as number;
    expect([ctx.model.columns.lng[row0], ctx.model.columns.lat[row0]]).toEqual(target);

    const after = await geocode(app, item.address);
    expect(after).toMatchObject({ lngLat: target, method: 'address_point', confidence: 0.95 });
    const queue = await getJson<ReviewList>(app, '/api/geocode/reviews?limit=1000');
    expect(queue.items.some((i) => i.premiseId === item.premiseId)).toBe(false);
  });

  it('refuses a point outside the township, a bad point and an unknown premise', async () => {
    const { app, db } = await demoApp();
    const [item] = (await getJson<ReviewList>(app, '/api/geocode/reviews')).items;
    const outside = await send(app, 'POST', `/api/geocode/reviews/${item.premiseId}`, {
      lngLat: [121.5, 31.2],
    });
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as { error: { message: string } }).error.message).toBe(
      'lngLat: [121.5, 31.2] is outside every village of the township; place the pin inside the township',
    );
    const bad = await send(app, 'POST', `/api/geocode/reviews/${item.premiseId}`, { lngLat: [120.2] });
    expect(bad.status).toBe(400);
    const missing = await send(app, 'POST', '/api/geocode/reviews/999999', { lngLat: [120.22, 30.34] });
    expect(missing.status).toBe(404);
    expect(countRows(db, `premises WHERE geocode_method = 'manual' AND id = ${item.premiseId}`)).toBe(0);
  });
});

describe('/api/geocode/aliases', () => {
  it('lists the default aliases, adds one that then strips a prefix, and deletes it', async () => {
    const { app } = await demoApp();
    const list = await getJson<{ aliases: { id: number; from: string; to: string }[] }>(
      app,
      '/api/geocode/aliases',
    );
    expect(list.aliases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: '江干区', to: '上城区' }),
        expect.objectContaining({ from: '丁桥镇', to: '丁兰街道' }),
      ]),
    );
    expect((await geocode(app, '彭埠镇大唐村1组23号')).method).not.toBe('address_point');

    const created = await send(app, 'POST', '/api/geocode/aliases', { from: '彭埠镇', to: '丁兰街道' });
    expect(created.status).toBe(201);
    const alias = (await created.json()) as { id: number };
    expect(await geocode(app, '彭埠镇大唐村1组23号')).toMatchObject({ method: 'address_point' });

    const again = await send(app, 'POST', '/api/geocode/aliases', { from: '彭埠镇', to: '九堡街道' });
    expect(again.status).toBe(409);

    expect((await send(app, 'DELETE', `/api/geocode/aliases/${alias.id}`)).status).toBe(200);
    expect((await send(app, 'DELETE', `/api/geocode/aliases/${alias.id}`)).status).toBe(404);
    expect((await geocode(app, '彭埠镇大唐村1组23号')).method).not.toBe('address_point');
  });

  it('makes a former village name match the village', async () => {
    const { app } = await demoApp();
    await send(app, 'POST', '/api/geocode/aliases', { from: '老唐村', to: '大唐村' });
    expect(await geocode(app, '老唐村1组23号')).toMatchObject({
      method: 'address_point',
      matchedText: '大唐村1组23号',
    });
  });

  it('refuses an alias to itself or with digits', async () => {
    const { app } = await demoApp();
    const same = await send(app, 'POST', '/api/geocode/aliases', { from: '上城区', to: '上城区' });
    expect(same.status).toBe(400);
    expect(await same.json()).toMatchObject({ error: { message: 'to: from and to are the same name' } });
    expect((await send(app, 'POST', '/api/geocode/aliases', { from: '3号区', to: '上城区' })).status).toBe(
      400,
    );
  });
});

describe('POST /api/geocode/address-points', () => {
  const csv = [
    '村/社区,组,路,号,经度,纬度',
    '沿山村,9,,88,120.2482,30.3769',
    ',,长睦路,999,120.2361,30.3491',
  ].join('\r\n');

  it('imports a UTF-8 CSV, and the plates are matched at once', async () => {
    const { app, db } = await demoApp();
    const res = await send(app, 'POST', '/api/geocode/address-points', csv, 'text/csv');
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      imported: 2,
      format: 'csv',
      encoding: 'utf-8',
      crs: ['WGS84'],
      assumedWgs84: 2,
    });
    expect(countRows(db, "address_points WHERE source = 'import'")).toBe(2);
    expect(await geocode(app, '丁桥镇沿山村九组八十八号')).toMatchObject({
      method: 'address_point',
      lngLat: [120.2482, 30.3769],
    });
    expect(await getJson(app, '/api/geocode/address-points')).toEqual({
      count: { import: 2, correction: 0 },
    });
  });

  it('reads a GBK CSV from a form upload', async () => {
    const { app } = await demoApp();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(iconv.encode(csv, 'gbk'))]), '门牌.csv');
    const res = await app.request('/api/geocode/address-points', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ imported: 2, encoding: 'gb18030' });
  });

  it('imports GeoJSON points', async () => {
    const { app } = await demoApp();
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 路: '同协路', 号: 5 },
          geometry: { type: 'Point', coordinates: [120.24, 30.35] },
        },
      ],
    };
    const res = await send(app, 'POST', '/api/geocode/address-points', fc, 'application/geo+json');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ imported: 1, format: 'geojson' });
  });

  it('imports nothing when a row is wrong, and says which row, which column, what was expected', async () => {
    const { app, db } = await demoApp();
    const bad = `${csv}\r\n火星村,1,,1,120.24,30.35\r\n沿山村,1,,x,120.24,30.35`;
    const res = await send(app, 'POST', '/api/geocode/address-points', bad, 'text/csv');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; details: unknown[] } };
    expect(body.error.code).toBe('invalid_rows');
    expect(body.error.message).toMatch(
      /^2 problems in the file; nothing was imported\. First: row 4, column 村\/社区: unknown village/,
    );
    expect(body.error.details).toEqual([
      expect.objectContaining({ row: 4, column: '村/社区' }),
      { row: 5, column: '号', message: 'expected a door number such as 23 or 23号; got "x"' },
    ]);
    expect(countRows(db, 'address_points')).toBe(0);
  });

  it('refuses a file over the size limit', async () => {
    const { app } = await demoApp();
    const huge = `${csv}\r\n${'沿山村,1,,1,120.24,30.35\r\n'.repeat(800_000)}`;
    const res = await send(app, 'POST', '/api/geocode/address-points', huge, 'text/csv');
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('refuses what is not an address file', async () => {
    const { app } = await demoApp();
    expect((await send(app, 'POST', '/api/geocode/address-points', '<x/>', 'application/xml')).status).toBe(
      415,
    );
    const broken = await send(app, 'POST', '/api/geocode/address-points', '{"type":', 'application/json');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toContain(
      'not valid JSON',
    );
  });
});
