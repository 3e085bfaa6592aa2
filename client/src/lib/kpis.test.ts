import type { Tally } from '@domain/tally';
import { describe, expect, it } from 'vitest';
import { KPI_KEYS, kpiValue } from './kpis';

const tally: Tally = {
  surveyed: 20,
  unlicensed: 4,
  progress: 0.55,
  byStatus: { pending: 5, rectifying: 4, compliant: 6, model: 2, closed: 2, converted: 1 },
  byCategory: {},
  byVillage: {},
};

describe('kpiValue', () => {
  it('reads the headline figures', () => {
    expect(kpiValue(tally, 'surveyed')).toBe(20);
    expect(kpiValue(tally, 'unlicensed')).toBe(4);
    expect(kpiValue(tally, 'progress')).toBe(0.55);
    expect(kpiValue(tally, 'model')).toBe(2);
  });
  it('counts closed and converted together', () => {
    expect(kpiValue(tally, 'closed')).toBe(3);
  });
  it('has the stable keys the tests rely on', () => {
    for (const k of ['surveyed', 'unlicensed', 'rectifying', 'compliant', 'model', 'closed', 'progress']) {
      expect(KPI_KEYS).toContain(k);
    }
  });
});
