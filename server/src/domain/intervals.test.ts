import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './categories';
import { day } from './dates';
import { OPEN_END, premiseIntervals } from './intervals';
import type { PremiseEvent } from './premise-event';
import { statusAt } from './status-at';

const restaurant = CATEGORIES[2];
const events: PremiseEvent[] = [
  { day: day('2008-03-01'), type: 'surveyed' },
  { day: day('2008-03-01'), type: 'licence_obtained', licence: 'business' },
  { day: day('2008-06-01'), type: 'inspected', problems: [] },
  { day: day('2008-07-01'), type: 'licence_obtained', licence: 'catering', validToDay: day('2009-06-30') },
  { day: day('2009-09-01'), type: 'closed' },
];

describe('premiseIntervals', () => {
  it('splits on status changes and on licence expiry, and leaves the last one open', () => {
    expect(premiseIntervals(restaurant, events)).toEqual([
      { fromDay: day('2008-03-01'), toDay: day('2008-06-01'), status: 'pending', unlicensed: true },
      { fromDay: day('2008-06-01'), toDay: day('2008-07-01'), status: 'compliant', unlicensed: true },
      { fromDay: day('2008-07-01'), toDay: day('2009-07-01'), status: 'compliant', unlicensed: false },
      { fromDay: day('2009-07-01'), toDay: day('2009-09-01'), status: 'compliant', unlicensed: true },
      { fromDay: day('2009-09-01'), toDay: OPEN_END, status: 'closed', unlicensed: false },
    ]);
  });

  it('agrees with the fold on every day', () => {
    const intervals = premiseIntervals(restaurant, events);
    for (let d = day('2008-01-01'); d <= day('2010-12-31'); d++) {
      const folded = statusAt('restaurant', events, d);
      const hit = intervals.find((iv) => iv.fromDay <= d && d < iv.toDay);
      expect(
        hit ? { status: hit.status, unlicensed: hit.unlicensed } : { status: null, unlicensed: false },
      ).toEqual(folded);
    }
  });

  it('merges events that change nothing', () => {
    const quiet: PremiseEvent[] = [
      { day: day('2008-03-01'), type: 'surveyed' },
      { day: day('2008-05-01'), type: 'inspected', problems: ['unsanitary'] },
    ];
    expect(premiseIntervals(restaurant, quiet)).toHaveLength(1);
  });

  it('is empty without events', () => {
    expect(premiseIntervals(restaurant, [])).toEqual([]);
  });
});
