import { describe, expect, it } from 'vitest';
import { commitFraction, progressSettled } from './import-progress';

const at = (phase: string, validated: number, written: number) => ({
  phase,
  total: 1000,
  validated,
  written,
});

describe('import progress', () => {
  it('counts checking as the first half and writing as the second', () => {
    expect(commitFraction(at('placing', 0, 0))).toBe(0);
    expect(commitFraction(at('placing', 500, 0))).toBe(0.25);
    expect(commitFraction(at('writing', 1000, 0))).toBe(0.5);
    expect(commitFraction(at('writing', 1000, 500))).toBe(0.75);
    expect(commitFraction(at('committed', 1000, 990))).toBe(1);
  });

  it('is 0 for an empty file and never passes 1', () => {
    expect(commitFraction({ phase: 'placing', total: 0, validated: 0, written: 0 })).toBe(0);
    expect(commitFraction(at('writing', 1000, 5000))).toBe(1);
  });

  it('knows when the step is over', () => {
    expect(progressSettled(at('committed', 1, 1))).toBe(true);
    expect(progressSettled(at('failed', 1, 0))).toBe(true);
    expect(progressSettled(at('writing', 1, 0))).toBe(false);
  });
});
