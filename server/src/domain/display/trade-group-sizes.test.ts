import { describe, expect, it } from 'vitest';
import { randomPremises } from '../areas/random-premises.fixture';
import { CATEGORY_CODES, categoryIndex } from '../categories';
import { day } from '../dates';
import { buildColumns, type PremiseInput } from '../premise-columns';
import { tally } from '../tally';
import { tradeGroupSizes } from './trade-group-sizes';

const pharmacy = (id: number, villageId: number, surveyed: string): PremiseInput => ({
  id,
  lng: 120.2,
  lat: 30.3,
  category: 'pharmacy',
  villageId,
  events: [{ day: day(surveyed), type: 'surveyed' }],
});

describe('tradeGroupSizes', () => {
  it('counts a trade in a village and in the township from each survey on', () => {
    const sizes = tradeGroupSizes(
      buildColumns([
        pharmacy(1, 7, '2008-03-01'),
        pharmacy(2, 7, '2008-05-01'),
        pharmacy(3, 8, '2008-03-01'),
      ]),
    );
    const ci = categoryIndex('pharmacy');
    expect(sizes.inVillage(7, ci, day('2008-02-29'))).toBe(0);
    expect(sizes.inVillage(7, ci, day('2008-03-01'))).toBe(1);
    expect(sizes.inVillage(7, ci, day('2008-05-01'))).toBe(2);
    expect(sizes.inVillage(9, ci, day('2009-01-01'))).toBe(0);
    expect(sizes.inVillage(7, categoryIndex('grocery'), day('2009-01-01'))).toBe(0);
    expect(sizes.inTownship(ci, day('2008-04-01'))).toBe(2);
  });

  it('agrees with the tally on random histories, trade by trade and village by village', () => {
    const cols = buildColumns(randomPremises(500, 11));
    const sizes = tradeGroupSizes(cols);
    const villages = [...new Set(cols.villageId)];
    for (const date of ['2008-01-01', '2008-06-15', '2009-03-03', '2010-12-31']) {
      const d = day(date);
      CATEGORY_CODES.forEach((code, ci) => {
        expect(sizes.inTownship(ci, d)).toBe(tally(cols, d).byCategory[code].surveyed);
        for (const v of villages)
          expect(sizes.inVillage(v, ci, d)).toBe(tally(cols, d, { villageId: v }).byCategory[code].surveyed);
      });
    }
  });
});
