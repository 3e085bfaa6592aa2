import { describe, expect, it } from 'vitest';
import { DEFAULT_ALIASES } from './default-aliases';
import { adminPrefixes, isAdminName, stripPrefixes } from './strip-prefixes';

const prefixes = adminPrefixes(DEFAULT_ALIASES);

describe('stripPrefixes', () => {
  it.each([
    ['杭州市江干区丁桥镇沿山村3组58号', ['杭州市', '江干区', '丁桥镇']],
    ['浙江省杭州市上城区丁兰街道沿山村3组58号', ['浙江省', '杭州市', '上城区', '丁兰街道']],
    ['江干区丁桥镇沿山村3组58号', ['江干区', '丁桥镇']],
    ['丁兰街道沿山村3组58号', ['丁兰街道']],
    ['杭州丁桥镇沿山村3组58号', ['杭州', '丁桥镇']],
    ['沿山村3组58号', []],
  ])('strips %s to 沿山村3组58号', (address, stripped) => {
    expect(stripPrefixes(address, prefixes)).toEqual({ rest: '沿山村3组58号', stripped });
  });

  it('never cuts a community or road that starts like the township', () => {
    expect(stripPrefixes('丁桥社区丁桥新村8幢18号', prefixes).rest).toBe('丁桥社区丁桥新村8幢18号');
    expect(stripPrefixes('丁桥大道356号', prefixes).rest).toBe('丁桥大道356号');
  });

  it('strips only names the alias table knows', () => {
    expect(stripPrefixes('余杭区丁桥镇大唐村', prefixes).rest).toBe('余杭区丁桥镇大唐村');
    const more = adminPrefixes([...DEFAULT_ALIASES, { from: '余杭县', to: '余杭区' }]);
    expect(stripPrefixes('余杭区丁桥镇大唐村', more).rest).toBe('大唐村');
  });

  it('strips the longer of two names sharing a start (丁兰街道办事处 before 丁兰街道)', () => {
    expect(stripPrefixes('丁兰街道办事处大唐村', prefixes)).toEqual({
      rest: '大唐村',
      stripped: ['丁兰街道办事处'],
    });
  });

  it('takes a prefix one character off a known name, if it ends the same way', () => {
    expect(stripPrefixes('丁乔镇大唐村1组23号', prefixes)).toEqual({
      rest: '大唐村1组23号',
      stripped: ['丁乔镇'],
    });
    expect(stripPrefixes('上城区丁兰佳道大唐村', prefixes).rest).toBe('大唐村');
    expect(stripPrefixes('丁桥社区丁桥新村', prefixes).rest).toBe('丁桥社区丁桥新村');
    expect(stripPrefixes('丁桥村1组', prefixes).rest).toBe('丁桥村1组');
  });

  it('leaves an address that is nothing but a prefix as it is', () => {
    expect(stripPrefixes('丁桥镇', prefixes).rest).toBe('丁桥镇');
  });
});

describe('adminPrefixes', () => {
  it('takes both sides of administrative aliases and neither side of a village rename', () => {
    const names = adminPrefixes([
      { from: '江干区', to: '上城区' },
      { from: '丁桥村', to: '丁桥社区' },
    ]);
    expect(names.sort()).toEqual(['上城区', '江干区']);
  });
});

describe('isAdminName', () => {
  it('knows a community is not a district', () => {
    expect(isAdminName('上城区')).toBe(true);
    expect(isAdminName('丁兰街道')).toBe(true);
    expect(isAdminName('丁桥社区')).toBe(false);
    expect(isAdminName('大唐村')).toBe(false);
  });
});
