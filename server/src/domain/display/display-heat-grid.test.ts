import { describe, expect, it } from 'vitest';
import { randomPremises } from '../areas/random-premises.fixture';
import { day } from '../dates';
import { buildColumns, type PremiseInput } from '../premise-columns';
import { tally } from '../tally';
import { cellCenter, cellKey, heatGrid, unlicensedCellFrames, unlicensedCells } from './display-heat-grid';

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

describe('unlicensedCells', () => {
  it('counts the unlicensed premises per cell on the day, and none before their survey', () => {
    const g = heatGrid(200, 31);
    const cols = buildColumns([
      unlicensedShop(1, 120.23, 30.35),
      unlicensedShop(2, 120.23001, 30.35001),
      unlicensedShop(3, 120.25, 30.36),
      unlicensedShop(4, 120.25, 30.36, '2009-01-01'),
    ]);
    expect(unlicensedCells(cols, day('2008-02-01'), g).cells).toEqual([]);
    const { cellMeters, cells } = unlicensedCells(cols, day('2008-06-30'), g);
    expect(cellMeters).toBe(200);
    expect(cells).toHaveLength(6);
    expect(cells.filter((_, i) => i % 3 === 2).sort()).toEqual([1, 2]);
    expect(unlicensedCells(cols, day('2009-06-30'), g).cells.filter((_, i) => i % 3 === 2)).toEqual([2, 2]);
  });

  it('agrees with the tally on random histories, frame by frame', () => {
    const cols = buildColumns(randomPremises(400, 7));
    const g = heatGrid(150, 31);
    const days = [day('2008-01-01'), day('2008-07-01'), day('2009-05-05'), day('2010-12-31')];
    const frames = unlicensedCellFrames(cols, days, g);
    days.forEach((d, j) => {
      const single = unlicensedCells(cols, d, g);
      const fromFrames: number[] = [];
      const f = frames.frames[j];
      for (let i = 0; i < f.length; i += 2)
        fromFrames.push(frames.cells[2 * f[i]], frames.cells[2 * f[i] + 1], f[i + 1]);
      expect(fromFrames).toEqual(single.cells);
      const total = single.cells.filter((_, i) => i % 3 === 2).reduce((a, b) => a + b, 0);
      expect(total).toBe(tally(cols, d).unlicensed);
    });
  });
});
