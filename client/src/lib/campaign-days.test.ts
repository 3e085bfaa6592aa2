import { day } from '@domain/dates';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  campaignDayOf,
  clampDay,
  dateOfCampaignDay,
  displayDate,
  yearStarts,
} from './campaign-days';

const start = day('2008-01-01');

describe('campaign days', () => {
  it('converts dates to days since the start and back', () => {
    expect(campaignDayOf('2008-01-01', start)).toBe(0);
    expect(campaignDayOf('2009-01-01', start)).toBe(366);
    expect(dateOfCampaignDay(366, start)).toBe('2009-01-01');
    expect(campaignDayOf('2009-02-30', start)).toBeNull();
  });

  it('clamps to the campaign', () => {
    expect(clampDay(-5, 1095)).toBe(0);
    expect(clampDay(2000, 1095)).toBe(1095);
    expect(clampDay(3.4, 1095)).toBe(3);
  });

  it('steps calendar months, keeping the day of month where it can', () => {
    const jan31 = campaignDayOf('2008-01-31', start) as number;
    expect(dateOfCampaignDay(addMonths(jan31, 1, start), start)).toBe('2008-02-29');
    expect(dateOfCampaignDay(addMonths(jan31, -1, start), start)).toBe('2007-12-31');
    expect(dateOfCampaignDay(addMonths(campaignDayOf('2008-11-15', start) as number, 3, start), start)).toBe(
      '2009-02-15',
    );
  });

  it('lists the year starts inside the campaign', () => {
    expect(yearStarts(start, 1095)).toEqual([
      { day: 0, year: 2008 },
      { day: 366, year: 2009 },
      { day: 731, year: 2010 },
    ]);
  });

  it('shows dates in Chinese or ISO form', () => {
    expect(displayDate('2009-06-03', 'zh')).toBe('2009年6月3日');
    expect(displayDate('2009-06-03', 'en')).toBe('2009-06-03');
  });
});
