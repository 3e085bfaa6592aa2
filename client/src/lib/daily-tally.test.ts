import { describe, expect, it } from 'vitest';
import { buildDailyTally, dailyTallyOn } from './daily-tally';
import { NO_FILTER } from './premise-filter';
import { tallyAt } from './tally-at';
import { townshipLayer as asLayer, township } from './township-fixture';

describe('dailyTallyOn', () => {
  const premises = township();
  const { layer } = asLayer(premises);

  it('equals tallyAt on every day of the campaign, with and without filters', () => {
    for (const filter of [NO_FILTER, { ...NO_FILTER, village: 2 }, { ...NO_FILTER, categories: [1, 7] }]) {
      const daily = buildDailyTally(layer, filter, 1095);
      for (let d = 0; d <= 1095; d += 3) expect(dailyTallyOn(daily, d)).toEqual(tallyAt(layer, d, filter));
    }
  });

  it('reads a day from the table alone, without going back to the intervals', () => {
    const copy = { ...layer, from: layer.from.slice(), to: layer.to.slice() };
    const daily = buildDailyTally(copy, NO_FILTER, 1095);
    const expected = tallyAt(layer, 700, NO_FILTER);
    copy.from.fill(Number.POSITIVE_INFINITY);
    copy.to.fill(Number.NEGATIVE_INFINITY);
    expect(dailyTallyOn(daily, 700)).toEqual(expected);
  });

  it('declines days outside the table', () => {
    const daily = buildDailyTally(layer, NO_FILTER, 1095);
    expect(dailyTallyOn(daily, -1)).toBeNull();
    expect(dailyTallyOn(daily, 1096)).toBeNull();
    expect(dailyTallyOn(daily, 3.5)).toBeNull();
  });
});
