import { describe, expect, it } from 'vitest';
import { idCheckDigit, idNumber } from './id-number';
import { Rng } from './prng';

describe('idCheckDigit', () => {
  it('gives the check character of the standard examples (GB 11643)', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('44052418800101001')).toBe('4');
  });
});

describe('idNumber', () => {
  it('makes 18-character numbers with a valid check digit and the sex in the 17th digit', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 200; i++) {
      const male = i % 2 === 0;
      const id = idNumber(rng, male, i % 3 === 0);
      expect(id).toMatch(/^\d{17}[\dX]$/);
      expect(id[17]).toBe(idCheckDigit(id));
      expect(Number(id[16]) % 2).toBe(male ? 1 : 0);
    }
  });
});
