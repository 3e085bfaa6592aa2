import { describe, expect, it } from 'vitest';
import { normalizeAddress } from './normalize-address';

describe('normalizeAddress', () => {
  it('turns full-width digits and spaces into nothing but half-width text', () => {
    expect(normalizeAddress('丁桥镇　大唐村１组２３号')).toBe('丁桥镇大唐村1组23号');
  });

  it('drops whitespace and separating punctuation', () => {
    expect(normalizeAddress(' 杭州市, 江干区 丁桥镇、沿山村 3 组 58 号 ')).toBe(
      '杭州市江干区丁桥镇沿山村3组58号',
    );
  });

  it('keeps the content of brackets', () => {
    expect(normalizeAddress('丁桥农贸市场（东区）12号')).toBe('丁桥农贸市场东区12号');
  });

  it('converts Chinese numerals in the number slots only', () => {
    expect(normalizeAddress('三义村三组五十八号')).toBe('三义村3组58号');
    expect(normalizeAddress('九堡镇三村')).toBe('九堡镇三村');
  });

  it('makes one dash of the many and reads # as 号', () => {
    expect(normalizeAddress('长睦路23－1号')).toBe('长睦路23-1号');
    expect(normalizeAddress('长睦路23#')).toBe('长睦路23号');
  });
});
