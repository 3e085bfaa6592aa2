import { describe, expect, it } from 'vitest';
import { rankVillages } from './rank-villages';

const villages = [
  { id: 1, name: '甲村' },
  { id: 2, name: '乙村' },
  { id: 3, name: '丙村' },
  { id: 4, name: '丁村' },
];
const groups = new Map([
  [1, { progress: 0.5, surveyed: 10 }],
  [2, { progress: 0.9, surveyed: 10 }],
  [3, { progress: 0.5, surveyed: 30 }],
]);
const groupOf = (id: number) => groups.get(id);

describe('rankVillages', () => {
  it('ranks by progress, then by size, then by name; villages without data last', () => {
    expect(rankVillages(villages, groupOf).map((r) => r.id)).toEqual([2, 3, 1, 4]);
  });

  it('leaves out villages with nothing surveyed when asked', () => {
    expect(rankVillages(villages, groupOf, { surveyedOnly: true }).map((r) => r.id)).toEqual([2, 3, 1]);
  });

  it('breaks a tie in progress and size by name in Chinese collation, then by id', () => {
    const tied = { progress: 0.5, surveyed: 10 };
    const ranked = rankVillages(
      [
        { id: 9, name: '乙村' },
        { id: 7, name: '甲村' },
        { id: 8, name: '甲村' },
      ],
      () => tied,
    );
    expect(ranked.map((r) => r.id)).toEqual([7, 8, 9]);
  });
});
