import { describe, expect, it } from 'vitest';
import { demoApp } from '../../tests/helpers/test-app';
import { eventInserter, listEvents } from './db/premises';
import { day } from './domain/dates';
import { statusAt } from './domain/status-at';
import { tally } from './domain/tally';

describe('CampaignModel', () => {
  it('agrees with folding every premise’s events from the database', async () => {
    const { db, ctx } = await demoApp();
    const at = day('2009-09-15');
    const cols = ctx.model.columns;
    const expected = { surveyed: 0, unlicensed: 0 };
    for (let row = 0; row < cols.count; row++) {
      const p = db.prepare('SELECT category FROM premises WHERE id = ?').pluck().get(cols.id[row]) as string;
      const s = statusAt(p, listEvents(db, cols.id[row]), at);
      if (s.status) expected.surveyed++;
      if (s.unlicensed) expected.unlicensed++;
    }
    const t = tally(cols, at);
    expect({ surveyed: t.surveyed, unlicensed: t.unlicensed }).toEqual(expected);
  });

  it('is kept current when a premise’s record changes', async () => {
    const { db, ctx } = await demoApp();
    const at = day('2010-06-30');
    const cols = ctx.model.columns;
    const row = [...cols.status.keys()].find(
      (k) => cols.status[k] === 0 && cols.fromDay[k] <= at && at < cols.toDay[k],
    );
    if (row === undefined) throw new Error('the demo has no pending premise on 2010-06-30');
    const id = cols.id[cols.intervalPremise[row]];
    const before = tally(cols, at);
    eventInserter(db)(id, { day: day('2010-06-01'), type: 'closed' });
    ctx.model.refresh(id);
    const after = tally(ctx.model.columns, at);
    expect(after.surveyed).toBe(before.surveyed);
    expect(after.byStatus.closed).toBe(before.byStatus.closed + 1);
    expect(after.byStatus.pending).toBe(before.byStatus.pending - 1);
  });
});
