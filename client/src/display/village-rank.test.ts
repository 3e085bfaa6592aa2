import { describe, expect, it } from 'vitest';
import { rankVillages } from './village-rank';

const f = (id: number, name: string) => ({ properties: { id, name } });

describe('rankVillages', () => {
  it('ranks by progress, then by size, then by name; villages without data last', () => {
    const ranked = rankVillages(
      [f(1, '甲村'), f(2, '乙村'), f(3, '丙村'), f(4, '丁村')],
      new Map([
        [1, { progress: 0.5, surveyed: 10 }],
        [2, { progress: 0.9, surveyed: 10 }],
        [3, { progress: 0.5, surveyed: 30 }],
      ]),
    );
    expect(ranked.map((r) => r.id)).toEqual([2, 3, 1, 4]);
  });
});
