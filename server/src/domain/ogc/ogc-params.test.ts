import { describe, expect, it } from 'vitest';
import { day } from '../dates';
import { InvalidParameter } from './invalid-parameter';
import { parseItemsQuery } from './items-query';
import { parseBbox } from './ogc-bbox';
import { parseDatetime, periodMeets, statusDay } from './ogc-datetime';

describe('parseBbox', () => {
  it('reads four numbers, or six with heights', () => {
    expect(parseBbox('120.2,30.3,120.3,30.4')).toEqual([[120.2, 30.3, 120.3, 30.4]]);
    expect(parseBbox('120.2,30.3,0,120.3,30.4,100')).toEqual([[120.2, 30.3, 120.3, 30.4]]);
  });

  it('splits a box across the antimeridian in two', () => {
    expect(parseBbox('170,-10,-170,10')).toEqual([
      [170, -10, 180, 10],
      [-180, -10, -170, 10],
    ]);
  });

  it('refuses what is not a box', () => {
    for (const text of ['1,2,3', '1,2,3,x', '', '200,0,210,1', '0,50,1,40', '1,,2,3']) {
      expect(() => parseBbox(text), text).toThrow(InvalidParameter);
    }
  });
});

describe('parseDatetime', () => {
  it('reads dates, date-times and intervals as campaign days', () => {
    expect(parseDatetime('2009-06-30')).toEqual({ fromDay: day('2009-06-30'), toDay: day('2009-06-30') });
    expect(parseDatetime('2009-01-01/2009-12-31')).toEqual({
      fromDay: day('2009-01-01'),
      toDay: day('2009-12-31'),
    });
    expect(parseDatetime('../2009-12-31')).toEqual({ fromDay: null, toDay: day('2009-12-31') });
    expect(parseDatetime('2009-01-01/..')).toEqual({ fromDay: day('2009-01-01'), toDay: null });
  });

  it('converts a zoned time to China’s calendar day', () => {
    // 20:00 UTC on the 30th is 04:00 on 1 July in China
    expect(parseDatetime('2009-06-30T20:00:00Z').toDay).toBe(day('2009-07-01'));
    expect(parseDatetime('2009-06-30T20:00:00+08:00').toDay).toBe(day('2009-06-30'));
    // GDAL cuts times short
    expect(parseDatetime('2009-06-30T').toDay).toBe(day('2009-06-30'));
    expect(parseDatetime('2009-06-30T12Z').toDay).toBe(day('2009-06-30'));
  });

  it('refuses impossible dates, reversed intervals and words', () => {
    for (const text of ['2009-02-30', '2010-01-01/2009-01-01', 'today', '..', '2009-06-30T25:00Z', 'a/b/c']) {
      expect(() => parseDatetime(text), text).toThrow(InvalidParameter);
    }
  });

  it('shows premises on the instant, on the interval’s end, or on the live day', () => {
    const live = day('2010-12-31');
    expect(statusDay(null, live)).toBe(live);
    expect(statusDay(parseDatetime('2009-01-01/2009-06-30'), live)).toBe(day('2009-06-30'));
    expect(statusDay(parseDatetime('2009-01-01/..'), live)).toBe(live);
    expect(statusDay(parseDatetime('2012-01-01/..'), live)).toBe(day('2012-01-01'));
  });

  it('lets a period meet an interval when they share a day', () => {
    const period = { fromDay: day('2009-01-01'), toDay: day('2009-12-31') };
    expect(periodMeets(period, parseDatetime('2009-12-31'))).toBe(true);
    expect(periodMeets(period, parseDatetime('2010-01-01/..'))).toBe(false);
    expect(periodMeets({ fromDay: null, toDay: null }, parseDatetime('1999-01-01'))).toBe(true);
  });
});

describe('parseItemsQuery', () => {
  const filters = [{ name: 'villageId', type: 'integer' as const, description: '' }];

  it('defaults the page and caps the limit', () => {
    expect(parseItemsQuery({}, filters)).toMatchObject({ limit: 1000, afterId: 0, boxes: null });
    expect(parseItemsQuery({ limit: '50000' }, filters).limit).toBe(10_000);
    expect(parseItemsQuery({ villageId: '7' }, filters).filters.get('villageId')).toBe(7);
  });

  it('refuses unknown parameters and other CRSs, naming what it takes', () => {
    expect(() => parseItemsQuery({ offset: '10' }, filters)).toThrow(/unknown parameter 'offset'.*limit/);
    expect(() => parseItemsQuery({ crs: 'EPSG:4326' }, filters)).toThrow(/CRS84/);
    expect(() => parseItemsQuery({ villageId: 'x' }, filters)).toThrow(/villageId/);
  });
});
