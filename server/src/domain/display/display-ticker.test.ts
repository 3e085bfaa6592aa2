import { describe, expect, it } from 'vitest';
import { day } from '../dates';
import { type OutcomeEvent, outcomeOf, tickerItem, tickerItems } from './display-ticker';

const e = (type: OutcomeEvent['type'], extra: Partial<OutcomeEvent> = {}): OutcomeEvent => ({
  day: day('2009-06-30'),
  type,
  villageId: 7,
  category: 'restaurant',
  ...extra,
});

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
    expect(tickerItem(e('reinspected', { passed: true }), '三义村')).toEqual({
      date: '2009-06-30',
      villageId: 7,
      category: 'restaurant',
      outcome: 'rectified',
      text: '三义村 一家小餐饮店 完成整改',
      textEn: '三义村: a restaurant rectified',
    });
    expect(tickerItem(e('model', { category: 'agri_supply' }), '建塘村')?.textEn).toBe(
      '建塘村: an agricultural supply made a model site',
    );
  });

  it('skips what is not an outcome and stops at the limit', () => {
    const names = new Map([[7, '三义村']]);
    const items = tickerItems(
      [e('inspected'), e('closed'), e('reinspected', { passed: false }), e('converted'), e('upgraded')],
      names,
      2,
    );
    expect(items.map((i) => i.text)).toEqual([
      '三义村 一家小餐饮店 依法关停',
      '三义村 一家小餐饮店 转产转化',
    ]);
  });
});
