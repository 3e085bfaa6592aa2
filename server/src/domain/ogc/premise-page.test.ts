import { describe, expect, it } from 'vitest';
import { day } from '../dates';
import { buildColumns, type PremiseInput } from '../premise-columns';
import type { PremiseEvent } from '../premise-event';
import { statusAt } from '../status-at';
import { STATUS_KEYS } from '../statuses';
import { premisePage } from './premise-page';

/** Premises on a grid, ids out of row order, surveyed over the first year and some inspected. */
function premises(): PremiseInput[] {
  const out: PremiseInput[] = [];
  for (let i = 0; i < 400; i++) {
    const surveyed = day('2008-01-01') + (i % 365);
    const events: PremiseEvent[] = [{ day: surveyed, type: 'surveyed' }];
    if (i % 3 === 0) events.push({ day: surveyed + 100, type: 'inspected' });
    out.push({
      id: ((i * 37) % 400) + 1,
      lng: 120 + (i % 20) * 0.01,
      lat: 30 + Math.floor(i / 20) * 0.01,
      category: i % 2 ? 'grocery' : 'restaurant',
      villageId: 1 + (i % 4),
      events,
    });
  }
  return out;
}

describe('premisePage', () => {
  const input = premises();
  const cols = buildColumns(input);
  const on = day('2008-09-30');

  it('walks every premise on the map that day once, in id order, with the same status as the fold', () => {
    const seen: number[] = [];
    let afterId = 0;
    for (;;) {
      const page = premisePage(cols, { day: on, boxes: null, afterId, limit: 33 });
      for (const hit of page.hits) {
        const id = cols.id[hit.row];
        const p = input.find((x) => x.id === id) as PremiseInput;
        expect(STATUS_KEYS[cols.status[hit.interval]]).toBe(statusAt(p.category, p.events, on).status);
        seen.push(id);
      }
      expect(page.matched).toBe(input.filter((p) => p.events[0].day <= on).length);
      if (!page.more) break;
      afterId = seen.at(-1) as number;
    }
    const expected = input
      .filter((p) => p.events[0].day <= on)
      .map((p) => p.id)
      .sort((a, b) => a - b);
    expect(seen).toEqual(expected);
  });

  it('keeps the box, the trade, the village and the status asked for', () => {
    const box = [120.05, 30.05, 120.12, 30.12] as const;
    const compliant = STATUS_KEYS.indexOf('compliant');
    const page = premisePage(cols, {
      day: day('2009-12-31'),
      boxes: [box],
      category: cols.category[0],
      villageId: 1,
      status: compliant,
      afterId: 0,
      limit: 1000,
    });
    const expected = input.filter(
      (p, row) =>
        p.lng >= box[0] &&
        p.lng <= box[2] &&
        p.lat >= box[1] &&
        p.lat <= box[3] &&
        cols.category[row] === cols.category[0] &&
        p.villageId === 1 &&
        statusAt(p.category, p.events, day('2009-12-31')).status === 'compliant',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(page.matched).toBe(expected.length);
    expect(page.hits.map((h) => cols.id[h.row])).toEqual(expected.map((p) => p.id).sort((a, b) => a - b));
  });
});
