import { describe, expect, it } from 'vitest';
import { countsAgree } from './counts-agree';

const byStatus = { pending: 2, rectifying: 1, compliant: 3, model: 0, closed: 1, converted: 0 };
const base = {
  surveyed: 7,
  unlicensed: 2,
  byStatus,
  byCategory: { grocery: { surveyed: 4, unlicensed: 2 }, restaurant: { surveyed: 3, unlicensed: 0 } },
};

describe('countsAgree', () => {
  it('agrees on equal counts, whatever else the answers carry', () => {
    expect(
      countsAgree(base, {
        ...base,
        byCategory: { ...base.byCategory, pharmacy: { surveyed: 0, unlicensed: 0 } },
      }),
    ).toBe(true);
  });

  it('disagrees on a total, a status or a category', () => {
    expect(countsAgree(base, { ...base, unlicensed: 3 })).toBe(false);
    expect(countsAgree(base, { ...base, byStatus: { ...byStatus, pending: 1, compliant: 4 } })).toBe(false);
    expect(
      countsAgree(base, {
        ...base,
        byCategory: { grocery: { surveyed: 3, unlicensed: 2 }, restaurant: { surveyed: 4, unlicensed: 0 } },
      }),
    ).toBe(false);
  });
});
