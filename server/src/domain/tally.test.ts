import { describe, expect, it } from 'vitest';
import { day } from './dates';
import { buildColumns, type PremiseInput } from './premise-columns';
import { statusSeries } from './series';
import { tally } from './tally';

const surveyedOn = (
  id: number,
  villageId: number,
  date: string,
  extra: PremiseInput['events'] = [],
): PremiseInput => ({
  id,
  lng: 120.2 + id / 1000,
  lat: 30.3,
  category: id % 2 ? 'grocery' : 'restaurant',
  villageId,
  events: [{ day: day(date), type: 'surveyed' }, ...extra],
});

const cols = buildColumns([
  surveyedOn(1, 10, '2008-02-01', [{ day: day('2008-09-01'), type: 'upgraded' }]),
  surveyedOn(2, 10, '2008-02-01', [
    { day: day('2008-02-01'), type: 'licence_obtained', licence: 'business' },
    { day: day('2008-02-01'), type: 'licence_obtained', licence: 'catering' },
  ]),
  surveyedOn(3, 11, '2008-05-01', [{ day: day('2009-03-01'), type: 'closed' }]),
  surveyedOn(4, 11, '2010-06-01'),
]);

describe('tally', () => {
  it('counts by status, category and village on a day', () => {
    const t = tally(cols, day('2009-06-30'));
    expect(t.surveyed).toBe(3);
    expect(t.byStatus).toEqual({
      pending: 1,
      rectifying: 0,
      compliant: 1,
      model: 0,
      closed: 1,
      converted: 0,
    });
    expect(t.unlicensed).toBe(1);
    expect(t.progress).toBeCloseTo(2 / 3);
    expect(t.byCategory.grocery).toMatchObject({ surveyed: 2, unlicensed: 1 });
    expect(t.byCategory.restaurant).toMatchObject({ surveyed: 1, unlicensed: 0 });
    expect(t.byVillage['10']).toMatchObject({ surveyed: 2, unlicensed: 1 });
    expect(t.byVillage['11']).toMatchObject({ surveyed: 1, unlicensed: 0, progress: 1 });
  });

  it('filters by village, category and rows', () => {
    expect(tally(cols, day('2010-12-31'), { villageId: 11 }).surveyed).toBe(2);
    expect(tally(cols, day('2010-12-31'), { category: 1 }).surveyed).toBe(2);
    expect(tally(cols, day('2010-12-31'), { rows: [0, 3] }).surveyed).toBe(2);
  });

  it('gives a series whose samples equal the tally on those days', () => {
    const series = statusSeries(cols, day('2008-01-01'), day('2010-12-31'), 7);
    series.days.forEach((d, j) => {
      const t = tally(cols, d);
      expect(series.byStatus.pending[j]).toBe(t.byStatus.pending);
      expect(series.byStatus.closed[j]).toBe(t.byStatus.closed);
      expect(series.unlicensed[j]).toBe(t.unlicensed);
    });
  });
});
