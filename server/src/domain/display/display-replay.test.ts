import { describe, expect, it } from 'vitest';
import { randomPremises } from '../areas/random-premises.fixture';
import { CATEGORY_CODES } from '../categories';
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
// the village and trade with the most premises, so the ticker may name the village
const groups = new Map<string, number>();
for (let row = 0; row < cols.count; row++) {
  const key = `${cols.villageId[row]}|${CATEGORY_CODES[cols.category[row]]}`;
  groups.set(key, (groups.get(key) ?? 0) + 1);
}
const [biggestVillage, biggestTrade] = [...groups].sort((a, b) => b[1] - a[1])[0][0].split('|');
const villageId = Number(biggestVillage);
const category = biggestTrade as OutcomeEvent['category'];
// every random premise is surveyed within 400 days of the start
const outcomes: OutcomeEvent[] = [
  { day: day('2009-03-03'), type: 'upgraded', villageId, category },
  { day: day('2009-03-04'), type: 'closed', villageId, category },
  { day: day('2009-03-05'), type: 'model', villageId, category },
  { day: day('2009-03-06'), type: 'inspected', villageId, category },
  { day: day('2010-12-31'), type: 'converted', villageId, category },
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
    areas: [],
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
        areas: [],
      });
      expect(replay.totals.surveyed[j]).toBe(s.totals.surveyed);
      expect(replay.totals.unlicensed[j]).toBe(s.totals.unlicensed);
      expect(replay.totals.progress[j]).toBeCloseTo(s.totals.progress, 4);
      for (const v of villages) expect(replay.byVillage[v.id].surveyed[j]).toBe(s.byVillage[v.id].surveyed);
      for (const code of CATEGORY_CODES)
        expect(replay.byCategory[code].unlicensed[j]).toBe(s.byCategory[code]?.unlicensed ?? null);
    }
    expect(replay.days.at(-1)).toBe(formatDay(endDay));
  });

  it('tells one outcome per stride of frames, the newest of them, in order', () => {
    // 03-03 … 03-05 fall in the frames up to 2009-03-10, shown at the end of that stride
    const frame = replay.days.findIndex((d) => d >= '2009-03-05');
    expect(replay.ticker.map((t) => [t.frame, t.outcome, t.villageId])).toEqual([
      [Math.ceil(frame / 4) * 4, 'model', villageId],
      [replay.days.length - 1, 'converted', villageId],
    ]);
  });
});
