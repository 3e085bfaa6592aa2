import { describe, expect, it } from 'vitest';
import { DrawRefused, randomDraw } from './random-draw';
import { seededRandom, uniformBelow } from './seeded-random';

const POOL = ['zhang', 'wang', 'li', 'zhao', 'chen'];
const ids = (n: number) => Array.from({ length: n }, (_, i) => 100 + i * 7);

/** Pearson's chi-square of observed counts against equal expected counts. */
function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
}

describe('randomDraw', () => {
  it('gives the same picks and teams for the same seed, and others for another seed', () => {
    const input = { candidates: ids(50), premises: 8, pool: POOL, perTeam: 2, seed: 'a1b2c3' };
    const first = randomDraw(input);
    expect(randomDraw({ ...input })).toEqual(first);
    expect(randomDraw({ ...input, candidates: [...input.candidates].reverse() })).toEqual(first);
    expect(randomDraw({ ...input, seed: 'a1b2c4' })).not.toEqual(first);
    expect(first).toHaveLength(8);
    expect(new Set(first.map((p) => p.premiseId)).size).toBe(8);
    for (const p of first) expect(input.candidates).toContain(p.premiseId);
  });

  it('pins the generator and the method, so a draw stored today verifies on any later machine', () => {
    const next = seededRandom('十小整治');
    expect([next(), next(), next()]).toEqual([3942816210, 4139372359, 2118862687]);
    expect(
      randomDraw({ candidates: [1, 2, 3, 4, 5], premises: 2, pool: POOL, perTeam: 2, seed: 'pin' }),
    ).toEqual([
      { premiseId: 4, team: ['li', 'zhang'] },
      { premiseId: 5, team: ['chen', 'zhao'] },
    ]);
  });

  it('never puts an inspector twice in a team', () => {
    const wrong: string[] = [];
    for (let s = 0; s < 300; s++) {
      const picks = randomDraw({ candidates: ids(20), premises: 20, pool: POOL, perTeam: 3, seed: `t${s}` });
      for (const p of picks) {
        if (p.team.length !== 3 || new Set(p.team).size !== 3 || p.team.some((name) => !POOL.includes(name)))
          wrong.push(`seed t${s}, premise ${p.premiseId}: ${p.team.join(',')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('picks every candidate equally often over many seeds (chi-square, 9 degrees of freedom)', () => {
    const candidates = ids(10);
    const counts = new Array(10).fill(0);
    for (let s = 0; s < 5000; s++) {
      const [pick] = randomDraw({ candidates, premises: 1, pool: POOL, perTeam: 1, seed: `u${s}` });
      counts[candidates.indexOf(pick.premiseId)]++;
    }
    // p = 0.001 critical value for 9 df is 27.88: a fair draw fails this one time in a thousand
    expect(chiSquare(counts)).toBeLessThan(27.88);
  });

  it('includes each candidate with probability n / N when drawing several, and makes every team equally likely', () => {
    const candidates = ids(10);
    const included = new Array(10).fill(0);
    const pairs = new Map<string, number>();
    for (let s = 0; s < 4000; s++) {
      for (const p of randomDraw({
        candidates,
        premises: 3,
        pool: POOL.slice(0, 4),
        perTeam: 2,
        seed: `m${s}`,
      })) {
        included[candidates.indexOf(p.premiseId)]++;
        const key = [...p.team].sort().join('+');
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
    expect(chiSquare(included)).toBeLessThan(27.88);
    expect(pairs.size).toBe(6);
    // 5 df: 20.52 at p = 0.001
    expect(chiSquare([...pairs.values()])).toBeLessThan(20.52);
  });

  it('refuses a pool smaller than a team, more premises than candidates, and repeated names', () => {
    const base = { candidates: ids(5), premises: 2, pool: ['zhang', 'wang'], perTeam: 2, seed: 'x' };
    const refusal = (input: typeof base) => {
      try {
        randomDraw(input);
      } catch (e) {
        return e instanceof DrawRefused ? e.code : 'other';
      }
      return 'drawn';
    };
    expect(refusal(base)).toBe('drawn');
    expect(refusal({ ...base, perTeam: 3 })).toBe('pool_too_small');
    expect(refusal({ ...base, premises: 6 })).toBe('too_few_candidates');
    expect(refusal({ ...base, premises: 0 })).toBe('bad_draw');
    expect(refusal({ ...base, pool: ['zhang', 'zhang'] })).toBe('bad_draw');
    expect(refusal({ ...base, candidates: [1, 2, 2] })).toBe('bad_draw');
  });
});

describe('uniformBelow', () => {
  it('redraws outputs past the last whole multiple instead of folding them (no modulo bias)', () => {
    // 2^32 = 3 · 1431655765 + 1: the single output 2^32 - 1 would favour 0, so it is drawn again
    const outputs = [2 ** 32 - 1, 7];
    const next = () => outputs.shift() as number;
    expect(uniformBelow(next, 3)).toBe(1);
    expect(outputs).toEqual([]);
  });
});
