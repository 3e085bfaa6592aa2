import { describe, expect, it } from 'vitest';
import { buildColumns } from '../premise-columns';
import { STATUS_KEYS } from '../statuses';
import { tally } from '../tally';
import { withPremise } from '../with-premise';
import { areaIndexFor, buildAreaIndex, EVENT_WIDTH } from './area-index';
import { randomPremises, START_DAY } from './random-premises.fixture';

const premises = randomPremises(2000, 11);

describe('buildAreaIndex', () => {
  const cols = buildColumns(premises);
  const index = buildAreaIndex(cols, { premisesPerCell: 8 });

  it('puts every premise in exactly one cell and one group', () => {
    expect([...index.rows].sort((a, b) => a - b)).toEqual([...Array(cols.count).keys()]);
    expect(index.cellStart.at(-1)).toBe(cols.count);
    expect(index.groupRowStart.at(-1)).toBe(cols.count);
    expect(index.cellGroupStart.at(-1)).toBe(index.groupCategory.length);
  });

  it('keeps one category and one village per group', () => {
    for (let g = 0; g < index.groupCategory.length; g++) {
      for (let i = index.groupRowStart[g]; i < index.groupRowStart[g + 1]; i++) {
        const row = index.rows[i];
        expect(cols.category[row]).toBe(index.groupCategory[g]);
        expect(cols.villageId[row]).toBe(index.villageIds[index.groupVillage[g]]);
      }
    }
  });

  it('keeps each group’s events ascending by day, one per day', () => {
    for (let g = 0; g < index.groupCategory.length; g++) {
      for (let e = index.groupEventStart[g] + 1; e < index.groupEventStart[g + 1]; e++) {
        expect(index.eventDay[e]).toBeGreaterThan(index.eventDay[e - 1]);
      }
    }
  });

  it('adds up, over all groups, to tally() on any day', () => {
    for (const day of [START_DAY, START_DAY + 333, START_DAY + 1000]) {
      const byStatus = new Array(STATUS_KEYS.length).fill(0);
      let unlicensed = 0;
      for (let g = 0; g < index.groupCategory.length; g++) {
        let e = -1;
        for (let k = index.groupEventStart[g]; k < index.groupEventStart[g + 1]; k++)
          if (index.eventDay[k] <= day) e = k;
        if (e < 0) continue;
        for (let s = 0; s < STATUS_KEYS.length; s++) byStatus[s] += index.eventCounts[e * EVENT_WIDTH + s];
        unlicensed += index.eventCounts[e * EVENT_WIDTH + STATUS_KEYS.length];
      }
      const t = tally(cols, day);
      expect(byStatus).toEqual(STATUS_KEYS.map((k) => t.byStatus[k]));
      expect(unlicensed).toBe(t.unlicensed);
    }
  });

  it('stores counts in 16 bits', () => {
    expect(index.eventCounts).toBeInstanceOf(Uint16Array);
  });
});

describe('areaIndexFor', () => {
  it('builds once per columns object, and anew when the model replaces its columns', () => {
    const cols = buildColumns(premises);
    expect(areaIndexFor(cols)).toBe(areaIndexFor(cols));
    const moved = { ...premises[5], lng: premises[5].lng + 0.01 };
    const next = withPremise(cols, moved);
    const index = areaIndexFor(next);
    expect(index).not.toBe(areaIndexFor(cols));
    expect(index.cols).toBe(next);
  });
});
