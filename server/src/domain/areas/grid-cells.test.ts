import { describe, expect, it } from 'vitest';
import { colOf, forEachCellRun, gridOver, rowOf } from './grid-cells';
import { seededRandom } from './random-premises.fixture';

describe('gridOver', () => {
  it('makes about the asked number of square cells, with the far corner in the last cell', () => {
    const g = gridOver(120, 30, 120.2, 30.1, 200);
    expect(g.nx * g.ny).toBeGreaterThan(150);
    expect(g.nx * g.ny).toBeLessThan(260);
    expect(g.cellW).toBeCloseTo(g.cellH, 6);
    expect(colOf(g, 120.2)).toBe(g.nx - 1);
    expect(rowOf(g, 30.1)).toBe(g.ny - 1);
  });

  it('copes with a single point', () => {
    const g = gridOver(120, 30, 120, 30, 100);
    expect([g.nx, g.ny]).toEqual([1, 1]);
    expect(colOf(g, 120)).toBe(0);
  });

  it('clamps positions outside the grid to its border cells', () => {
    const g = gridOver(0, 0, 10, 10, 100);
    expect(colOf(g, -5)).toBe(0);
    expect(colOf(g, 50)).toBe(g.nx - 1);
    expect(rowOf(g, -1)).toBe(0);
    expect(rowOf(g, 11)).toBe(g.ny - 1);
  });
});

describe('forEachCellRun', () => {
  it('visits every cell a segment passes through', () => {
    const rnd = seededRandom(3);
    const g = gridOver(120, 30, 120.1, 30.1, 400);
    for (let t = 0; t < 200; t++) {
      const [x1, y1, x2, y2] = [120 + rnd() * 0.1, 30 + rnd() * 0.1, 120 + rnd() * 0.1, 30 + rnd() * 0.1];
      const visited = new Set<number>();
      forEachCellRun(g, x1, y1, x2, y2, (r, c0, c1) => {
        for (let c = c0; c <= c1; c++) visited.add(r * g.nx + c);
      });
      const missed: number[] = [];
      for (let i = 0; i <= 500; i++) {
        const x = x1 + ((x2 - x1) * i) / 500;
        const y = y1 + ((y2 - y1) * i) / 500;
        if (!visited.has(rowOf(g, y) * g.nx + colOf(g, x))) missed.push(i);
      }
      expect(missed).toEqual([]);
      // and not much more than that: a supercover of the segment
      const cells = Math.abs(x2 - x1) / g.cellW + Math.abs(y2 - y1) / g.cellH;
      expect(visited.size).toBeLessThanOrEqual(2 * cells + 6);
    }
  });

  it('covers a horizontal and a vertical segment lying on cell borders', () => {
    const g = gridOver(0, 0, 10, 10, 100);
    const rows: number[] = [];
    forEachCellRun(g, 0, g.cellH * 3, 10, g.cellH * 3, (r) => rows.push(r));
    expect(rows).toEqual([2, 3]);
    const cols: number[] = [];
    forEachCellRun(g, g.cellW * 4, 0, g.cellW * 4, 10, (_r, c0, c1) => cols.push(c0, c1));
    expect(Math.min(...cols)).toBe(3);
    expect(Math.max(...cols)).toBe(4);
  });
});
