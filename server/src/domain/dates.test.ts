import { describe, expect, it } from 'vitest';
import { formatDay, parseDay, todayInChina } from './dates';

describe('parseDay', () => {
  it('round-trips real dates', () => {
    for (const d of ['2008-01-01', '2008-02-29', '2010-12-31', '1999-12-31']) {
      expect(formatDay(parseDay(d) as number)).toBe(d);
    }
  });

  it('refuses impossible and malformed dates', () => {
    for (const d of [
      '2009-02-29',
      '2009-02-30',
      '2009-13-01',
      '2009-00-10',
      '2009-1-5',
      '20090105',
      '',
      'yesterday',
    ]) {
      expect(parseDay(d)).toBeNull();
    }
  });
});

describe('todayInChina', () => {
  it('rolls over at midnight Beijing time', () => {
    expect(formatDay(todayInChina(Date.UTC(2009, 5, 30, 15, 59)))).toBe('2009-06-30');
    expect(formatDay(todayInChina(Date.UTC(2009, 5, 30, 16, 0)))).toBe('2009-07-01');
  });
});
