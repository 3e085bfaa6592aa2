import { beforeAll, describe, expect, it } from 'vitest';
import { demoApp, getJson } from '../../../tests/helpers/test-app';
import { categoryIndex } from '../domain/categories';
import { day, formatDay } from '../domain/dates';
import { K_ANONYMITY } from '../domain/display/k-anonymity';
import { displayAnswers } from './display-answers';
import { groupCounter, insideRows, onRecord, squareRoundShops } from './display-k-anonymity.fixture';

/**
 * DESIGN §6: nothing public describes fewer than K_ANONYMITY premises. Every day of the demo
 * campaign and every replay frame, every group the screen is told about (heat cell, ticker line,
 * key area, a trade's figures) is counted again here straight from the model's columns. Village
 * and township totals are public by design and not checked.
 */

type Demo = Awaited<ReturnType<typeof demoApp>>;
type Cols = Demo['ctx']['model']['columns'];
type Summary = ReturnType<ReturnType<typeof displayAnswers>['summaryOn']>;
type Replay = ReturnType<ReturnType<typeof displayAnswers>['replay']>;
type Line = { date: string; villageId: number | null; category: string; text: string };

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

let demo: Demo;
let cols: Cols;
let groups: ReturnType<typeof groupCounter>;
let villageNames: Map<number, string>;
/** Premise rows inside each key area, by id. */
let areaRows: Map<number, number[]>;
/** Areas drawn round 1, 2 and 4 shops: never to be shown. */
let tooSmall: number[];
/** An area round 5 shops: shown once they are surveyed. */
let justEnough: number;

beforeAll(async () => {
  demo = await demoApp();
  cols = demo.ctx.model.columns;
  groups = groupCounter(cols);
  const taken = new Set<number>();
  const draw = async (k: number) => {
    const res = await demo.app.request('/api/areas', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: `${k}店区域`,
        reason: 'other',
        geometry: squareRoundShops(cols, k, taken),
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  tooSmall = [await draw(1), await draw(2), await draw(4)];
  justEnough = await draw(K_ANONYMITY);
  areaRows = new Map(
    displayAnswers(demo.ctx)
      .areas()
      .map((a) => [a.id, insideRows(cols, a.geometry)]),
  );
  villageNames = new Map(
    (await getJson<GeoJSON.FeatureCollection>(demo.anonymous, '/api/display/villages')).features.map((f) => [
      f.properties?.id as number,
      f.properties?.name as string,
    ]),
  );
});

/** What the checks looked at, so a test that checked nothing cannot pass. */
interface Seen {
  cells: number;
  mergedCells: number;
  villageLines: number;
  townshipLines: number;
  areas: number;
  trades: number;
  tradesWithheld: number;
}
const seen = (): Seen => ({
  cells: 0,
  mergedCells: 0,
  villageLines: 0,
  townshipLines: 0,
  areas: 0,
  trades: 0,
  tradesWithheld: 0,
});

/** Checks the heat of one day: `cells` as [lng, lat, metres, count]; returns the problems found. */
function checkHeat(
  d: number,
  heat: { cellMeters: number; cellDegrees: [number, number] },
  cells: number[][],
  s: Seen,
): string[] {
  const problems: string[] = [];
  const published = new Map(cells.map(([lng, lat, m, n]) => [`${lng},${lat},${m}`, n]));
  const counted = new Map<string, number>();
  const { unlicensed } = onRecord(cols, d);
  const [dLng, dLat] = heat.cellDegrees;
  for (let row = 0; row < cols.count; row++) {
    if (!unlicensed[row]) continue;
    // the finest published cell holding the premise: that is the figure it is part of
    for (const scale of [1, 2, 4, 8]) {
      const [w, h] = [dLng * scale, dLat * scale];
      const cx = round5((Math.floor(cols.lng[row] / w) + 0.5) * w);
      const cy = round5((Math.floor(cols.lat[row] / h) + 0.5) * h);
      const key = `${cx},${cy},${heat.cellMeters * scale}`;
      if (published.has(key)) {
        counted.set(key, (counted.get(key) ?? 0) + 1);
        break;
      }
    }
  }
  for (const [key, n] of published) {
    s.cells++;
    if (!key.endsWith(`,${heat.cellMeters}`)) s.mergedCells++;
    const actual = counted.get(key) ?? 0;
    if (actual < K_ANONYMITY || actual !== n)
      problems.push(`${formatDay(d)} heat cell ${key}: says ${n}, holds ${actual}`);
  }
  return problems;
}

function checkLine(line: Line, s: Seen): string[] {
  const ci = categoryIndex(line.category);
  const d = day(line.date);
  if (line.villageId === null) {
    s.townshipLines++;
    const n = groups.inTownship(ci, d);
    return n >= K_ANONYMITY && line.text.startsWith('本镇 ')
      ? []
      : [`${line.date} 「${line.text}」: ${n} of the trade in the township`];
  }
  s.villageLines++;
  const n = groups.inVillage(line.villageId, ci, d);
  const named = line.text.startsWith(`${villageNames.get(line.villageId)} `);
  return n >= K_ANONYMITY && named ? [] : [`${line.date} 「${line.text}」: ${n} of the trade in the village`];
}

function checkArea(d: number, id: number, surveyed: number, s: Seen): string[] {
  s.areas++;
  const { present } = onRecord(cols, d);
  const n = (areaRows.get(id) ?? []).filter((row) => present[row]).length;
  return n >= K_ANONYMITY && n === surveyed
    ? []
    : [`${formatDay(d)} area ${id}: says ${surveyed}, holds ${n}`];
}

function checkTrade(d: number, code: string, surveyed: number | null, s: Seen): string[] {
  const n = groups.inTownship(categoryIndex(code), d);
  if (surveyed === null) {
    s.tradesWithheld++;
    return n < K_ANONYMITY ? [] : [`${formatDay(d)} ${code}: withheld with ${n}`];
  }
  s.trades++;
  return n >= K_ANONYMITY && n === surveyed ? [] : [`${formatDay(d)} ${code}: says ${surveyed}, holds ${n}`];
}

const SUMMARY_KEYS = ['areas', 'at', 'byCategory', 'byVillage', 'heat', 'series', 'ticker', 'totals'];

/** Every group one day's summary describes, checked; returns the problems found. */
function checkSummary(summary: Summary, s: Seen): string[] {
  // a figure added to the summary must be added here too
  expect(Object.keys(summary).sort()).toEqual(SUMMARY_KEYS);
  const d = day(summary.at);
  const cells: number[][] = [];
  for (let i = 0; i < summary.heat.cells.length; i += 4) cells.push(summary.heat.cells.slice(i, i + 4));
  return [
    ...checkHeat(d, summary.heat, cells, s),
    ...summary.ticker.flatMap((line) => checkLine(line, s)),
    ...summary.areas.flatMap((a) => checkArea(d, a.id, a.surveyed, s)),
    ...Object.entries(summary.byCategory).flatMap(([code, g]) => checkTrade(d, code, g?.surveyed ?? null, s)),
  ];
}

describe(`no public figure describes fewer than ${K_ANONYMITY} premises`, () => {
  it('on every day of the campaign', () => {
    const answers = displayAnswers(demo.ctx);
    const s = seen();
    const problems: string[] = [];
    let days = 0;
    for (let d = demo.ctx.startDay; d <= demo.ctx.endDay; d++, days++) {
      const summary = answers.summaryOn(d);
      problems.push(...checkSummary(summary, s));
      for (const id of tooSmall)
        if (summary.areas.some((a) => a.id === id)) problems.push(`${summary.at}: area ${id} shown`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(days).toBe(1096);
    // the checks saw every kind of group, the ones withheld or merged included
    expect(s.cells).toBeGreaterThan(20_000);
    expect(s.mergedCells).toBeGreaterThan(s.cells / 4);
    expect(s.villageLines).toBeGreaterThan(5000);
    expect(s.townshipLines).toBeGreaterThan(500);
    expect(s.areas).toBeGreaterThan(500);
    expect(s.trades).toBeGreaterThan(5000);
    expect(s.tradesWithheld).toBeGreaterThan(100);
  }, 60_000);

  it('on the replay, frame by frame', async () => {
    const replay = await getJson<Replay & { version: number }>(demo.anonymous, '/api/display/replay');
    const { version: _, ...body } = replay;
    expect(body).toEqual(JSON.parse(JSON.stringify(displayAnswers(demo.ctx).replay())));
    expect(Object.keys(body).sort()).toEqual([
      'areas',
      'byCategory',
      'byVillage',
      'days',
      'heat',
      'stepDays',
      'ticker',
      'totals',
    ]);
    const s = seen();
    const problems: string[] = [];
    replay.days.forEach((date, j) => {
      const d = day(date);
      const f = replay.heat.frames[j];
      const cells: number[][] = [];
      for (let i = 0; i < f.length; i += 2)
        cells.push([...replay.heat.cells.slice(3 * f[i], 3 * f[i] + 3), f[i + 1]]);
      problems.push(...checkHeat(d, replay.heat, cells, s));
      for (const [code, g] of Object.entries(replay.byCategory)) {
        problems.push(...checkTrade(d, code, g.surveyed[j], s));
        if (
          (g.surveyed[j] === null) !== (g.unlicensed[j] === null) ||
          (g.surveyed[j] === null) !== (g.progress[j] === null)
        )
          problems.push(`${date} ${code}: half withheld`);
      }
      for (const a of replay.areas) {
        const n = a.surveyed[j];
        if (n !== null) problems.push(...checkArea(d, a.id, n, s));
        else if (a.unlicensed[j] !== null || a.progress[j] !== null)
          problems.push(`${date} area ${a.id}: half withheld`);
      }
    });
    problems.push(...replay.ticker.flatMap((line) => checkLine(line, s)));
    expect(problems).toEqual([]);
    for (const id of tooSmall) expect(replay.areas.map((a) => a.id)).not.toContain(id);
    expect(replay.areas.map((a) => a.id)).toContain(justEnough);
    expect(s.cells).toBeGreaterThan(2000);
    expect(s.mergedCells).toBeGreaterThan(0);
    expect(s.villageLines + s.townshipLines).toBe(replay.ticker.length);
    expect(s.areas).toBeGreaterThan(50);
    expect(s.tradesWithheld).toBeGreaterThan(10);
  });

  it('over HTTP with nobody signed in, the same answers on a sample of days', async () => {
    const s = seen();
    const problems: string[] = [];
    const answers = displayAnswers(demo.ctx);
    const dates = [
      '2008-01-15',
      '2008-01-31',
      '2008-02-15',
      '2008-03-01',
      '2008-06-30',
      '2009-06-30',
      '2010-12-31',
    ];
    for (const path of [...dates.map((d) => `/api/display/summary?at=${d}`), '/api/display/summary']) {
      const { version: _, ...summary } = await getJson<Summary & { version: number }>(demo.anonymous, path);
      expect(summary, path).toEqual(JSON.parse(JSON.stringify(answers.summaryOn(day(summary.at)))));
      problems.push(...checkSummary(summary, s));
    }
    expect(problems).toEqual([]);
    expect(s.tradesWithheld).toBeGreaterThan(0);
  });

  it('withholds key areas round 1, 2 and 4 shops everywhere, shape and name included', async () => {
    const areas = await getJson<GeoJSON.FeatureCollection>(demo.anonymous, '/api/display/areas');
    const listed = areas.features.map((f) => f.properties?.id as number);
    expect(listed).toEqual([justEnough]);
    const replay = await getJson<Replay>(demo.anonymous, '/api/display/replay');
    // listed only because it is shown on some frame, holding enough then
    const frameDays = replay.days.map(day);
    for (const id of listed) {
      const most = Math.max(
        ...frameDays.map((d) => {
          const { present } = onRecord(cols, d);
          return (areaRows.get(id) ?? []).filter((row) => present[row]).length;
        }),
      );
      expect(most).toBeGreaterThanOrEqual(K_ANONYMITY);
    }
    for (const path of ['/api/display/areas', '/api/display/replay', '/api/display/summary?at=2010-12-31']) {
      const text = await (await demo.anonymous.request(path)).text();
      for (const k of [1, 2, 4]) expect(text, path).not.toContain(`${k}店区域`);
    }
  });
});
