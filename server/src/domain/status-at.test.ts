import { describe, expect, it } from 'vitest';
import { categoryByCode } from './categories';
import { day } from './dates';
import type { PremiseEvent } from './premise-event';
import { isUnlicensed, stateAt, statusAt } from './status-at';

const ev = (date: string, type: PremiseEvent['type'], extra: Partial<PremiseEvent> = {}): PremiseEvent => ({
  day: day(date),
  type,
  ...extra,
});

const restaurant = [
  ev('2008-03-01', 'surveyed'),
  ev('2008-03-01', 'licence_obtained', { licence: 'business', validToDay: day('2012-12-31') }),
  ev('2009-02-10', 'inspected', { problems: ['unlicensed', 'unsanitary'] }),
  ev('2009-02-10', 'ordered', { deadlineDay: day('2009-04-10') }),
  ev('2009-04-01', 'licence_obtained', { licence: 'catering', validToDay: day('2010-03-31') }),
  ev('2009-04-12', 'reinspected', { passed: true }),
];

describe('statusAt', () => {
  it('is not on the map before its survey', () => {
    expect(statusAt('restaurant', restaurant, day('2008-02-29'))).toEqual({
      status: null,
      unlicensed: false,
    });
  });

  it('is pending and unlicensed when surveyed without all required licences', () => {
    expect(statusAt('restaurant', restaurant, day('2008-03-01'))).toEqual({
      status: 'pending',
      unlicensed: true,
    });
  });

  it('is rectifying after an order and compliant after passing re-inspection', () => {
    expect(statusAt('restaurant', restaurant, day('2009-03-01')).status).toBe('rectifying');
    expect(statusAt('restaurant', restaurant, day('2009-04-12'))).toEqual({
      status: 'compliant',
      unlicensed: false,
    });
  });

  it('becomes unlicensed again the day after a licence runs out', () => {
    expect(statusAt('restaurant', restaurant, day('2010-03-31')).unlicensed).toBe(false);
    expect(statusAt('restaurant', restaurant, day('2010-04-01'))).toEqual({
      status: 'compliant',
      unlicensed: true,
    });
  });

  it('counts a licence_expired event as the end of that licence', () => {
    const events = [...restaurant, ev('2009-06-01', 'licence_expired', { licence: 'catering' })];
    expect(statusAt('restaurant', events, day('2009-05-31')).unlicensed).toBe(false);
    expect(statusAt('restaurant', events, day('2009-06-01')).unlicensed).toBe(true);
  });

  it('is never unlicensed while closed, and pending again after reopening', () => {
    const events = [ev('2008-03-01', 'surveyed'), ev('2009-05-01', 'closed'), ev('2010-02-01', 'reopened')];
    expect(statusAt('grocery', events, day('2009-06-01'))).toEqual({ status: 'closed', unlicensed: false });
    expect(statusAt('grocery', events, day('2010-02-01'))).toEqual({ status: 'pending', unlicensed: true });
  });

  it('demotes a model site after an incident', () => {
    const events = [ev('2008-03-01', 'surveyed'), ev('2008-11-01', 'model'), ev('2010-05-01', 'incident')];
    expect(statusAt('pharmacy', events, day('2010-04-30')).status).toBe('model');
    const state = stateAt(events, day('2010-05-01'));
    expect(state.status).toBe('rectifying');
    expect(state.incidents).toBe(1);
  });

  it('does not bring a converted premise back by an inspection', () => {
    const events = [
      ev('2008-03-01', 'surveyed'),
      ev('2009-01-01', 'converted'),
      ev('2009-06-01', 'inspected'),
    ];
    expect(statusAt('lpg_point', events, day('2009-07-01')).status).toBe('converted');
  });

  it('requires every licence of the category', () => {
    const lpg = categoryByCode('lpg_point');
    if (!lpg) throw new Error('lpg_point missing');
    const state = stateAt(
      [ev('2008-03-01', 'surveyed'), ev('2008-03-01', 'licence_obtained', { licence: 'business' })],
      day('2008-04-01'),
    );
    expect(isUnlicensed(state, lpg, day('2008-04-01'))).toBe(true);
  });

  it('rejects an unknown category', () => {
    expect(() => statusAt('bakery', restaurant, day('2009-01-01'))).toThrow(/unknown category/);
  });
});
