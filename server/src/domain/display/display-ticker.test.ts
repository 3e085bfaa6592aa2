import { describe, expect, it } from 'vitest';
import { categoryIndex } from '../categories';
import { day } from '../dates';
import { type OutcomeEvent, outcomeOf, tickerItem, tickerItems, tickerLine } from './display-ticker';
import { K_ANONYMITY } from './k-anonymity';
import type { TradeGroupSizes } from './trade-group-sizes';

const e = (type: OutcomeEvent['type'], extra: Partial<OutcomeEvent> = {}): OutcomeEvent => ({
  day: day('2009-06-30'),
  type,
  villageId: 7,
  category: 'restaurant',
  ...extra,
});

/** Fixed group sizes: `village` premises of every trade in each village, `township` in the township. */
const sizes = (village: number, township: number): TradeGroupSizes => ({
  inVillage: () => village,
  inTownship: () => township,
});
const names = new Map([[7, '三义村']]);

describe('the ticker', () => {
  it('announces only outcomes: a passed re-inspection, upgrades, model sites, closures, conversions', () => {
    expect(outcomeOf('reinspected', true)).toBe('rectified');
    expect(outcomeOf('reinspected', false)).toBeNull();
    expect(outcomeOf('inspected')).toBeNull();
    expect(outcomeOf('licence_obtained')).toBeNull();
    expect(
      ['upgraded', 'model', 'closed', 'converted'].map((t) => outcomeOf(t as OutcomeEvent['type'])),
    ).toEqual(['upgraded', 'model', 'closed', 'converted']);
  });

  it('tells an outcome with the village and the trade only', () => {
    expect(tickerItem(e('reinspected', { passed: true }), { villageId: 7, name: '三义村' })).toEqual({
      date: '2009-06-30',
      villageId: 7,
      category: 'restaurant',
      outcome: 'rectified',
      text: '三义村 一家小餐饮店 完成整改',
      textEn: '三义村: a restaurant rectified',
    });
    expect(
      tickerItem(e('model', { category: 'agri_supply' }), { villageId: 7, name: '建塘村' })?.textEn,
    ).toBe('建塘村: an agricultural supply made a model site');
  });

  it(`names the village only when it has ${K_ANONYMITY} of the trade that day, else the township`, () => {
    const closed = e('closed', { category: 'pharmacy' });
    expect(tickerLine(closed, names, sizes(K_ANONYMITY, 40))?.text).toBe('三义村 一家小药店 依法关停');
    const told = tickerLine(closed, names, sizes(K_ANONYMITY - 1, K_ANONYMITY));
    expect(told).toMatchObject({ villageId: null, text: '本镇 一家小药店 依法关停' });
    expect(told?.textEn).toBe('The township: a pharmacy was closed');
    expect(tickerLine(closed, names, sizes(1, K_ANONYMITY - 1))).toBeNull();
  });

  it('asks for the sizes of the outcome’s own village, trade and day', () => {
    const asked: unknown[] = [];
    const spy: TradeGroupSizes = {
      inVillage: (...args) => {
        asked.push(args);
        return 0;
      },
      inTownship: (...args) => {
        asked.push(args);
        return 0;
      },
    };
    tickerLine(e('upgraded', { category: 'grocery' }), names, spy);
    const ci = categoryIndex('grocery');
    expect(asked).toEqual([
      [7, ci, day('2009-06-30')],
      [ci, day('2009-06-30')],
    ]);
  });

  it('skips what is not told and stops at the limit', () => {
    const items = tickerItems(
      [e('inspected'), e('closed'), e('reinspected', { passed: false }), e('converted'), e('upgraded')],
      names,
      sizes(K_ANONYMITY, K_ANONYMITY),
      2,
    );
    expect(items.map((i) => i.text)).toEqual([
      '三义村 一家小餐饮店 依法关停',
      '三义村 一家小餐饮店 转产转化',
    ]);
    expect(tickerItems([e('closed')], names, sizes(0, 0), 5)).toEqual([]);
  });
});
