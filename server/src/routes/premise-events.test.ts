import { describe, expect, it } from 'vitest';
import { demoApp, getJson } from '../../../tests/helpers/test-app';

const post = (app: Awaited<ReturnType<typeof demoApp>>['app'], path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

type Stats = { byStatus: Record<string, number>; unlicensed: number };

describe('POST /api/premises/:id/events', () => {
  it('records an event, audits it, and moves the numbers at once', async () => {
    const { app, db, ctx } = await demoApp();
    const id = ctx.model.columns.id[0];
    const before = await getJson<{ state: { status: string } }>(app, `/api/premises/${id}?at=2010-12-31`);
    const statsBefore = await getJson<Stats>(app, '/api/stats?at=2010-12-31');
    const res = await post(app, `/api/premises/${id}/events`, {
      date: '2010-12-30',
      type: 'closed',
      note: '自行歇业',
    });
    expect(res.status).toBe(201);
    const after = await getJson<{ state: { status: string }; events: { type: string; note?: string }[] }>(
      app,
      `/api/premises/${id}?at=2010-12-31`,
    );
    expect(after.state.status).toBe('closed');
    expect(after.events.at(-1)).toMatchObject({ type: 'closed', note: '自行歇业' });
    const statsAfter = await getJson<Stats>(app, '/api/stats?at=2010-12-31');
    if (before.state.status !== 'closed')
      expect(statsAfter.byStatus.closed).toBe(statsBefore.byStatus.closed + 1);
    const auditRow = db.prepare("SELECT entity, action FROM audit_log WHERE entity = 'event'").get();
    expect(auditRow).toEqual({ entity: 'event', action: 'create' });
  });

  it.each([
    [{ date: '2010-02-30', type: 'inspected' }, /date: expected a real date as YYYY-MM-DD/],
    [{ date: '2010-02-01', type: 'demolished' }, /type: expected one of surveyed/],
    [{ date: '2010-02-01', type: 'ordered' }, /deadline: an order to rectify needs a deadline/],
    [
      { date: '2010-02-01', type: 'ordered', deadline: '2010-01-01' },
      /deadline: the deadline 2010-01-01 is before/,
    ],
    [
      { date: '2010-02-01', type: 'licence_obtained' },
      /licence: a licence_obtained record needs the licence type/,
    ],
    [{ date: '2010-02-01', type: 'inspected', problems: ['smelly'] }, /problems/],
    [{ date: '2001-02-01', type: 'inspected' }, /before this premise was surveyed/],
    [{ date: '2010-02-01', type: 'inspected', extra: '<script>' }, /unknown field "extra"; remove it/],
  ])('refuses %j with a 400 that says what to fix, and changes nothing', async (body, message) => {
    const { app, db, ctx } = await demoApp();
    const id = ctx.model.columns.id[0];
    const count = db.prepare('SELECT count(*) FROM events').pluck().get();
    const res = await post(app, `/api/premises/${id}/events`, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(count);
  });

  it('answers 404 for an unknown premise and 400 for a body that is not JSON', async () => {
    const { app } = await demoApp();
    expect(
      (await post(app, '/api/premises/9999999/events', { date: '2010-02-01', type: 'inspected' })).status,
    ).toBe(404);
    const res = await app.request('/api/premises/1/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"date": ',
    });
    expect(res.status).toBe(400);
  });
});
