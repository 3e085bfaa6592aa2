import { describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../tests/helpers/test-app';
import { keepForClosing, sharedTestRecord } from '../../tests/helpers/test-store';
import { boot } from './boot';
import { readRecordStamp } from './db/data-version';
import { deletePremises } from './db/import-writes';
import { snapshotInDatabase } from './db/model-snapshots';
import { dialectOf } from './db/open-database';
import { eachPremiseInput, eventInserter, streamPremiseInputs } from './db/premises';
import { day } from './domain/dates';
import { buildColumns, columnsBuilder, type PremiseInput } from './domain/premise-columns';
import { tally } from './domain/tally';

// Runs on both stores (the postgres project includes this file): on PostgreSQL the snapshot is kept
// in the record and brought up to date with what changed since; beside SQLite it is a file, trusted
// only while the record has not changed.

/** A seeded record that several servers can open one after another. */
const sharedRecord = () => sharedTestRecord('demo', DEMO_DIR);

async function server(target: string) {
  const started = await boot(target, DEMO_DIR);
  keepForClosing(started.db);
  return started;
}

const AT = day('2010-12-31');

describe('a server starting on a record another server keeps', () => {
  it('starts from the snapshot, reading only the premises changed since it was kept', async () => {
    const target = await sharedRecord();
    const a = await server(target);
    const pg = dialectOf(a.db) === 'postgres';
    const [first, second] = [a.ctx.model.columns.id[0], a.ctx.model.columns.id[5]];
    const before = tally(a.ctx.model.columns, AT);
    // Server A writes after the snapshot was kept: two premises close.
    const insertEvent = eventInserter(a.db);
    for (const id of [first, second]) {
      insertEvent(id, { day: day('2010-06-01'), type: 'closed' });
      a.ctx.model.refresh(id);
    }
    const after = tally(a.ctx.model.columns, AT);
    expect(after.byStatus.closed).toBeGreaterThan(before.byStatus.closed);

    const b = await server(target);
    expect(tally(b.ctx.model.columns, AT)).toEqual(after);
    // PostgreSQL knows which premises changed since the snapshot; a file beside SQLite does not.
    expect(b.ctx.model.start).toMatchObject(
      pg ? { from: 'snapshot', caughtUp: 2 } : { from: 'store', caughtUp: 0 },
    );

    // Kept again (as a server does when it stops), the next start reads no premise at all.
    b.ctx.model.saveSnapshot();
    const c = await server(target);
    expect(c.ctx.model.start).toMatchObject({ from: 'snapshot', caughtUp: 0 });
    expect(tally(c.ctx.model.columns, AT)).toEqual(after);

    if (pg) {
      // Several servers share the row: one still holding an older state does not overwrite a newer one.
      const store = snapshotInDatabase(a.db);
      const kept = store.load();
      const stamp = readRecordStamp(a.db);
      store.save(new Uint8Array([1, 2, 3]), { ...stamp, dataVersion: stamp.dataVersion - 1 });
      expect(Buffer.from(store.load() ?? []).equals(Buffer.from(kept ?? [0]))).toBe(true);
    }
  });

  it('builds the model from the store when a premise was deleted since the snapshot', async () => {
    const target = await sharedRecord();
    const a = await server(target);
    a.ctx.model.saveSnapshot();
    const count = a.ctx.model.columns.count;
    const gone = a.ctx.model.columns.id[3];
    deletePremises(a.db, [gone]);

    const b = await server(target);
    expect(b.ctx.model.start.from).toBe('store');
    expect(b.ctx.model.columns.count).toBe(count - 1);
    expect(b.ctx.model.columns.rowOf.has(gone)).toBe(false);
  });

  it('does not fold in what its own open transaction wrote (an import that may yet roll back)', async () => {
    const a = await server(await sharedRecord());
    const before = tally(a.ctx.model.columns, AT);
    a.db.exec('BEGIN');
    eventInserter(a.db)(a.ctx.model.columns.id[2], { day: day('2010-06-01'), type: 'closed' });
    expect(await a.ctx.model.catchUp()).toBeNull();
    a.db.exec('ROLLBACK');
    expect(await a.ctx.model.catchUp()).toBe(0);
    expect(tally(a.ctx.model.columns, AT)).toEqual(before);
  });

  it("does not read its own writes again when their notices come back, but reads another's later write", async () => {
    const target = await sharedRecord();
    const [a, b] = [await server(target), await server(target)];
    const pg = dialectOf(a.db) === 'postgres';
    const [formWrite, importWrite] = [a.ctx.model.columns.id[1], a.ctx.model.columns.id[4]];
    // A writes one premise as a form does (refresh after the commit) and one as an import does (read
    // inside its transaction, taken in after the commit).
    eventInserter(a.db)(formWrite, { day: day('2010-05-01'), type: 'closed' });
    a.ctx.model.refresh(formWrite);
    a.db.exec('BEGIN');
    eventInserter(a.db)(importWrite, { day: day('2010-05-02'), type: 'closed' });
    const read = await a.ctx.model.readPremises([importWrite]);
    a.db.exec('COMMIT');
    a.ctx.model.takePremises(read);
    // Before, PostgreSQL's notes of these two writes had A read both premises again (0 on SQLite,
    // which keeps no notes).
    expect(await a.ctx.model.catchUp()).toBe(0);

    // B then reopens one of them: A's note of its own write does not hide B's later one.
    eventInserter(b.db)(importWrite, { day: day('2010-09-01'), type: 'reopened' });
    if (pg) expect(await a.ctx.model.catchUp()).toBe(1);
    else expect(a.ctx.model.syncWithDatabase()).toBe(true);
    const fresh = await server(target);
    expect(tally(a.ctx.model.columns, AT)).toEqual(tally(fresh.ctx.model.columns, AT));
  });
});

describe('the model built from every premise in the store', () => {
  it('reads each record as the premise file does, and folds it the same (PostgreSQL: by COPY)', async () => {
    const { db } = await server(await sharedRecord());
    // What the fold reads of a record (not its id, licence number or note), as JSON holds it.
    const folded = (p: PremiseInput): PremiseInput => ({
      ...p,
      events: p.events.map(({ day, type, problems, deadlineDay, passed, licence, validToDay }) =>
        JSON.parse(JSON.stringify({ day, type, problems, deadlineDay, passed, licence, validToDay })),
      ),
    });
    const read: PremiseInput[] = [];
    eachPremiseInput(db, (p) => read.push(folded(p)));
    // The same premises through the query the premise file's records come from.
    const queried = [...streamPremiseInputs(db)].map(folded);
    expect(read.length).toBeGreaterThan(1000);
    expect(read).toEqual(queried);
    // The demo's records hold every field the fold reads, so none of them is left untried.
    const events = read.flatMap((p) => p.events);
    expect(events.some((e) => e.problems && e.problems.length > 1)).toBe(true);
    expect(events.some((e) => e.deadlineDay !== undefined)).toBe(true);
    expect(events.some((e) => e.passed === false) && events.some((e) => e.passed === true)).toBe(true);
    expect(events.some((e) => e.licence && e.validToDay !== undefined)).toBe(true);
    const built = columnsBuilder();
    for (const p of read) built.add(p);
    expect(built.done().status).toEqual(buildColumns(queried).status);
  });
});
