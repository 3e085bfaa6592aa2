import { describe, expect, it } from 'vitest';
import { day } from '../dates';
import { categoryFromText } from './category-names';
import {
  parseAmount,
  parseDateCell,
  parseIdNumber,
  parsePhone,
  parseValidity,
  parseYesNo,
} from './parse-cells';

describe('parseDateCell', () => {
  it.each([
    '2009-06-30',
    '2009/6/30',
    '2009.6.30',
    '2009年6月30日',
    '20090630',
    '39994',
    '2009-06-30 00:00:00',
  ])('reads %s', (t) => {
    expect(parseDateCell(t)).toBe(day('2009-06-30'));
  });
  it.each(['2009-02-30', '30/06/2009', 'soon', '12'])('refuses %s', (t) => {
    expect(parseDateCell(t)).toBeNull();
  });
});

describe('parseValidity', () => {
  it('reads an end date', () => {
    expect(parseValidity('2011-05-31')).toEqual({ fromDay: null, toDay: day('2011-05-31') });
    expect(parseValidity('有效期至2011年5月31日')).toEqual({ fromDay: null, toDay: day('2011-05-31') });
  });
  it('reads a period', () => {
    const period = { fromDay: day('2008-06-01'), toDay: day('2011-05-31') };
    expect(parseValidity('2008-06-01至2011-05-31')).toEqual(period);
    expect(parseValidity('2008.6.1-2011.5.31')).toEqual(period);
    expect(parseValidity('2008-06-01-2011-05-31')).toEqual(period);
  });
  it('reads 长期 as no end', () => {
    expect(parseValidity('长期')).toEqual({ fromDay: null, toDay: null });
    expect(parseValidity('2008-06-01至长期')).toEqual({ fromDay: day('2008-06-01'), toDay: null });
  });
  it('refuses what is not a date or period', () => {
    expect(parseValidity('三年')).toBeNull();
  });
});

describe('cells', () => {
  it('reads amounts with units', () => {
    expect(parseAmount('35㎡')).toBe(35);
    expect(parseAmount('35.5 平方米')).toBe(35.5);
    expect(parseAmount('1,200')).toBe(1200);
    expect(parseAmount('3人')).toBe(3);
    expect(parseAmount('许多')).toBeNull();
  });
  it('reads phones', () => {
    expect(parsePhone('138 1234 5678')).toBe('13812345678');
    expect(parsePhone('+8613812345678')).toBe('13812345678');
    expect(parsePhone('0571-86001234')).toBe('0571-86001234');
    expect(parsePhone('12345')).toBeNull();
    expect(parsePhone('abc')).toBeNull();
  });
  it('checks ID numbers and their check digit', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ id: '11010519491231002X', checksumOk: true });
    expect(parseIdNumber('110105194912310021')).toEqual({ id: '110105194912310021', checksumOk: false });
    expect(parseIdNumber('3.30104198312308e+17')).toBeNull();
  });
  it('reads yes and no', () => {
    expect(parseYesNo('是')).toBe(true);
    expect(parseYesNo('否')).toBe(false);
    expect(parseYesNo('maybe')).toBeNull();
  });
});

describe('categoryFromText', () => {
  it.each([
    ['小餐饮店', 'restaurant'],
    ['restaurant', 'restaurant'],
    ['小吃', 'restaurant'],
    ['小卖部', 'grocery'],
    ['便利店', 'grocery'],
    ['美容美发', 'beauty_salon'],
    ['理发店', 'beauty_salon'],
    ['十小-液化气', 'lpg_point'],
    ['药房', 'pharmacy'],
    ['农资', 'agri_supply'],
    ['菜市场', 'market'],
    ['音像', 'audio_video'],
    ['出租车', 'passenger_transport'],
    ['食品小作坊', 'food_workshop'],
  ])('%s → %s', (text, code) => {
    expect(categoryFromText(text)).toBe(code);
  });
  it('knows no 五金店', () => {
    expect(categoryFromText('五金店')).toBeNull();
  });
});
