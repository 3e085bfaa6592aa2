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
  it('starts with no aliases (the set-up names the region), adds one that then strips a prefix, and deletes it', async () => {
    const { app } = await demoApp();
    const list = await getJson<{ aliases: { id: number; from: string; to: string }[] }>(
      app,
      '/api/geocode/aliases',
    );
    expect(list.aliases).toEqual([]);
    // The campaign's own region: the district's later name and the township's are understood.
    expect(await geocode(app, '上城区丁兰街道大唐村1组23号')).toMatchObject({ method: 'address_point' });
    expect(await geocode(app, '彭埠镇大唐村1组23号')).toMatchObject({ lngLat: null, foreign: '彭埠镇' });

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
