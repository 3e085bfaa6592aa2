import { describe, expect, it } from 'vitest';
import { parseAddress } from './parse-address';

describe('parseAddress', () => {
  it('reads village, 组 and number', () => {
    expect(parseAddress('大唐村1组23号')).toEqual({ village: '大唐村', group: 1, number: 23, rest: '' });
  });

  it('reads a road and number', () => {
    expect(parseAddress('丁桥大道356号')).toEqual({ road: '丁桥大道', number: 356, rest: '' });
    expect(parseAddress('三义东路12号')).toEqual({ road: '三义东路', number: 12, rest: '' });
  });

  it('reads a village before a road', () => {
    expect(parseAddress('大唐村大唐路12号')).toEqual({
      village: '大唐村',
      road: '大唐路',
      number: 12,
      rest: '',
    });
  });

  it('reads a community, an estate and a building', () => {
    expect(parseAddress('丁桥社区丁桥新村8幢18号')).toEqual({
      community: '丁桥社区',
      estate: '丁桥新村',
      building: 8,
      number: 18,
      rest: '',
    });
  });

  it('does not take an estate ending in 新村 for a village', () => {
    expect(parseAddress('华鹤新村23幢8号')).toEqual({
      estate: '华鹤新村',
      building: 23,
      number: 8,
      rest: '',
    });
  });

  it('keeps what it does not understand in rest', () => {
    expect(parseAddress('丁桥花园3幢78号商铺')).toEqual({
      estate: '丁桥花园',
      building: 3,
      number: 78,
      rest: '商铺',
    });
  });

  it('reads a market stall as a place and a number', () => {
    expect(parseAddress('丁桥农贸市场23号')).toEqual({ estate: '丁桥农贸市场', number: 23, rest: '' });
  });

  it('reads a village written without 村 before its 组', () => {
    expect(parseAddress('大唐3组23号')).toEqual({ village: '大唐', group: 3, number: 23, rest: '' });
  });

  it('reads a village with no 组', () => {
    expect(parseAddress('大唐村23号')).toEqual({ village: '大唐村', number: 23, rest: '' });
  });

  it('does not take a road called 新村路 for a village', () => {
    expect(parseAddress('新村路12号')).toEqual({ road: '新村路', number: 12, rest: '' });
  });

  it('takes a lane with its road, and unit and room numbers', () => {
    expect(parseAddress('长睦路3弄5号')).toEqual({ road: '长睦路3弄', number: 5, rest: '' });
    expect(parseAddress('蕙兰雅苑3幢2单元301室')).toEqual({
      estate: '蕙兰雅苑',
      building: 3,
      unit: 2,
      room: 301,
      rest: '',
    });
  });

  it('counts the main number of 23-1号', () => {
    expect(parseAddress('长睦路23-1号').number).toBe(23);
  });

  it('reads a village alone, and leaves nonsense in rest', () => {
    expect(parseAddress('大唐村')).toEqual({ village: '大唐村', rest: '' });
    expect(parseAddress('不知道')).toEqual({ rest: '不知道' });
  });
});
