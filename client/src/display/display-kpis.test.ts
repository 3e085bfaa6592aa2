import { describe, expect, it } from 'vitest';
import { formatKpi, kpisOf } from './display-kpis';

describe('kpisOf', () => {
  it('derives the board from the status counts', () => {
    const kpis = kpisOf({
      surveyed: 100,
      unlicensed: 12,
      progress: 0.6,
      byStatus: { pending: 25, rectifying: 15, compliant: 40, model: 5, closed: 10, converted: 5 },
    });
    expect(Object.fromEntries(kpis.map((k) => [k.key, k.value]))).toEqual({
      surveyed: 100,
      progress: 0.6,
      done: 60,
      unlicensed: 12,
      model: 5,
      remaining: 40,
    });
  });

  it('formats counts and percentages', () => {
    expect(formatKpi(1234.4, 'count')).toBe('1,234');
    expect(formatKpi(0.97083, 'fraction')).toBe('97.1');
  });
});
