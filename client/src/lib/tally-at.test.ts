import { statusAt } from '@domain/status-at';
import { tally } from '@domain/tally';
import { referenceTally } from '@domain/tally-reference.fixture';
import { describe, expect, it } from 'vitest';
import { NO_FILTER } from './premise-filter';
import { tallyAt } from './tally-at';
import { townshipLayer as asLayer, START_DAY as start, township } from './township-fixture';

describe('tallyAt', () => {
  const premises = township();
  const { cols, layer } = asLayer(premises);

  it('equals the server tally on every day of the campaign', () => {
    for (let d = -10; d < 1200; d += 13) {
      expect(tallyAt(layer, d, NO_FILTER)).toEqual(tally(cols, start + d));
    }
  });

  it('equals a fold of every premise’s records, group by group', () => {
    for (const d of [0, 45, 200, 365, 640, 1095]) {
      const states = premises.map((p) => ({ ...p, ...statusAt(p.category, p.events, start + d) }));
      expect(tallyAt(layer, d, NO_FILTER)).toEqual(referenceTally(states));
    }
  });

  it('equals the server tally filtered to a village and a category', () => {
    for (const d of [100, 400, 900]) {
      expect(tallyAt(layer, d, { ...NO_FILTER, village: 3 })).toEqual(
        tally(cols, start + d, { villageId: 3 }),
      );
      expect(tallyAt(layer, d, { ...NO_FILTER, categories: [4] })).toEqual(
        tally(cols, start + d, { category: 4 }),
      );
    }
  });

  it('counts nothing before the first survey', () => {
    const t = tallyAt(layer, -1, NO_FILTER);
    expect(t.surveyed).toBe(0);
    expect(t.progress).toBe(0);
    expect(t.byVillage).toEqual({});
  });

  it('ignores the status filter', () => {
    expect(tallyAt(layer, 500, { ...NO_FILTER, statuses: [0] })).toEqual(tallyAt(layer, 500, NO_FILTER));
  });
});
