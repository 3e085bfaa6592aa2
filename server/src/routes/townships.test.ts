import { beforeAll, describe, expect, it } from 'vitest';
import { decodePremiseCells, decodePremises } from '../../../client/src/lib/premises-binary';
import { districtApp } from '../../../tests/helpers/district';
import { accountToken, actingAs, getJson } from '../../../tests/helpers/test-app';
import { sendJson, upload } from '../../../tests/helpers/upload';
import { listTownships, listVillages } from '../db/geography';
import { K_ANONYMITY } from '../domain/display/k-anonymity';

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
}, 60_000);

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

  it('counts several categories at once, alone or within a township', async () => {
    const { app } = district;
    const { townships } = await getJson<Townships>(app, `/api/townships?at=${AT}`);
    const t = townships[1];
    const one = (code: string, more = '') =>
      getJson<Stats>(app, `/api/stats?at=${AT}&category=${code}${more}`);
    const both = await getJson<Stats>(app, `/api/stats?at=${AT}&categories=grocery,restaurant`);
    expect(both.surveyed).toBe((await one('grocery')).surveyed + (await one('restaurant')).surveyed);
    const inTownship = await getJson<Stats>(
      app,
      `/api/stats?at=${AT}&township=${t.id}&categories=grocery,restaurant`,
    );
    const byOne = async (code: string) => (await one(code, `&township=${t.id}`)).surveyed;
    expect(inTownship.surveyed).toBe((await byOne('grocery')) + (await byOne('restaurant')));
    expect(inTownship.surveyed).toBeLessThan(both.surveyed);
    const series = await getJson<{ surveyed: number[] }>(
      app,
      `/api/stats/series?township=${t.id}&categories=grocery,restaurant`,
    );
    expect(series.surveyed.at(-1)).toBeGreaterThan(0);
    const unknown = await app.request(`/api/stats?at=${AT}&categories=grocery,teahouse`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { messageZh: string } }).error.messageZh).toBe(
      '未找到行业：teahouse',
    );
  });

  it('gives the map layer, its boxes and its cells of one township (a big district drilled into)', async () => {
    const { app } = district;
    const { townships } = await getJson<Townships>(app, `/api/townships?at=${AT}`);
    const t = townships[0];
    const binary = async (path: string) => {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      return res.arrayBuffer();
    };
    const whole = decodePremises(await binary('/api/layers/premises'));
    const one = decodePremises(await binary(`/api/layers/premises?township=${t.id}`));
    const boxed = decodePremises(await binary(`/api/layers/premises?bbox=-180,-90,180,90&township=${t.id}`));
    const cells = decodePremiseCells(await binary(`/api/layers/premises/cells?z=12&township=${t.id}`));
    const wholeCells = decodePremiseCells(await binary('/api/layers/premises/cells?z=12'));
    const stats = await getJson<Stats>(app, `/api/stats?at=${AT}&township=${t.id}`);
    // Every premise of the township is in each, and no other (premises surveyed by the date counted).
    const day = (Date.parse(AT) - Date.parse('2008-01-01')) / 86_400_000;
    let onDay = 0;
    for (let k = 0; k < cells.rowCount; k++)
      if (cells.from[k] <= day && day < cells.to[k]) onDay += cells.count[k];
    expect(onDay).toBe(stats.surveyed);
    expect(one.premiseCount).toBe(cells.premiseCount);
    expect(boxed.premiseCount).toBe(one.premiseCount);
    expect(one.premiseCount).toBeLessThan(whole.premiseCount);
    expect(cells.premiseCount).toBeLessThan(wholeCells.premiseCount);
    expect((await app.request('/api/layers/premises/cells?z=12&township=9999')).status).toBe(404);
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
    // The map layer too: a township names where to look, never more than the account may see.
    const layer = async (query: string) => {
      const res = await officer.request(`/api/layers/premises${query}`);
      expect(res.status).toBe(200);
      return decodePremises(await res.arrayBuffer()).premiseCount;
    };
    const mine = await layer('');
    expect(await layer(`?township=${t.id}`)).toBe(mine);
    expect(await layer(`?township=${townships[0].id}`)).toBe(0);
    expect(await layer(`?bbox=-180,-90,180,90&township=${townships[0].id}`)).toBe(0);
  });
});

describe('the big screen of the district or one township (/api/display/*?township=)', () => {
  type Summary = {
    totals: { surveyed: number; unlicensed: number };
    byVillage: Record<string, unknown>;
    byCategory: Record<string, { surveyed: number } | null>;
    ticker: { villageId: number | null }[];
  };

  it('shows one township alone: its numbers, villages, title and bounds; nobody signed in', async () => {
    const { anonymous, app, db } = district;
    const { townships } = await getJson<Townships>(app, `/api/townships?at=${AT}`);
    const t = townships[0];
    const own = new Set(
      listVillages(db)
        .filter((v) => v.townshipId === t.id)
        .map((v) => String(v.id)),
    );
    const stats = await getJson<Stats>(app, `/api/stats?at=${AT}&township=${t.id}`);
    const one = await getJson<Summary>(anonymous, `/api/display/summary?at=${AT}&township=${t.id}`);
    expect(one.totals.surveyed).toBe(stats.surveyed);
    expect(one.totals.unlicensed).toBe(stats.unlicensed);
    expect(new Set(Object.keys(one.byVillage))).toEqual(own);
    expect(one.ticker.every((x) => x.villageId === null || own.has(String(x.villageId)))).toBe(true);
    // K-anonymity holds inside the township: a trade is told only when it has K premises there.
    for (const g of Object.values(one.byCategory))
      if (g) expect(g.surveyed).toBeGreaterThanOrEqual(K_ANONYMITY);
    const whole = await getJson<Summary>(anonymous, `/api/display/summary?at=${AT}`);
    expect(whole.totals.surveyed).toBeGreaterThan(one.totals.surveyed);

    const villages = await getJson<GeoJSON.FeatureCollection>(
      anonymous,
      `/api/display/villages?township=${t.id}`,
    );
    expect(new Set(villages.features.map((f) => String(f.properties?.id)))).toEqual(own);
    const campaign = await getJson<{ township: string; bbox: number[] }>(
      anonymous,
      `/api/display/campaign?township=${t.id}`,
    );
    expect(campaign.township).toBe(t.name);
    expect(campaign.bbox).toEqual(t.bbox);
    const districtTitle = await getJson<{ township: string }>(anonymous, '/api/display/campaign');
    expect(townships.map((x) => x.name)).not.toContain(districtTitle.township);

    const replay = await anonymous.request(`/api/display/replay?township=${t.id}`);
    expect(replay.status).toBe(200);
    expect((await anonymous.request('/api/display/summary?township=9999')).status).toBe(404);
  });
});

describe('the set-up adds a township over the API (POST /api/setup/townships, then its boundaries)', {
  timeout: 60_000,
}, () => {
  it('names the township, imports its villages into it, and ranks it with the others', async () => {
    const { app } = await districtApp();
    const square = (x: number, y: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 0.01, y],
          [x + 0.01, y + 0.01],
          [x, y + 0.01],
          [x, y],
        ],
      ],
    });
    const villages = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: '330104990001', name: '新一村' },
          geometry: square(120.5, 30.5),
        },
        {
          type: 'Feature',
          properties: { code: '330104990002', name: '新二村' },
          geometry: square(120.51, 30.5),
        },
      ],
    });
    const file = [{ name: 'xinwan.geojson', bytes: villages }];
    // Several townships: a village file must say whose villages it holds.
    const unnamed = await upload(app, '/api/imports/boundaries', file);
    expect(unnamed.status).toBe(422);
    expect(((await unnamed.json()) as { error: { messageZh: string } }).error.messageZh).toContain(
      '所属乡镇',
    );

    const bad = await sendJson(app, 'POST', '/api/setup/townships', { name: '新湾镇', code: '3301' });
    expect(bad.status).toBe(422);
    const added = await sendJson(app, 'POST', '/api/setup/townships', {
      name: '新湾镇',
      code: '330104990000',
    });
    expect(added.status).toBe(201);
    const staged = await upload(app, '/api/imports/boundaries', file, { township: '330104990000' });
    expect(staged.status).toBe(201);
    const { importId, features } = (await staged.json()) as {
      importId: number;
      features: { match: unknown }[];
    };
    expect(features.map((f) => f.match)).toEqual(['new', 'new']);
    const committed = await sendJson(app, 'POST', `/api/imports/boundaries/${importId}/commit`, {});
    expect(committed.status).toBe(200);
    const { townships } = await getJson<Townships>(app, `/api/townships?at=${AT}`);
    const xinwan = townships.find((t) => t.code === '330104990000');
    expect(xinwan?.name).toBe('新湾镇');
    expect(xinwan?.surveyed).toBe(0);
    expect(townships.length).toBe(4);
    const own = await getJson<GeoJSON.FeatureCollection>(app, `/api/villages?township=${xinwan?.id}`);
    expect(own.features.map((f) => f.properties?.name).sort()).toEqual(['新一村', '新二村']);
  });
});
