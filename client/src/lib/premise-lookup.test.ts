import { describe, expect, it } from 'vitest';
import { intervalAt, premiseIndexOf } from './premise-lookup';
import { premisesForTest } from './premises-fixture';

const data = premisesForTest({
  startDay: 0,
  premises: [
    { id: 40, lng: 0, lat: 0, category: 0, village: 1 },
    { id: 41, lng: 0, lat: 0, category: 0, village: 1 },
  ],
  intervals: [
    { premise: 1, status: 0, unlicensed: 1, from: 5, to: 9 },
    { premise: 1, status: 2, unlicensed: 0, from: 9, to: 9_999_999 },
  ],
});

describe('premise lookup', () => {
  it('finds a premise row by id', () => {
    expect(premiseIndexOf(data, 41)).toBe(1);
    expect(premiseIndexOf(data, 99)).toBe(-1);
  });
  it('finds the interval holding a day', () => {
    expect(intervalAt(data, 1, 4)).toBe(-1);
    expect(intervalAt(data, 1, 5)).toBe(0);
    expect(intervalAt(data, 1, 9)).toBe(1);
    expect(intervalAt(data, 0, 9)).toBe(-1);
  });
});
