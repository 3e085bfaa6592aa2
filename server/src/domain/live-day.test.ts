import { describe, expect, it } from 'vitest';
import { day } from './dates';
import { liveDay } from './live-day';

const end = day('2010-12-31');

describe('liveDay', () => {
  it('is today while the campaign runs', () => {
    expect(liveDay(day('2009-06-30'), end, day('2009-06-29'))).toBe(day('2009-06-30'));
  });

  it('is the campaign end for a finished campaign whose records stopped there', () => {
    expect(liveDay(day('2026-11-26'), end, day('2010-12-20'))).toBe(end);
  });

  it('follows records kept after the end, but not past today', () => {
    expect(liveDay(day('2026-11-26'), end, day('2012-03-01'))).toBe(day('2012-03-01'));
    expect(liveDay(day('2011-01-05'), end, day('2011-02-01'))).toBe(day('2011-01-05'));
  });
});
