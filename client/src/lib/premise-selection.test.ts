import { STATUSES } from '@domain/statuses';
import { describe, expect, it } from 'vitest';
import { NO_FILTER } from './premise-filter';
import { pointColumns, rowsWithStatus, selectIntervals, unlicensedPositionsAt } from './premise-selection';
import { premisesForTest } from './premises-fixture';

const data = premisesForTest({
  startDay: 0,
  premises: [
    { id: 1, lng: 120, lat: 30, category: 0, village: 10 },
    { id: 2, lng: 121, lat: 31, category: 1, village: 20 },
  ],
  intervals: [
    { premise: 0, status: 0, unlicensed: 1, from: 0, to: 50 },
    { premise: 0, status: 3, unlicensed: 0, from: 50, to: 9_999_999 },
    { premise: 1, status: 1, unlicensed: 1, from: 20, to: 9_999_999 },
  ],
});

describe('selectIntervals', () => {
  it('keeps every interval without filters', () => {
    expect([...selectIntervals(data, NO_FILTER)]).toEqual([0, 1, 2]);
  });
  it('filters by category, village and status', () => {
    expect([...selectIntervals(data, { ...NO_FILTER, categories: [1] })]).toEqual([2]);
    expect([...selectIntervals(data, { ...NO_FILTER, village: 10 })]).toEqual([0, 1]);
    expect([...selectIntervals(data, { ...NO_FILTER, statuses: [3] })]).toEqual([1]);
    expect([...selectIntervals(data, { ...NO_FILTER, categories: [] })]).toEqual([]);
  });
  it('keeps a township’s villages alone when drilled into one', () => {
    expect([...selectIntervals(data, NO_FILTER, new Set([20]))]).toEqual([2]);
    expect([...selectIntervals(data, { ...NO_FILTER, village: 10 }, new Set([20]))]).toEqual([]);
    expect([...selectIntervals(data, NO_FILTER, new Set())]).toEqual([]);
  });
});

describe('pointColumns', () => {
  it('gives one point per interval with its premise position, status colour and [from, to)', () => {
    const cols = pointColumns(data, Uint32Array.from([1, 2]));
    expect(cols.length).toBe(2);
    expect([...cols.positions]).toEqual([120, 30, 121, 31]);
    expect([...cols.colors.slice(0, 3)]).toEqual([...STATUSES[3].color]);
    expect([...cols.colors.slice(4, 7)]).toEqual([...STATUSES[1].color]);
    expect([...cols.filterValues]).toEqual([50, 9_999_999, 20, 9_999_999]);
    expect([...cols.rows]).toEqual([1, 2]);
    expect([...cols.category]).toEqual([0, 1]);
  });
});

describe('rowsWithStatus', () => {
  it('keeps the rows in that status', () => {
    expect([...rowsWithStatus(data, Uint32Array.from([0, 1, 2]), 3)]).toEqual([1]);
  });
});

describe('unlicensedPositionsAt', () => {
  const all = Uint32Array.from([0, 1, 2]);
  it('keeps the unlicensed intervals holding the day', () => {
    expect([...unlicensedPositionsAt(data, all, 10)]).toEqual([120, 30]);
    expect([...unlicensedPositionsAt(data, all, 30)]).toEqual([120, 30, 121, 31]);
    expect([...unlicensedPositionsAt(data, all, 50)]).toEqual([121, 31]);
  });
  it('treats the interval end as exclusive and the start as inclusive', () => {
    expect(unlicensedPositionsAt(data, all, 20).length).toBe(4);
    expect(unlicensedPositionsAt(data, all, 49.99).length).toBe(4);
  });
});
