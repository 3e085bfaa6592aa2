import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bbox } from '@turf/turf';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR, demoApp, getJson } from '../../../tests/helpers/test-app';
import { createArea } from '../db/areas';
import { listTownships } from '../db/geography';
import { BASEMAP_LAYERS } from '../domain/basemap-style';
import { CATEGORY_CODES } from '../domain/categories';
import { formatDay, todayInChina } from '../domain/dates';
import { MIN_CELL_METERS } from '../domain/display/display-heat-grid';
import { K_ANONYMITY } from '../domain/display/k-anonymity';

type Demo = Awaited<ReturnType<typeof demoApp>>;
type App = Demo['app'];
type Group = { surveyed: number; unlicensed: number; progress: number; byStatus: Record<string, number> };
type Summary = {
  version: number;
  at: string;
  totals: Group;
  byVillage: Record<string, Group>;
  byCategory: Record<string, { surveyed: number; unlicensed: number; progress: number } | null>;
  heat: { cellMeters: number; cells: number[] };
  ticker: { date: string; villageId: number | null; category: string; outcome: string; text: string }[];
  series: { days: string[]; progress: number[] };
  areas: { id: number; surveyed: number; unlicensed: number; progress: number }[];
};
type Replay = {
  days: string[];
  totals: { surveyed: number[]; unlicensed: number[]; progress: number[] };
  byVillage: Record<string, { progress: number[] }>;
  heat: { cellMeters: number; cells: number[]; frames: number[][] };
  ticker: { frame: number; date: string; text: string }[];
  areas: { id: number; surveyed: (number | null)[] }[];
};

const post = (app: App, path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Reads server-sent events from a streaming response until `until` matches one; then cancels. */
async function readEvents(
  res: Response,
  until: (event: string) => boolean,
  timeoutMs = 3000,
): Promise<string> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((ok) => setTimeout(() => ok(null), deadline - Date.now())),
      ]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
      if (text.split('\n\n').some(until)) return text;
    }
    throw new Error(`no matching event within ${timeoutMs} ms; got:\n${text}`);
  } finally {
    await reader.cancel();
  }
}

let demo: Demo;
let app: App;
/** The same app with nobody signed in: the screen's endpoints need no sign-in. */
let pub: App;

beforeAll(async () => {
  demo = await demoApp();
  app = demo.app;
  pub = demo.anonymous;
});

describe('GET /api/display/*: shapes', () => {
  it('summarises a day with the same counts as /api/stats, for every village and category', async () => {
    const s = await getJson<Summary>(pub, '/api/display/summary?at=2009-06-30');
    const stats = await getJson<
      Group & { byVillage: Record<string, Group>; byCategory: Record<string, Group> }
    >(app, '/api/stats?at=2009-06-30');
    expect(s.at).toBe('2009-06-30');
    expect(s.totals).toEqual({
      surveyed: stats.surveyed,
      unlicensed: stats.unlicensed,
      progress: stats.progress,
      byStatus: stats.byStatus,
    });
    expect(Object.keys(s.byVillage).sort()).toEqual(Object.keys(stats.byVillage).sort());
    expect(s.byVillage['3']).toEqual(stats.byVillage['3']);
    expect(Object.keys(s.byCategory).sort()).toEqual([...CATEGORY_CODES].sort());
    for (const code of CATEGORY_CODES) {
      const { surveyed, unlicensed, progress } = stats.byCategory[code];
      expect(s.byCategory[code], code).toEqual(
        surveyed < K_ANONYMITY ? null : { surveyed, unlicensed, progress: expect.closeTo(progress, 4) },
      );
    }
    // merged cells gather most of the unlicensed; the few left scattered in no cell are not shown
    const heatTotal = s.heat.cells.filter((_, i) => i % 4 === 3).reduce((a, b) => a + b, 0);
    expect(heatTotal).toBeLessThanOrEqual(stats.unlicensed);
    expect(heatTotal).toBeGreaterThan(0.8 * stats.unlicensed);
    expect(s.series.days.at(-1)).toBe('2009-06-30');
    expect(s.series.progress.at(-1)).toBeCloseTo(stats.progress, 3);
  });

  it('tells the latest outcomes without names, newest first', async () => {
    const s = await getJson<Summary>(pub, '/api/display/summary?at=2009-06-30');
    expect(s.ticker.length).toBeGreaterThan(3);
    expect(s.ticker.length).toBeLessThanOrEqual(12);
    const dates = s.ticker.map((t) => t.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.every((d) => d <= '2009-06-30')).toBe(true);
    for (const t of s.ticker)
      expect(t.text).toMatch(
        /^(\S+(村|社区)|本镇) 一家\S+ (完成整改|规范提升|评为示范点|依法关停|转产转化)$/,
      );
    expect(s.ticker.some((t) => t.villageId !== null)).toBe(true);
  });

  it('shows the last recorded day of a finished campaign when no date is given (live mode)', async () => {
    // The demo's records stop at its end (2010-12-31); today's state would show every licence lapsed since.
    expect(formatDay(todayInChina())).not.toBe('2010-12-31');
    const s = await getJson<Summary>(pub, '/api/display/summary');
    const end = await getJson<Summary>(pub, '/api/display/summary?at=2010-12-31');
    expect(s.at).toBe('2010-12-31');
    expect(s.totals).toEqual(end.totals);
    expect(s.totals.surveyed).toBeGreaterThan(1000);
    expect(s.series.days.at(-1)).toBe('2010-12-31');
  });

  it('answers 400 for an impossible date', async () => {
    expect((await pub.request('/api/display/summary?at=2009-02-30')).status).toBe(400);
  });

  it('plays the campaign as weekly frames that end on the state of its last day', async () => {
    const r = await getJson<Replay>(pub, '/api/display/replay');
    const n = r.days.length;
    expect(r.days[0]).toBe('2008-01-01');
    expect(r.days.at(-1)).toBe('2010-12-31');
    expect(r.totals.progress).toHaveLength(n);
    expect(r.heat.frames).toHaveLength(n);
    expect(Object.values(r.byVillage).every((v) => v.progress.length === n)).toBe(true);
    const end = await getJson<Summary>(pub, '/api/display/summary?at=2010-12-31');
    expect(r.totals.surveyed.at(-1)).toBe(end.totals.surveyed);
    expect(r.totals.unlicensed.at(-1)).toBe(end.totals.unlicensed);
    const lastHeat = r.heat.frames[n - 1].flatMap((_, i, f) =>
      i % 2 === 0 ? [...r.heat.cells.slice(3 * f[i], 3 * f[i] + 3), f[i + 1]] : [],
    );
    expect(lastHeat).toEqual(end.heat.cells);
    expect(r.ticker.length).toBeGreaterThan(20);
    expect(r.ticker.every((t) => t.frame >= 0 && t.frame < n && t.date <= r.days[t.frame])).toBe(true);
  });

  it('serves villages with label points and a dark basemap on its own paths', async () => {
    const villages = await getJson<GeoJSON.FeatureCollection>(pub, '/api/display/villages');
    expect(villages.features).toHaveLength(16);
    expect(Object.keys(villages.features[0].properties ?? {}).sort()).toEqual([
      'code',
      'id',
      'kind',
      'label',
      'name',
    ]);
    const style = await getJson<{ sources: Record<string, { data: string }>; layers: { paint: object }[] }>(
      pub,
      '/api/display/basemap/style.json',
    );
    for (const src of Object.values(style.sources)) {
      expect(new URL(src.data).pathname).toMatch(/^\/api\/display\/basemap\/layers\/\w+\.geojson$/);
    }
    expect(style.layers[0].paint).toEqual({ 'background-color': '#050b16' });
    expect((await pub.request('/api/display/basemap/layers/premises.geojson')).status).toBe(400);
  });
});

describe('GET /api/display/stream', () => {
  it('says hello, then tells of a write within the debounce window', async () => {
    const { app, anonymous, ctx } = await demoApp();
    const res = await anonymous.request('/api/display/stream');
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reading = readEvents(res, (e) => e.includes('event: changed'));
    await new Promise((r) => setTimeout(r, 50));
    const id = ctx.model.columns.id[5];
    expect(
      (await post(app, `/api/premises/${id}/events`, { date: '2010-12-30', type: 'closed' })).status,
    ).toBe(201);
    const text = await reading;
    expect(text).toMatch(/^retry: \d+\nevent: hello\ndata: \{"version":0\}\n\n/);
    expect(text).toContain(`event: changed\ndata: {"version":${ctx.model.version}}`);
  });
});

describe('privacy: no display endpoint carries personal data', () => {
  type Row = Record<string, string>;
  const rows = parse(readFileSync(resolve(DEMO_DIR, 'premises.csv')), { columns: true, bom: true }) as Row[];

  /** Every text any display endpoint answers with, one area with a personal note included. */
  async function everyDisplayPayload(): Promise<Map<string, string>> {
    const { app, anonymous, db, ctx } = await demoApp();
    const [w, s, e, n] = bbox(listTownships(db)[0].geometry);
    const ring = (x0: number, y0: number, x1: number, y1: number) => [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ];
    const big = createArea(db, {
      name: '中部集中区',
      reason: 'concentration',
      note: `联系 ${rows[0].经营者} ${rows[0].联系电话}`,
      activeFrom: null,
      activeTo: null,
      geometry: { type: 'Polygon', coordinates: ring(w, s, (w + e) / 2, (s + n) / 2) },
    });
    const [lng, lat] = [Number(rows[1].经度), Number(rows[1].纬度)];
    const tiny = createArea(db, {
      name: '单店区域',
      reason: 'other',
      note: rows[1].名称,
      activeFrom: '2008-01-01',
      activeTo: null,
      geometry: { type: 'Polygon', coordinates: ring(lng - 1e-4, lat - 1e-4, lng + 1e-4, lat + 1e-4) },
    });
    const paths = [
      '/api/display/campaign',
      '/api/display/villages',
      '/api/display/areas',
      '/api/display/summary',
      '/api/display/summary?at=2008-06-30',
      '/api/display/summary?at=2009-06-30',
      '/api/display/summary?at=2010-12-31',
      '/api/display/replay',
      '/api/display/basemap/style.json',
      ...BASEMAP_LAYERS.map((l) => `/api/display/basemap/layers/${l}.geojson`),
    ];
    const out = new Map<string, string>();
    for (const path of paths) {
      const res = await anonymous.request(path);
      expect(res.status, path).toBe(200);
      out.set(path, await res.text());
    }
    const stream = await anonymous.request('/api/display/stream');
    const reading = readEvents(stream, (ev) => ev.includes('event: changed'));
    await new Promise((r) => setTimeout(r, 50));
    await post(app, `/api/premises/${ctx.model.columns.id[0]}/events`, { date: '2010-12-30', type: 'model' });
    out.set('/api/display/stream', await reading);
    // the big area is on the screen; the one drawn round a single shop is nowhere, not even its name
    const summary = JSON.parse(out.get('/api/display/summary?at=2010-12-31') as string) as Summary;
    expect(summary.areas.find((a) => a.id === big.id)?.surveyed).toBeGreaterThanOrEqual(K_ANONYMITY);
    expect(out.get('/api/display/areas')).toContain('中部集中区');
    for (const [path, text] of out) expect(text, path).not.toContain('单店区域');
    expect(summary.areas.map((a) => a.id)).not.toContain(tiny.id);
    return out;
  }

  let payloads: Map<string, string>;
  beforeAll(async () => {
    payloads = await everyDisplayPayload();
  });

  const expectAbsent = (what: string, needles: Iterable<string>) => {
    const hits: string[] = [];
    for (const needle of new Set(needles)) {
      for (const [path, text] of payloads)
        if (text.includes(needle)) hits.push(`${what} ${needle} in ${path}`);
    }
    expect(hits).toEqual([]);
  };

  it('has no shop name, archive number, operator, phone or ID number', () => {
    expect(rows).toHaveLength(1200);
    expectAbsent(
      'shop',
      rows.map((r) => r.名称),
    );
    expectAbsent(
      'archive no',
      rows.map((r) => r.档案编号),
    );
    expectAbsent('operator', rows.map((r) => r.经营者).filter(Boolean));
    expectAbsent('phone', rows.map((r) => r.联系电话).filter(Boolean));
    expectAbsent('ID number', rows.map((r) => r.身份证号).filter(Boolean));
    expectAbsent(
      'ID number (last 6)',
      rows.map((r) => r.身份证号.slice(-6)).filter((x) => x.length === 6),
    );
  });

  it('has no house-level address', () => {
    const fragments = rows.flatMap((r) => r.地址.match(/\d+(组|幢|号|弄|室)[\d组幢号弄室商铺]*/g) ?? []);
    expect(fragments.length).toBeGreaterThan(1000);
    expectAbsent(
      'address',
      rows.map((r) => r.地址),
    );
    expectAbsent('address fragment', fragments);
    for (const [path, text] of payloads) expect(text, path).not.toMatch(/\d+\s*(号|幢|组)/);
  });

  it('streams nothing but version numbers', () => {
    const events = (payloads.get('/api/display/stream') as string).split('\n\n').filter(Boolean);
    expect(events.length).toBeGreaterThanOrEqual(2);
    for (const e of events)
      expect(e).toMatch(/^(retry: \d+\n)?event: (hello|changed|ping)\ndata: \{"version":\d+\}$/);
  });

  it('has no exact premise position', () => {
    const coords = rows.flatMap((r) => [r.经度, r.纬度]);
    expectAbsent('coordinate', coords);
    // as JSON would print them, where that still has six decimals
    expectAbsent(
      'coordinate',
      coords.map((c) => String(Number(c))).filter((c) => /\.\d{6}$/.test(c)),
    );
    expectAbsent(
      'position',
      rows.map((r) => `${Number(r.经度)},${Number(r.纬度)}`),
    );
  });

  it('gives positions only as centres of heat cells, 200 m or coarser, each holding enough premises', () => {
    const s = JSON.parse(payloads.get('/api/display/summary?at=2009-06-30') as string) as Summary;
    const r = JSON.parse(payloads.get('/api/display/replay') as string) as Replay;
    const cells = (flat: number[], stride: number) =>
      flat.flatMap((_, i) =>
        i % stride === 0 ? [{ lng: flat[i], lat: flat[i + 1], meters: flat[i + 2] }] : [],
      );
    for (const heat of [
      { cellMeters: s.heat.cellMeters, cells: cells(s.heat.cells, 4) },
      { cellMeters: r.heat.cellMeters, cells: cells(r.heat.cells, 3) },
    ]) {
      expect(heat.cellMeters).toBeGreaterThanOrEqual(MIN_CELL_METERS);
      expect(heat.cells.length).toBeGreaterThan(5);
      // cells of one size lie on one grid: no two closer than their side
      for (const meters of new Set(heat.cells.map((c) => c.meters))) {
        expect([1, 2, 4, 8]).toContain(meters / heat.cellMeters);
        const same = heat.cells.filter((c) => c.meters === meters);
        const lngs = [...new Set(same.map((c) => c.lng))].sort((a, b) => a - b);
        const lats = [...new Set(same.map((c) => c.lat))].sort((a, b) => a - b);
        const minStep = (xs: number[]) => Math.min(Infinity, ...xs.slice(1).map((x, i) => x - xs[i]));
        expect(minStep(lats) * 110_574).toBeGreaterThanOrEqual(meters - 1);
        expect(
          minStep(lngs) * 111_320 * Math.cos((lats.at(-1) as number) * (Math.PI / 180)),
        ).toBeGreaterThanOrEqual(meters - 1);
      }
    }
    expect(s.heat.cells.filter((_, i) => i % 4 === 3).every((n) => n >= K_ANONYMITY)).toBe(true);
  });
});
