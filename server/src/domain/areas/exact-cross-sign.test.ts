import { describe, expect, it } from 'vitest';
import { crossSign } from './exact-cross-sign';

describe('crossSign', () => {
  it('agrees with plain arithmetic away from zero', () => {
    expect(crossSign(2, 1, 1, 3)).toBe(1);
    expect(crossSign(1, 2, 3, 1)).toBe(-1);
    expect(crossSign(-4, 2, 2, -1)).toBe(0);
  });

  it('finds exact zeros that floating point gets wrong', () => {
    // 0.1 * 0.3 and 0.3 * 0.1 are the same exact product, whatever the rounding does.
    expect(crossSign(0.1, 0.3, 0.1, 0.3)).toBe(0);
    // a point on the line through two lng/lat positions, built so it is exactly collinear
    const u1 = 120.1234567 - 120.2;
    const v1 = 30.3 - 30.3123456;
    expect(crossSign(u1, 2 * u1, v1, 2 * v1)).toBe(0);
  });

  it('separates determinants smaller than the rounding error of the products', () => {
    const a = 1 + 2 ** -52;
    const d = 1 - 2 ** -53;
    // a*d = 1 + 2^-53 - 2^-105 exactly; rounds to 1 in floating point
    expect(a * d - 1 * 1).toBe(0);
    expect(crossSign(a, 1, 1, d)).toBe(1);
    expect(crossSign(1, a, d, 1)).toBe(-1);
  });

  it('handles subnormal and zero inputs exactly', () => {
    expect(crossSign(0, 0, 0, 0)).toBe(0);
    expect(crossSign(5e-324, 0, 0, 5e-324)).toBe(1);
    expect(crossSign(5e-324, 5e-324, 5e-324, 5e-324)).toBe(0);
    expect(crossSign(-5e-324, 0, 0, 1)).toBe(-1);
  });
});
