import { describe, expect, it } from 'vitest';
import { CATEGORY_CODES } from './categories';
import { day } from './dates';
import { cellSizeForZoom, type PremiseCells, premiseCells } from './premise-cells';
import { buildColumns, type PremiseColumns, type PremiseInput } from './premise-columns';
import type { PremiseEvent } from './premise-event';
import { STATUS_KEYS } from './statuses';
import { tally } from './tally';

const START = day('2008-01-01');

/** Premises scattered over a tenth of a degree, each surveyed and then upgraded, closed or licensed on random days. */
function scattered(n: number): PremiseColumns {
  let seed = 12;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const premises: PremiseInput[] = [];
  for (let id = 1; id <= n; id++) {
    const surveyed = START - 30 + Math.floor(rand() * 500);
    const events: PremiseEvent[] = [{ day: surveyed, type: 'surveyed' }];
    const next = surveyed + 1 + Math.floor(rand() * 400);
    const roll = rand();
    if (roll < 0.3) events.push({ day: next, type: 'upgraded' });
    else if (roll < 0.5) events.push({ day: next, type: 'closed' });
    else if (roll < 0.8) events.push({ day: next, type: 'licence_obtained', licence: 'business' });
    premises.push({
      id,
      lng: 120.2 + rand() * 0.1,
      lat: 30.3 + rand() * 0.1,
      category: CATEGORY_CODES[id % CATEGORY_CODES.length],
      villageId: 1 + (id % 3),
      events,
    });
  }
  return buildColumns(premises);
}

/** What the cells show on day d (since start): per cell, premises by status. */
function shownOn(cells: PremiseCells, d: number): Map<number, number[]> {
  const shown = new Map<number, number[]>();
  for (let k = 0; k < cells.rowCount; k++) {
    if (!(cells.from[k] <= d && d < cells.to[k])) continue;
    const byStatus = shown.get(cells.cell[k]) ?? new Array(STATUS_KEYS.length).fill(0);
    byStatus[cells.status[k]] += cells.count[k];
    shown.set(cells.cell[k], byStatus);
  }
  return shown;
}

/** The premise rows of each cell, found again from the cell centroids' own grid. */
function rowsByCell(cols: PremiseColumns, cells: PremiseCells): Map<number, number[]> {
  const cellOf = new Map<string, number>();
  const key = (lng: number, lat: number) =>
    `${Math.floor(lng / cells.cellSize)},${Math.floor(lat / cells.cellSize)}`;
  for (let c = 0; c < cells.cellCount; c++)
    cellOf.set(key(cells.cellPosition[2 * c], cells.cellPosition[2 * c + 1]), c);
  const rows = new Map<number, number[]>();
  for (let r = 0; r < cols.count; r++) {
    const c = cellOf.get(key(cols.lng[r], cols.lat[r])) as number;
    rows.set(c, [...(rows.get(c) ?? []), r]);
  }
  return rows;
}

describe('premise cells', () => {
  const cols = scattered(600);

  it("counts per cell on a date equal the points' counts on that date", () => {
    const cells = premiseCells(cols, START, { cellSize: cellSizeForZoom(13), step: 1 });
    expect(cells.cellCount).toBeGreaterThan(10);
    expect(cells.premiseCount).toBe(600);
    expect([...cells.cellPremises].reduce((a, b) => a + b, 0)).toBe(600);
    const rows = rowsByCell(cols, cells);
    expect(rows.size).toBe(cells.cellCount);
    for (const d of [-31, -1, 0, 1, 45, 200, 333, 700, 1095, 5000]) {
      const shown = shownOn(cells, d);
      for (const [c, premiseRows] of rows) {
        const points = tally(cols, START + d, { rows: premiseRows });
        const expected = STATUS_KEYS.map((s) => points.byStatus[s]);
        expect(shown.get(c) ?? expected.map(() => 0), `cell ${c} on day ${d}`).toEqual(expected);
      }
    }
  });

  it("counts the unlicensed premises per cell on a date (the heatmap's) as the points do", () => {
    const cells = premiseCells(cols, START, { cellSize: cellSizeForZoom(13), step: 1 });
    const rows = rowsByCell(cols, cells);
    let seen = 0;
    for (const d of [-31, 0, 45, 200, 333, 700, 1095]) {
      const unlicensed = new Map<number, number>();
      for (let k = 0; k < cells.unlicensedRowCount; k++)
        if (cells.unlicensedFrom[k] <= d && d < cells.unlicensedTo[k])
          unlicensed.set(
            cells.unlicensedCell[k],
            (unlicensed.get(cells.unlicensedCell[k]) ?? 0) + cells.unlicensedCount[k],
          );
      for (const [c, premiseRows] of rows) {
        const expected = tally(cols, START + d, { rows: premiseRows }).unlicensed;
        expect(unlicensed.get(c) ?? 0, `cell ${c} on day ${d}`).toBe(expected);
        seen += expected;
      }
    }
    expect(seen).toBeGreaterThan(100);
  });

  it('in steps of a week shows on any day the counts of the step it falls in', () => {
    const daily = premiseCells(cols, START, { cellSize: cellSizeForZoom(12), step: 1 });
    const weekly = premiseCells(cols, START, { cellSize: cellSizeForZoom(12), step: 7 });
    expect(weekly.rowCount).toBeLessThan(daily.rowCount);
    for (const d of [-20, 3, 10, 100, 369, 1000]) {
      expect(shownOn(weekly, d)).toEqual(shownOn(daily, Math.floor(d / 7) * 7));
    }
  });

  it('keeps only the rows, categories and statuses asked for', () => {
    const cellSize = cellSizeForZoom(11);
    const d = 400;
    const statuses = new Set([STATUS_KEYS.indexOf('closed')]);
    const closed = shownOn(premiseCells(cols, START, { cellSize, step: 1, statuses }), d);
    const all = shownOn(premiseCells(cols, START, { cellSize, step: 1 }), d);
    let closedTotal = 0;
    for (const [c, byStatus] of all) {
      closedTotal += byStatus[STATUS_KEYS.indexOf('closed')];
      expect((closed.get(c) ?? [])[STATUS_KEYS.indexOf('closed')] ?? 0).toBe(
        byStatus[STATUS_KEYS.indexOf('closed')],
      );
    }
    expect(closedTotal).toBeGreaterThan(0);
    const firstRows = Array.from({ length: 100 }, (_, i) => i);
    const some = premiseCells(cols, START, { cellSize, step: 1, rows: firstRows, categories: new Set([0]) });
    const expected = firstRows.filter((r) => cols.category[r] === 0).length;
    expect(some.premiseCount).toBe(expected);
    expect(shownOn(some, 5000).size).toBeGreaterThan(0);
  });
});
