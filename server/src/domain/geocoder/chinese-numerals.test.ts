import { describe, expect, it } from 'vitest';
import { convertSlotNumerals, parseChineseNumber } from './chinese-numerals';

describe('parseChineseNumber', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['五十八', 58],
    ['一百零八', 108],
    ['三百五十六', 356],
    ['一〇八', 108],
    ['两', 2],
    ['廿三', 23],
  ])('%s is %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(['', '九堡', '十百', '二三十'])('"%s" is not a numeral', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});

describe('convertSlotNumerals', () => {
  it.each([
    ['沿山村三组五十八号', '沿山村3组58号'],
    ['丁桥新村十二幢三单元五〇二室', '丁桥新村12幢3单元502室'],
    ['长睦路三弄五号', '长睦路3弄5号'],
    ['大唐村第三组', '大唐村3组'],
    ['十二栋', '12栋'],
  ])('converts the slots of %s', (text, expected) => {
    expect(convertSlotNumerals(text)).toBe(expected);
  });

  it.each(['三义村3组12号', '九堡镇', '三里亭', '五常街道', '十字路口'])(
    'leaves the names in %s alone',
    (text) => {
      expect(convertSlotNumerals(text)).toBe(text);
    },
  );

  it('converts the slot numbers but not the name in 三义村三组', () => {
    expect(convertSlotNumerals('三义村三组二十号')).toBe('三义村3组20号');
  });

  it('keeps a numeral that starts a road name: 一号路 is a name, not door number 1', () => {
    expect(convertSlotNumerals('一号路十号')).toBe('一号路10号');
  });
});
