import { describe, expect, it } from 'vitest';
import { spreadCount, spreadHeatCells } from './heat-spread';

const deg = [0.002, 0.001] as const;

describe('spreadHeatCells', () => {
  it('draws a finest cell as one point at its centre, its heat the square root of its count', () => {
    const s = spreadHeatCells([120.101, 30.1005, 200, 9], 4, 200, deg);
    expect([...s.start]).toEqual([0, 1]);
    expect([...s.positions]).toEqual([Math.fround(120.101), Math.fround(30.1005)]);
    const weights = new Float32Array(1);
    expect(spreadCount(s, weights, 0, 9)).toBe(3);
    expect([...weights]).toEqual([3]);
  });

  it('spreads a merged cell over the finest cells it covers, inside it, fading to its edges', () => {
    const s = spreadHeatCells([120.1, 30.1, 200, 120.2, 30.2, 800], 3, 200, deg);
    expect([...s.start]).toEqual([0, 1, 17]);
    const lngs = [...s.positions].filter((_, i) => i % 2 === 0).slice(1);
    const lats = [...s.positions].filter((_, i) => i % 2 === 1).slice(1);
    // four columns and four rows, 0.002° and 0.001° apart, centred on the cell
    expect([...new Set(lngs.map((x) => x.toFixed(4)))]).toEqual([
      '120.1970',
      '120.1990',
      '120.2010',
      '120.2030',
    ]);
    expect([...new Set(lats.map((x) => x.toFixed(4)))]).toEqual(['30.1985', '30.1995', '30.2005', '30.2015']);
    const weights = new Float32Array(17);
    // 8 over sixteen finest cells: half a premise each, so a heat of √0.5 on average
    expect(spreadCount(s, weights, 1, 8)).toBeCloseTo(Math.SQRT1_2, 6);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(16 * Math.SQRT1_2, 4);
    expect(weights[0]).toBe(0);
    const corner = weights[1];
    const inner = weights[1 + 5];
    expect(inner).toBeGreaterThan(4 * corner);
  });

  it('spreads a merged cell only over its part inside the township, but never drops a finest cell', () => {
    // the township: west of 120.2 (the 800 m cell's two western columns, and the 200 m cell)
    const west = (lng: number) => lng < 120.2;
    const s = spreadHeatCells([120.1, 30.1, 200, 120.2, 30.2, 800, 120.9, 30.9, 400], 3, 200, deg, west);
    const weights = new Float32Array(s.start[3]);
    expect(spreadCount(s, weights, 0, 5)).toBeCloseTo(Math.sqrt(5), 5);
    // eight finest cells inside: 8 over them is one each
    expect(spreadCount(s, weights, 1, 8)).toBeCloseTo(1, 6);
    const lngs = [...s.positions].filter((_, i) => i % 2 === 0);
    const cell = [...Array(16).keys()].map((j) => ({ lng: lngs[1 + j], w: weights[1 + j] }));
    expect(cell.filter((c) => c.lng > 120.2).every((c) => c.w === 0)).toBe(true);
    expect(cell.reduce((a, c) => a + c.w, 0)).toBeCloseTo(8, 4);
    // a cell wholly outside keeps its square rather than vanish
    expect(spreadCount(s, weights, 2, 8)).toBeCloseTo(Math.sqrt(2), 6);
  });
});
