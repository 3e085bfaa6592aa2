import { beforeAll, describe, expect, it } from 'vitest';
import { metricCeilings } from '../../../client/src/lib/choropleth';
import { decodePremiseCells, decodePremises } from '../../../client/src/lib/premises-binary';
import { accountToken, actingAs, demoApp, getJson } from '../../../tests/helpers/test-app';
import { createApp } from '../app';
import { STATUS_KEYS } from '../domain/statuses';
import { newPremise, pointIn, villages } from './premise-writes.fixture';

let booted: Awaited<ReturnType<typeof demoApp>>;
type App = typeof booted.app;

beforeAll(async () => {
  booted = await demoApp();
});

const binary = async (app: App, path: string) => {
  const res = await app.request(path);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.arrayBuffer();
};
const layerOf = async (app: App, query = '') =>
  decodePremises(await binary(app, `/api/layers/premises${query}`));
const cellsOf = async (app: App, query: string) =>
  decodePremiseCells(await binary(app, `/api/layers/premises/cells?${query}`));

/** Days since the campaign start (2008-01-01) of a date. */
const dayOf = (date: string) => (Date.parse(date) - Date.parse('2008-01-01')) / 86_400_000;

/** What the cells show on day d, summed over every cell, by status key. */
function cellTotals(cells: Awaited<ReturnType<typeof cellsOf>>, d: number): Record<string, number> {
  const byStatus = new Array(STATUS_KEYS.length).fill(0);
  for (let k = 0; k < cells.rowCount; k++)
    if (cells.from[k] <= d && d < cells.to[k]) byStatus[cells.status[k]] += cells.count[k];
  return Object.fromEntries(STATUS_KEYS.map((key, i) => [key, byStatus[i]]));
}

describe('GET /api/layers/premises/cells', () => {
  it('sums every premise into cells whose counts on a date are /api/stats on that date', async () => {
    const cells = await cellsOf(booted.app, 'z=13');
    const layer = await layerOf(booted.app);
    expect(cells.premiseCount).toBe(layer.premiseCount);
    expect(cells.cellCount).toBeGreaterThan(5);
    expect(cells.cellCount).toBeLessThan(layer.premiseCount / 5);
    for (const at of ['2008-03-01', '2009-06-30', '2010-12-31']) {
      const stats = await getJson<{ byStatus: Record<string, number>; unlicensed: number }>(
        booted.app,
        `/api/stats?at=${at}`,
      );
      expect(cellTotals(cells, dayOf(at)), at).toEqual(stats.byStatus);
      // The heatmap's rows: the unlicensed premises of the cells on that date.
      let unlicensed = 0;
      for (let k = 0; k < cells.unlicensedRowCount; k++)
        if (cells.unlicensedFrom[k] <= dayOf(at) && dayOf(at) < cells.unlicensedTo[k])
          unlicensed += cells.unlicensedCount[k];
      expect(unlicensed, at).toBe(stats.unlicensed);
    }
    // Zoomed further out, fewer and bigger cells hold the same premises.
    const coarse = await cellsOf(booted.app, 'z=10');
    expect(coarse.cellCount).toBeLessThan(cells.cellCount);
    expect(cellTotals(coarse, dayOf('2009-06-30'))).toEqual(cellTotals(cells, dayOf('2009-06-30')));
  });

  it('keeps to a box, the categories and statuses asked for, and counts in steps of days', async () => {
    const layer = await layerOf(booted.app);
    let [w, s, e, n] = [180, 90, -180, -90];
    for (let i = 0; i < layer.premiseCount; i++) {
      w = Math.min(w, layer.position[2 * i]);
      e = Math.max(e, layer.position[2 * i]);
      s = Math.min(s, layer.position[2 * i + 1]);
      n = Math.max(n, layer.position[2 * i + 1]);
    }
    const westHalf = [w - 0.001, s - 0.001, (w + e) / 2, n + 0.001].join(',');
    const half = await cellsOf(booted.app, `z=13&bbox=${westHalf}`);
    const points = await layerOf(booted.app, `?bbox=${westHalf}`);
    expect(half.premiseCount).toBe(points.premiseCount);
    expect(points.premiseCount).toBeGreaterThan(0);
    expect(points.premiseCount).toBeLessThan(layer.premiseCount);
    for (let i = 0; i < points.premiseCount; i++)
      expect(points.position[2 * i]).toBeLessThanOrEqual((w + e) / 2 + 1e-5);

    const closed = await cellsOf(booted.app, 'z=13&statuses=closed,converted&categories=grocery');
    const totals = cellTotals(closed, dayOf('2010-12-31'));
    expect(totals.closed + totals.converted).toBeGreaterThan(0);
    expect(totals.pending + totals.rectifying + totals.compliant + totals.model).toBe(0);

    const weekly = await cellsOf(booted.app, 'z=13&step=7');
    const daily = await cellsOf(booted.app, 'z=13');
    expect(weekly.rowCount).toBeLessThan(daily.rowCount);
    expect(cellTotals(weekly, dayOf('2009-07-02'))).toEqual(
      cellTotals(daily, 7 * Math.floor(dayOf('2009-07-02') / 7)),
    );
  });

  it("answers a village officer only their villages' premises, as the whole layer does", async () => {
    const { db } = booted;
    const code = String(db.prepare('SELECT code FROM villages ORDER BY id LIMIT 1').pluck().get());
    const officer = actingAs(
      booted.anonymous,
      accountToken(db, 'layers-officer', 'village', { villageCodes: [code] }),
    );
    const theirs = await layerOf(officer);
    const all = await layerOf(booted.app);
    expect(theirs.premiseCount).toBeGreaterThan(0);
    expect(theirs.premiseCount).toBeLessThan(all.premiseCount);
    expect((await cellsOf(officer, 'z=12')).premiseCount).toBe(theirs.premiseCount);
    // The page's village filter on the cells: that village's premises, and only within what the account sees.
    const ids = db.prepare('SELECT id FROM villages ORDER BY id LIMIT 2').pluck().all() as number[];
    const own = await cellsOf(booted.app, `z=12&village=${ids[0]}`);
    expect(own.premiseCount).toBe(theirs.premiseCount);
    const at = '2009-06-30';
    const stats = await getJson<{ byStatus: Record<string, number> }>(
      booted.app,
      `/api/stats?at=${at}&village=${ids[1]}`,
    );
    expect(cellTotals(await cellsOf(booted.app, `z=12&village=${ids[1]}`), dayOf(at))).toEqual(
      stats.byStatus,
    );
    expect((await cellsOf(officer, `z=12&village=${ids[1]}`)).premiseCount).toBe(0);
    expect((await booted.app.request('/api/layers/premises/cells?z=12&village=9999')).status).toBe(404);
    const info = await getJson<{ premiseCount: number; whole: boolean }>(
      officer,
      '/api/layers/premises/info',
    );
    expect(info).toMatchObject({ premiseCount: theirs.premiseCount, whole: true });
    // A box over the whole township holds, for them, only their own premises.
    expect((await layerOf(officer, '?bbox=-180,-90,180,90')).premiseCount).toBe(theirs.premiseCount);
    expect((await booted.anonymous.request('/api/layers/premises/cells?z=12')).status).toBe(401);
  });

  it('answers the same view again from its cache, and a new premise in the next answer', async () => {
    const before = await cellsOf(booted.app, 'z=12&step=7');
    expect((await cellsOf(booted.app, 'z=12&step=7')).premiseCount).toBe(before.premiseCount);
    await newPremise(booted.app, pointIn(villages(booted.db)[0]), { surveyDate: '2010-06-01' });
    expect((await cellsOf(booted.app, 'z=12&step=7')).premiseCount).toBe(before.premiseCount + 1);
  });

  it('refuses a missing zoom, a malformed box and unknown statuses in both languages', async () => {
    for (const [query, field] of [
      ['', 'z'],
      ['z=abc', 'z'],
      ['z=12&bbox=1,2,3', 'bbox'],
      ['z=12&statuses=sleeping', 'statuses'],
      ['z=12&step=0', 'step'],
    ]) {
      const res = await booted.app.request(`/api/layers/premises/cells?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { message: string; messageZh?: string } };
      expect(body.error.message, query).toContain(field);
      expect(body.error.messageZh, query).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await booted.app.request('/api/layers/premises?bbox=west')).status).toBe(400);
  });
});

describe('GET /api/layers/premises/info on a record too big to take whole', () => {
  it("gives the choropleth's ceilings the page would have worked out from the whole layer", async () => {
    const whole = await getJson<{ whole: boolean; ceilings: unknown }>(
      booted.app,
      '/api/layers/premises/info',
    );
    expect(whole).toMatchObject({ whole: true, ceilings: null });
    process.env.PREMISES_WHOLE_LIMIT = '100';
    let big: ReturnType<typeof createApp>;
    try {
      big = actingAs(createApp(booted.ctx), accountToken(booted.db, 'ceilings-admin', 'admin'));
    } finally {
      delete process.env.PREMISES_WHOLE_LIMIT;
    }
    const info = await getJson<{ whole: boolean; ceilings: { density: number; unlicensed: number } }>(
      big,
      '/api/layers/premises/info',
    );
    expect(info.whole).toBe(false);
    const villagesOf = await getJson<GeoJSON.FeatureCollection>(booted.app, '/api/villages');
    const areas = new Map(
      villagesOf.features.map((f) => [f.properties?.id as number, f.properties?.areaKm2 as number]),
    );
    const page = metricCeilings(await layerOf(booted.app), areas);
    expect(info.ceilings.unlicensed).toBe(page.unlicensed);
    expect(info.ceilings.unlicensed).toBeGreaterThan(0);
    // The page's village areas are rounded to 0.001 km²; the server's are not.
    expect(Math.abs(info.ceilings.density - page.density) / page.density).toBeLessThan(1e-3);
  });
});
