import { beforeAll, describe, expect, it } from 'vitest';
import { districtApp } from '../../../tests/helpers/district';
import { accountToken, actingAs, getJson } from '../../../tests/helpers/test-app';
import { listTownships, listVillages } from '../db/geography';

type Township = {
  id: number;
  code: string;
  name: string;
  surveyed: number;
  unlicensed: number;
  progress: number;
  rank: number;
  bbox: [number, number, number, number];
};
type Townships = { at: string; townships: Township[] };
type Stats = {
  surveyed: number;
  unlicensed: number;
  progress: number;
  byStatus: Record<string, number>;
  byVillage: Record<string, { surveyed: number; unlicensed: number }>;
};

let district: Awaited<ReturnType<typeof districtApp>>;
const AT = '2009-06-30';

beforeAll(async () => {
  district = await districtApp();
});

describe('GET /api/townships: the district rolled up', () => {
  it('ranks every township by progress, its figures summed from its villages', async () => {
    const { app, db } = district;
    const { at, townships } = await getJson<Townships>(app, `/api/townships?at=${AT}`);
    expect(at).toBe(AT);
    expect(townships.map((t) => t.code).sort()).toEqual(
      listTownships(db)
        .map((t) => t.code)
        .sort(),
    );
    expect(townships.map((t) => t.rank)).toEqual([1, 2, 3]);
    for (let i = 1; i < townships.length; i++)
      expect(townships[i - 1].progress).toBeGreaterThanOrEqual(townships[i].progress);
    const all = await getJson<Stats>(app, `/api/stats?at=${AT}`);
    expect(townships.reduce((n, t) => n + t.surveyed, 0)).toBe(all.surveyed);
    expect(townships.reduce((n, t) => n + t.unlicensed, 0)).toBe(all.unlicensed);
    for (const t of townships) {
      expect(t.surveyed).toBeGreaterThan(0);
      const villages = listVillages(db).filter((v) => v.townshipId === t.id);
      expect(t.surveyed).toBe(villages.reduce((n, v) => n + (all.byVillage[v.id]?.surveyed ?? 0), 0));
      const [w, s, e, n] = t.bbox;
      expect(w).toBeLessThan(e);
      expect(s).toBeLessThan(n);
    }
  });

  it('filters /api/stats, its series and /api/villages to one township, keys unchanged', async () => {
    const { app, db } = district;
    const { townships } = await getJson<Townships>(app, `/api/townships?at=${AT}`);
    const t = townships[1];
    const own = new Set(
      listVillages(db)
        .filter((v) => v.townshipId === t.id)
        .map((v) => String(v.id)),
    );
    const one = await getJson<Stats>(app, `/api/stats?at=${AT}&township=${t.id}`);
    expect(one.surveyed).toBe(t.surveyed);
    expect(one.unlicensed).toBe(t.unlicensed);
    expect(one.progress).toBeCloseTo(t.progress, 12);
    expect(new Set(Object.keys(one.byVillage))).toEqual(own);
    const villages = await getJson<GeoJSON.FeatureCollection>(app, `/api/villages?township=${t.id}`);
    expect(new Set(villages.features.map((f) => String(f.properties?.id)))).toEqual(own);
    expect(villages.features.every((f) => f.properties?.townshipId === t.id)).toBe(true);
    const series = await getJson<{ days: string[]; surveyed: number[] }>(
      app,
      `/api/stats/series?township=${t.id}`,
    );
    const whole = await getJson<{ days: string[]; surveyed: number[] }>(app, '/api/stats/series');
    expect(series.days).toEqual(whole.days);
    expect(series.surveyed.at(-1)).toBeLessThan(whole.surveyed.at(-1) as number);
  });

  it('answers 404 for a township that is not there and 400 for a bad date', async () => {
    const { app } = district;
    for (const path of [`/api/stats?at=${AT}&township=9999`, '/api/villages?township=9999']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { messageZh: string } }).error.messageZh).toContain('9999');
    }
    expect((await app.request('/api/townships?at=2009-02-30')).status).toBe(400);
    expect((await app.request('/api/townships')).status).toBe(400);
  });

  it('shows a village officer only the township of their villages, with their villages’ numbers', async () => {
    const { anonymous, db } = district;
    const { townships } = await getJson<Townships>(district.app, `/api/townships?at=${AT}`);
    const t = townships[2];
    const village = listVillages(db).find((v) => v.townshipId === t.id);
    if (!village) throw new Error('a township without villages');
    const officer = actingAs(
      anonymous,
      accountToken(db, 'officer-1', 'village', { villageCodes: [village.code] }),
    );
    const seen = await getJson<Townships>(officer, `/api/townships?at=${AT}`);
    expect(seen.townships.map((x) => x.id)).toEqual([t.id]);
    const all = await getJson<Stats>(district.app, `/api/stats?at=${AT}`);
    expect(seen.townships[0].surveyed).toBe(all.byVillage[village.id].surveyed);
    const own = await getJson<Stats>(officer, `/api/stats?at=${AT}&township=${t.id}`);
    expect(own.surveyed).toBe(all.byVillage[village.id].surveyed);
    const other = await getJson<Stats>(officer, `/api/stats?at=${AT}&township=${townships[0].id}`);
    expect(other.surveyed).toBe(0);
  });
});
