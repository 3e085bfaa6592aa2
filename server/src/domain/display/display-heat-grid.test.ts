import { describe, expect, it } from 'vitest';
import { randomPremises } from '../areas/random-premises.fixture';
import { day } from '../dates';
import { buildColumns, type PremiseInput } from '../premise-columns';
import { tally } from '../tally';
import {
  cellCenter,
  cellKey,
  cellKeyOf,
  cellOfKey,
  heatGrid,
  MAX_MERGE_LEVEL,
  publishedCells,
  unlicensedCellFrames,
  unlicensedCells,
} from './display-heat-grid';
import { K_ANONYMITY } from './k-anonymity';

/** A grocery surveyed (unlicensed: it holds no licence) on `date`, at a position. */
const unlicensedShop = (id: number, lng: number, lat: number, date = '2008-03-01'): PremiseInput => ({
  id,
  lng,
  lat,
  category: 'grocery',
  villageId: 1,
  events: [{ day: day(date), type: 'surveyed' }],
});

describe('heatGrid', () => {
  it('refuses cells under 100 m', () => {
    expect(() => heatGrid(99, 30)).toThrow(/at least 100 m/);
  });

  it('makes cells at least as large as asked, on the ground, up to the given latitude', () => {
    const g = heatGrid(100, 30.4);
    expect(g.dLat * 110_574).toBeGreaterThanOrEqual(100);
    for (const lat of [0, 30, 30.4, 31]) {
      expect(g.dLng * 111_320 * Math.cos((lat * Math.PI) / 180)).toBeGreaterThanOrEqual(100);
    }
  });

  it('puts nearby points in one cell and centres the cell away from them', () => {
    const g = heatGrid(200, 31);
    const key = cellKey(g, 120.230001, 30.350001);
    const [lng, lat] = cellCenter(g, key);
    expect(cellKey(g, lng, lat)).toBe(key);
    expect(Math.abs(lng - 120.230001)).toBeLessThanOrEqual(g.dLng / 2);
    expect(cellKey(g, lng + g.dLng, lat)).not.toBe(key);
    expect(String(lng)).toMatch(/^-?\d+(\.\d{1,5})?$/);
  });

  it('keys cells in the western and southern hemispheres too', () => {
    const g = heatGrid(100, 35);
    const key = cellKey(g, -70.65, -33.45);
    const [lng, lat] = cellCenter(g, key);
    expect(Math.abs(lng + 70.65)).toBeLessThanOrEqual(g.dLng);
    expect(Math.abs(lat + 33.45)).toBeLessThanOrEqual(g.dLat);
  });
});

describe('publishedCells', () => {
  const key = (col: number, row: number, level = 0) => cellKeyOf({ level, col, row });

  it('keys cells by level, row and column, west and south of 0° too', () => {
    for (const c of [
      { level: 0, col: -3, row: 5 },
      { level: 3, col: 1_000_000, row: -1_000_000 },
    ])
      expect(cellOfKey(cellKeyOf(c))).toEqual(c);
  });

  it(`publishes a cell holding ${K_ANONYMITY} as it is`, () => {
    expect(publishedCells(new Map([[key(10, 20), K_ANONYMITY]]))).toEqual(
      new Map([[key(10, 20), K_ANONYMITY]]),
    );
  });

  it('pools the cells under the threshold in the cell twice their size, leaving out the published ones', () => {
    // (10, 20) and (11, 21) share the level-1 cell (5, 10); (12, 20) does not
    const out = publishedCells(
      new Map([
        [key(10, 20), 3],
        [key(11, 21), 2],
        [key(11, 20), 9],
        [key(12, 20), 1],
      ]),
    );
    expect(out.get(key(11, 20))).toBe(9);
    expect(out.get(key(5, 10, 1))).toBe(5);
    expect(out.has(key(10, 20))).toBe(false);
    // the lone one climbs alone, (6, 10) → (3, 5) → (1, 2), and is left out there
    expect(out.size).toBe(2);
  });

  it(`drops what is still under the threshold at level ${MAX_MERGE_LEVEL}, and floors towards the south-west`, () => {
    const far = 2 ** (MAX_MERGE_LEVEL + 1);
    const out = publishedCells(
      new Map([
        [key(-1, -1), 2],
        [key(-2, -2), 3],
        [key(far, far), 4],
      ]),
    );
    expect(out).toEqual(new Map([[key(-1, -1, 1), 5]]));
  });
});

describe('unlicensedCells', () => {
  it('counts the unlicensed premises per cell on the day, and none before their survey', () => {
    const g = heatGrid(200, 31);
    const at = (lng: number, lat: number, from: number, n: number, date?: string) =>
      Array.from({ length: n }, (_, i) => unlicensedShop(from + i, lng, lat, date));
    const cols = buildColumns([
      ...at(120.23, 30.35, 1, 5),
      ...at(120.25, 30.36, 10, 4),
      ...at(120.25, 30.36, 20, 1, '2009-01-01'),
    ]);
    expect(unlicensedCells(cols, day('2008-02-01'), g).cells).toEqual([]);
    const { cellMeters, cellDegrees, cells } = unlicensedCells(cols, day('2008-06-30'), g);
    expect(cellMeters).toBe(200);
    expect(cellDegrees).toEqual([g.dLng, g.dLat]);
    // the four at 120.25 are too few alone and too far from the five to pool with them
    expect(cells).toEqual([...cellCenter(g, cellKey(g, 120.23, 30.35)), 200, 5]);
    expect(unlicensedCells(cols, day('2009-06-30'), g).cells.filter((_, i) => i % 4 === 3)).toEqual([5, 5]);
  });

  it('publishes only cells of the threshold or more, each counting what lies in it and in no finer one', () => {
    const cols = buildColumns(randomPremises(600, 5));
    const g = heatGrid(200, 31);
    const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
    /** The cells holding a position, finest first, named as the answer names them. */
    const cellsHolding = (lng: number, lat: number) =>
      [1, 2, 4, 8].map((s) => {
        const [w, h] = [g.dLng * s, g.dLat * s];
        return `${round5((Math.floor(lng / w) + 0.5) * w)},${round5((Math.floor(lat / h) + 0.5) * h)},${200 * s}`;
      });
    for (const date of ['2008-06-01', '2009-05-05', '2010-12-31']) {
      const d = day(date);
      const { cells } = unlicensedCells(cols, d, g);
      const published = new Map<string, number>();
      for (let i = 0; i < cells.length; i += 4) published.set(cells.slice(i, i + 3).join(','), cells[i + 3]);
      expect([...published.values()].every((n) => n >= K_ANONYMITY)).toBe(true);
      const got = new Map<string, number>();
      let dropped = 0;
      for (let k = 0; k < cols.intervalCount; k++) {
        if (!(cols.fromDay[k] <= d && d < cols.toDay[k] && cols.unlicensed[k])) continue;
        const row = cols.intervalPremise[k];
        const cell = cellsHolding(cols.lng[row], cols.lat[row]).find((c) => published.has(c));
        if (cell) got.set(cell, (got.get(cell) ?? 0) + 1);
        else dropped++;
      }
      expect(got).toEqual(published);
      expect(dropped).toBe(tally(cols, d).unlicensed - [...published.values()].reduce((a, b) => a + b, 0));
    }
  });

  it('agrees with the frames of the replay, frame by frame', () => {
    const cols = buildColumns(randomPremises(400, 7));
    const g = heatGrid(150, 31);
    const days = [day('2008-01-01'), day('2008-07-01'), day('2009-05-05'), day('2010-12-31')];
    const frames = unlicensedCellFrames(cols, days, g);
    expect(frames.cells.length % 3).toBe(0);
    days.forEach((d, j) => {
      const single = unlicensedCells(cols, d, g);
      const fromFrames: number[] = [];
      const f = frames.frames[j];
      for (let i = 0; i < f.length; i += 2)
        fromFrames.push(...frames.cells.slice(3 * f[i], 3 * f[i] + 3), f[i + 1]);
      expect(fromFrames).toEqual(single.cells);
    });
    expect(frames.frames.some((f) => f.length > 0)).toBe(true);
  });
});
