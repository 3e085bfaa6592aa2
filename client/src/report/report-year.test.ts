import { describe, expect, it } from 'vitest';
import { reportPaths } from '../api';
import { reportYearFor } from './report-year';

describe('reportYearFor', () => {
  it('takes the year of the timeline day when the campaign has it', () => {
    expect(reportYearFor([2008, 2009, 2010], '2009-06-30')).toBe(2009);
  });
  it('takes the last campaign year before a later day, and the first before the campaign', () => {
    expect(reportYearFor([2008, 2009, 2010], '2012-01-01')).toBe(2010);
    expect(reportYearFor([2008, 2009, 2010], '2007-05-01')).toBe(2008);
    expect(reportYearFor([], '2009-01-01')).toBeNull();
  });
});

describe('reportPaths', () => {
  it('names the server routes of DESIGN §4, with the id and suffix in the file name', () => {
    expect(reportPaths.village(3, 2009)).toBe('/api/reports/village/3.pdf?year=2009');
    expect(reportPaths.township(2009)).toBe('/api/reports/township.pdf?year=2009');
    expect(reportPaths.map('2009-12-31')).toBe('/api/reports/map.pdf?at=2009-12-31');
    expect(reportPaths.map('2009-12-31', 4)).toBe('/api/reports/map.pdf?at=2009-12-31&area=4');
    expect(reportPaths.villageLedger(3, 2009)).toBe('/api/reports/ledger/village/3.xlsx?year=2009');
    expect(reportPaths.tradeLedger('restaurant', 2009)).toBe(
      '/api/reports/ledger/trade/restaurant.xlsx?year=2009',
    );
  });
});
