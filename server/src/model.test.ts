import { describe, expect, it } from 'vitest';
import { demoApp } from '../../tests/helpers/test-app';
import { eventInserter, listEvents } from './db/premises';
import { day } from './domain/dates';
import { statusAt } from './domain/status-at';
import { tally } from './domain/tally';
import { referenceTally } from './domain/tally-reference.fixture';

describe('CampaignModel', () => {
  it('agrees with folding every premise’s events from the database, group by group', async () => {
    const { db, ctx } = await demoApp();
    const at = day('2009-09-15');
    const cols = ctx.model.columns;
    const premise = db.prepare('SELECT category, village_id AS "villageId" FROM premises WHERE id = ?');
    const states = [];
    for (let row = 0; row < cols.count; row++) {
      const p = premise.get(cols.id[row]) as { category: string; villageId: number };
      states.push({ ...p, ...statusAt(p.category, listEvents(db, cols.id[row]), at) });
    }
    expect(states.some((s) => s.status !== null)).toBe(true);
    expect(tally(cols, at)).toEqual(referenceTally(states));
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
