import { describe, expect, it } from 'vitest';
import { randomPremises } from '../areas/random-premises.fixture';
import { day, formatDay } from '../dates';
import { buildColumns } from '../premise-columns';
import { heatGrid } from './display-heat-grid';
import { displayReplay } from './display-replay';
import { displaySummary } from './display-summary';
import type { OutcomeEvent } from './display-ticker';

const cols = buildColumns(randomPremises(300, 3));
const villages = [...new Set(cols.villageId)].map((id) => ({ id, name: `${id}村` }));
const grid = heatGrid(200, 31);
const startDay = day('2008-01-01');
const endDay = day('2010-12-31');
const outcomes: OutcomeEvent[] = [
  { day: day('2008-01-03'), type: 'upgraded', villageId: villages[0].id, category: 'grocery' },
  { day: day('2008-01-04'), type: 'closed', villageId: villages[0].id, category: 'grocery' },
  { day: day('2008-01-05'), type: 'model', villageId: villages[0].id, category: 'grocery' },
  { day: day('2008-01-06'), type: 'inspected', villageId: villages[0].id, category: 'grocery' },
  { day: day('2010-12-31'), type: 'converted', villageId: villages[0].id, category: 'market' },
];

describe('displayReplay', () => {
  const replay = displayReplay({
    cols,
    startDay,
    endDay,
    stepDays: 7,
    villages,
    outcomes,
    grid,
    tickerStride: 4,
  });

  it('has, on every frame, the numbers the summary of that day has', () => {
    for (const j of [0, 40, 100, replay.days.length - 1]) {
      const d = day(replay.days[j]);
      const s = displaySummary({
        cols,
        day: d,
        startDay,
        endDay,
        villages,
        outcomes: [],
        grid,
        tickerLimit: 0,
      });
      expect(replay.totals.surveyed[j]).toBe(s.totals.surveyed);
      expect(replay.totals.unlicensed[j]).toBe(s.totals.unlicensed);
      expect(replay.totals.progress[j]).toBeCloseTo(s.totals.progress, 4);
      for (const v of villages) expect(replay.byVillage[v.id].surveyed[j]).toBe(s.byVillage[v.id].surveyed);
      expect(replay.byCategory.grocery.unlicensed[j]).toBe(s.byCategory.grocery.unlicensed);
    }
    expect(replay.days.at(-1)).toBe(formatDay(endDay));
  });

  it('tells one outcome per stride of frames, the newest of them, in order', () => {
    // 01-03 … 01-05 fall in frame 1 (2008-01-08), shown at frame 4; 2010-12-31 is the last frame
    expect(replay.ticker.map((t) => [t.frame, t.outcome])).toEqual([
      [4, 'model'],
      [replay.days.length - 1, 'converted'],
    ]);
  });
});
