import { describe, expect, it } from 'vitest';
import type { DisplayReplayResponse, DisplaySummaryResponse } from './display-api';
import { frameFromSummary, HOT_SPOT_COUNT, ReplayFrames, TICKER_ROWS } from './display-frame';

const byStatus = (n: number) => ({
  pending: n,
  rectifying: 0,
  compliant: 0,
  model: 0,
  closed: 0,
  converted: 0,
});
const group = (n: number) => ({ surveyed: n, unlicensed: n, progress: 0, byStatus: byStatus(n) });
const series = (xs: number[]) => ({
  surveyed: xs,
  unlicensed: xs,
  progress: xs.map(() => 0),
  byStatus: { pending: xs, rectifying: xs, compliant: xs, model: xs, closed: xs, converted: xs },
});

const replay = {
  version: 4,
  stepDays: 7,
  days: ['2008-01-01', '2008-01-08', '2008-01-15'],
  totals: series([1, 2, 3]),
  byVillage: { '7': series([1, 1, 2]) },
  byCategory: {
    grocery: { surveyed: [null, 5, 6], unlicensed: [null, 2, 3], progress: [null, 0, 0.5] },
  },
  heat: {
    cellMeters: 200,
    cellDegrees: [0.002, 0.002],
    // a 200 m cell and a 400 m one, whose count is shared by the four 200 m cells it covers
    cells: [120.1, 30.1, 200, 120.2, 30.2, 400],
    frames: [
      [0, 5],
      [0, 5, 1, 8],
      [1, 60],
    ],
  },
  ticker: Array.from({ length: 10 }, (_, i) => ({
    date: '2008-01-08',
    villageId: 7,
    category: 'grocery' as const,
    outcome: 'closed' as const,
    text: `t${i}`,
    textEn: `e${i}`,
    frame: i < 9 ? 1 : 2,
  })),
  areas: [{ id: 1, surveyed: [null, 5, 6], unlicensed: [null, 1, 1], progress: [null, 0.2, 0.5] }],
} as DisplayReplayResponse;

describe('ReplayFrames', () => {
  const frames = new ReplayFrames(replay);

  it('builds a frame from the columns, heat dense over the shared cells', () => {
    const f = frames.frame(2);
    expect(f.at).toBe('2008-01-15');
    expect(f.totals.surveyed).toBe(3);
    expect(f.byVillage.get(7)?.byStatus.pending).toBe(2);
    // a cell's heat is √(count per 200 m cell): 60 over four is √15 on each
    const weights = (j: number) => [...frames.frame(j).heat.attributes.getWeight.value];
    expect(weights(2)).toEqual([0, 15, 15, 15, 15].map((x) => Math.fround(Math.sqrt(x))));
    expect(weights(1)).toEqual([5, 2, 2, 2, 2].map((x) => Math.fround(Math.sqrt(x))));
    expect(f.heat.attributes.getPosition.value).toBe(frames.frame(0).heat.attributes.getPosition.value);
    // how hot against a hot spot of HOT_SPOT_COUNT in one 200 m cell
    expect(f.heatScale).toBe(1);
    expect(frames.frame(0).heatScale).toBeCloseTo(Math.sqrt(5 / HOT_SPOT_COUNT));
    expect(f.byCategory.grocery).toEqual({ surveyed: 6, unlicensed: 3, progress: 0.5 });
    expect(f.series.length).toBe(3);
    expect(f.areas.get(1)).toEqual({ surveyed: 6, unlicensed: 1, progress: 0.5 });
  });

  it('shows neither a trade nor a key area on the frames they are withheld', () => {
    const f = frames.frame(0);
    expect(f.byCategory.grocery).toBeNull();
    expect(f.areas.has(1)).toBe(false);
  });

  it('shows the newest outcomes up to the frame, newest first, capped', () => {
    expect(frames.frame(0).ticker).toEqual([]);
    const t = frames.frame(2).ticker;
    expect(t).toHaveLength(TICKER_ROWS);
    expect(t[0].text).toBe('t9');
    expect(frames.frame(1).ticker[0].text).toBe('t8');
  });

  it('hands back the same frame object every loop', () => {
    expect(frames.frame(1)).toBe(frames.frame(1));
  });
});

describe('frameFromSummary', () => {
  it('splits heat cells into positions and weights and keys repeated sentences apart', () => {
    const item = {
      date: '2009-01-01',
      villageId: 7,
      category: 'grocery',
      outcome: 'closed',
      text: 'a',
      textEn: 'a',
    };
    const f = frameFromSummary({
      version: 1,
      at: '2009-01-01',
      totals: group(3),
      byVillage: { '7': group(3) },
      byCategory: {},
      heat: {
        cellMeters: 200,
        cellDegrees: [0.002, 0.002],
        cells: [120.1, 30.1, 200, 7, 120.2, 30.2, 200, 5],
      },
      ticker: [item, item],
      series: { stepDays: 7, days: ['2008-01-01'], progress: [0], unlicensed: [0], surveyed: [0] },
      areas: [],
    } as unknown as DisplaySummaryResponse);
    expect([...f.heat.attributes.getPosition.value].map((x) => Math.round(x * 10) / 10)).toEqual([
      120.1, 30.1, 120.2, 30.2,
    ]);
    expect([...f.heat.attributes.getWeight.value]).toEqual([
      Math.fround(Math.sqrt(7)),
      Math.fround(Math.sqrt(5)),
    ]);
    expect(f.heatScale).toBeCloseTo(Math.sqrt(7 / HOT_SPOT_COUNT));
    expect(new Set(f.ticker.map((t) => t.key)).size).toBe(2);
  });
});
