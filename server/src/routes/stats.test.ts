import { beforeAll, describe, expect, it } from 'vitest';
import { demoApp, getJson } from '../../../tests/helpers/test-app';
import { CATEGORY_CODES } from '../domain/categories';
import { STATUS_KEYS } from '../domain/statuses';

type Stats = {
  at: string;
  surveyed: number;
  unlicensed: number;
  progress: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, { surveyed: number; unlicensed: number }>;
  byVillage: Record<string, { surveyed: number; unlicensed: number; progress: number }>;
};

let app: Awaited<ReturnType<typeof demoApp>>['app'];
let villageIds: number[];

beforeAll(async () => {
  ({ app } = await demoApp());
  const villages = await getJson<GeoJSON.FeatureCollection>(app, '/api/villages');
  villageIds = villages.features.map((f) => Number(f.properties?.id));
});

describe('GET /api/stats', () => {
  it('answers the stable shape with consistent totals', async () => {
    const s = await getJson<Stats>(app, '/api/stats?at=2009-06-30');
    expect(s.at).toBe('2009-06-30');
    expect(Object.keys(s.byStatus).sort()).toEqual([...STATUS_KEYS].sort());
    const byStatusTotal = Object.values(s.byStatus).reduce((a, b) => a + b, 0);
    expect(byStatusTotal).toBe(s.surveyed);
    expect(Object.keys(s.byCategory).sort()).toEqual([...CATEGORY_CODES].sort());
    expect(Object.values(s.byCategory).reduce((a, c) => a + c.surveyed, 0)).toBe(s.surveyed);
    expect(Object.values(s.byCategory).reduce((a, c) => a + c.unlicensed, 0)).toBe(s.unlicensed);
    expect(
      Object.keys(s.byVillage)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([...villageIds].sort((a, b) => a - b));
    expect(Object.values(s.byVillage).reduce((a, v) => a + v.surveyed, 0)).toBe(s.surveyed);
    const done = s.byStatus.compliant + s.byStatus.model + s.byStatus.closed + s.byStatus.converted;
    expect(s.progress).toBeCloseTo(done / s.surveyed, 12);
  });

  it('shows nothing before the campaign and keeps the record after it', async () => {
    const before = await getJson<Stats>(app, '/api/stats?at=2007-06-01');
    expect(before.surveyed).toBe(0);
    expect(before.progress).toBe(0);
    const end = await getJson<Stats>(app, '/api/stats?at=2010-12-31');
    const after = await getJson<Stats>(app, '/api/stats?at=2011-06-30');
    expect(after.surveyed).toBe(end.surveyed);
    expect(end.surveyed).toBeGreaterThan(1000);
  });

  it('tells the rectification story: progress rises and unlicensed falls', async () => {
    const at = (d: string) => getJson<Stats>(app, `/api/stats?at=${d}`);
    const [y1, y2, y3] = await Promise.all([at('2008-12-31'), at('2009-12-31'), at('2010-12-31')]);
    expect(y1.progress).toBeLessThan(y2.progress);
    expect(y2.progress).toBeLessThan(y3.progress);
    expect(y3.unlicensed).toBeLessThan(y1.unlicensed);
    expect(y3.unlicensed).toBeGreaterThan(0);
  });

  it('filters by village and category', async () => {
    const all = await getJson<Stats>(app, '/api/stats?at=2009-06-30');
    const village = villageIds[0];
    const one = await getJson<Stats>(app, `/api/stats?at=2009-06-30&village=${village}`);
    expect(one.surveyed).toBe(all.byVillage[village].surveyed);
    expect(Object.keys(one.byVillage)).toEqual([String(village)]);
    const restaurants = await getJson<Stats>(app, '/api/stats?at=2009-06-30&category=restaurant');
    expect(restaurants.surveyed).toBe(all.byCategory.restaurant.surveyed);
    expect(restaurants.unlicensed).toBe(all.byCategory.restaurant.unlicensed);
  });

  it.each([
    ['2009-02-30', 'impossible date'],
    ['2009-6-30', 'unpadded'],
    ['30/06/2009', 'wrong format'],
    ['', 'empty'],
  ])('answers 400 for at=%s (%s) and says the expected format', async (at) => {
    const res = await app.request(`/api/stats?at=${encodeURIComponent(at)}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain('YYYY-MM-DD');
  });

  it('answers 400 when at is missing', async () => {
    const res = await app.request('/api/stats');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^at:/);
  });

  it('answers 404 for an unknown village or category', async () => {
    expect((await app.request('/api/stats?at=2009-06-30&village=999999')).status).toBe(404);
    expect((await app.request('/api/stats?at=2009-06-30&category=bakery')).status).toBe(404);
  });
});

describe('GET /api/stats/series', () => {
  it('samples every week across the campaign and agrees with /api/stats', async () => {
    const series = await getJson<{
      stepDays: number;
      days: string[];
      byStatus: Record<string, number[]>;
      unlicensed: number[];
      progress: number[];
    }>(app, '/api/stats/series');
    expect(series.stepDays).toBe(7);
    expect(series.days[0]).toBe('2008-01-01');
    expect(series.days.at(-1)).toBe('2010-12-31');
    expect(series.days.length).toBeGreaterThan(150);
    for (const j of [10, 40, 80, 120, series.days.length - 1]) {
      const s = await getJson<Stats>(app, `/api/stats?at=${series.days[j]}`);
      for (const key of STATUS_KEYS) expect(series.byStatus[key][j]).toBe(s.byStatus[key]);
      expect(series.unlicensed[j]).toBe(s.unlicensed);
      expect(series.progress[j]).toBeCloseTo(s.progress, 12);
    }
  });
});
