import { describe, expect, it } from 'vitest';
import { accountToken, actingAs, demoApp } from '../../../tests/helpers/test-app';
import { formatDay, todayInChina } from '../domain/dates';
import { daysAgo, newPremise, pointIn, send, sendOk, villages } from './premise-writes.fixture';

interface Task {
  id: number;
  status: string;
  closedBy: string | null;
  eventId: number | null;
}
interface Answer {
  record: { id: number };
}

const inAMonth = () => formatDay(todayInChina() + 30);

/** A demo record, a new restaurant in the first village, its officer, and a task given to that village. */
async function premiseWithTask() {
  const { app, db } = await demoApp();
  const village = villages(db)[0];
  const officer = actingAs(app, accountToken(db, 'cunguan', 'village', { villageCodes: [village.code] }));
  const file = await newPremise(app, pointIn(village));
  const dispatch = (assignee: Record<string, unknown>) =>
    sendOk<{ tasks: Task[] }>(
      app,
      'POST',
      '/api/tasks',
      { premises: [file.id], assignee, due: inAMonth() },
      201,
    ).then((a) => a.tasks[0]);
  const task = (id: number) => sendOk<Task>(app, 'GET', `/api/tasks/${id}`, undefined, 200);
  return { app, db, village, officer, premiseId: file.id, dispatch, task };
}

describe('recording a step closes the tasks it answers', () => {
  it("an inspection by the village's officer marks the village's open task on that premise done, with the record", async () => {
    const { officer, premiseId, dispatch, task, village } = await premiseWithTask();
    const given = await dispatch({ kind: 'village', id: village.id });
    const answer = await sendOk<Answer>(
      officer,
      'POST',
      `/api/premises/${premiseId}/inspections`,
      { date: daysAgo(1), items: [{ code: 'hygiene.clean', passed: true }] },
      201,
    );
    expect(await task(given.id)).toMatchObject({
      status: 'done',
      closedBy: 'cunguan',
      eventId: answer.record.id,
    });
    const mine = await sendOk<{ items: Task[] }>(
      officer,
      'GET',
      '/api/tasks/mine?status=open',
      undefined,
      200,
    );
    expect(mine.items.map((t) => t.id)).not.toContain(given.id);
  });

  it('a re-inspection and an outcome close tasks too; a step sent again (same clientId) closes nothing twice', async () => {
    const { app, officer, premiseId, dispatch, task, village } = await premiseWithTask();
    const clientId = crypto.randomUUID();
    const inspection = {
      date: daysAgo(3),
      items: [{ code: 'staff.health_cert', passed: false }],
      order: { deadline: inAMonth(), responsible: '王测试' },
      clientId,
    };
    await sendOk(officer, 'POST', `/api/premises/${premiseId}/inspections`, inspection, 201);
    const recheck = await dispatch({ kind: 'village', id: village.id });
    const replay = await send(officer, 'POST', `/api/premises/${premiseId}/inspections`, inspection);
    expect(replay.status).toBe(200);
    expect((await task(recheck.id)).status).toBe('open');
    const passed = await sendOk<Answer>(
      officer,
      'POST',
      `/api/premises/${premiseId}/reinspections`,
      { date: daysAgo(1), passed: true },
      201,
    );
    expect(await task(recheck.id)).toMatchObject({ status: 'done', eventId: passed.record.id });
    const model = await dispatch({ kind: 'village', id: village.id });
    await sendOk(
      app,
      'POST',
      `/api/premises/${premiseId}/outcomes`,
      { date: daysAgo(0), outcome: 'model' },
      201,
    );
    // the admin recorded it: the task is the village's, not the admin's, so it stays open
    expect((await task(model.id)).status).toBe('open');
    await sendOk(
      officer,
      'POST',
      `/api/premises/${premiseId}/outcomes`,
      { date: daysAgo(0), outcome: 'upgraded' },
      201,
    );
    expect((await task(model.id)).status).toBe('done');
  });

  it("leaves other people's tasks and other premises' tasks open", async () => {
    const { app, db, officer, premiseId, dispatch, task, village } = await premiseWithTask();
    accountToken(db, 'zhangsan', 'village', { villageCodes: [village.code] });
    const someoneElses = await dispatch({ kind: 'user', username: 'zhangsan' });
    const other = await newPremise(app, pointIn(village), { name: '另一家小吃店' });
    const otherTask = await sendOk<{ tasks: Task[] }>(
      app,
      'POST',
      '/api/tasks',
      { premises: [other.id], assignee: { kind: 'village', id: village.id }, due: inAMonth() },
      201,
    );
    await sendOk(
      officer,
      'POST',
      `/api/premises/${premiseId}/inspections`,
      { date: daysAgo(1), items: [{ code: 'hygiene.clean', passed: true }] },
      201,
    );
    expect((await task(someoneElses.id)).status).toBe('open');
    expect((await task(otherTask.tasks[0].id)).status).toBe('open');
  });
});
