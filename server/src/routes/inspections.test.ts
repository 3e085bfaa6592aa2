import { describe, expect, it } from 'vitest';
import { accountToken, actingAs, demoApp } from '../../../tests/helpers/test-app';
import { formatDay, todayInChina } from '../domain/dates';
import type { EventView } from '../http/premise-views';
import type { stepAnswer } from '../http/record-steps';
import { daysAgo, newPremise, pointIn, send, sendOk, stats, today, villages } from './premise-writes.fixture';

type Answer = ReturnType<typeof stepAnswer> & { conflict?: { newer: EventView[] } };

const inAMonth = () => formatDay(todayInChina() + 30);
const order = () => ({ deadline: inAMonth(), responsible: '王测试' });

/** A restaurant whose health certificates are missing: one failed item, the problem it raises. */
const failedHealthCheck = () => ({
  date: daysAgo(10),
  items: [
    { code: 'staff.health_cert', passed: false, note: '两名帮工无健康证' },
    { code: 'hygiene.clean', passed: true },
  ],
  order: order(),
});

describe('POST /api/premises/:id/inspections → reinspections → outcomes', () => {
  it('records a failed item as an inspection and an order to rectify, with actor and deadline; the village shows it rectifying', async () => {
    const { app, db } = await demoApp();
    const village = villages(db)[0];
    const file = await newPremise(app, pointIn(village));
    const before = await stats(app, `&village=${village.id}`);
    const answer = await sendOk<Answer>(
      app,
      'POST',
      `/api/premises/${file.id}/inspections`,
      failedHealthCheck(),
      201,
    );
    expect(answer.record).toMatchObject({ type: 'inspected', problems: ['unsanitary'], actor: 'test-admin' });
    expect(answer.record.checklist?.version).toBe(1);
    expect(answer.record.checklist?.items).toContainEqual({
      code: 'staff.health_cert',
      passed: false,
      note: '两名帮工无健康证',
    });
    expect(answer.order).toMatchObject({
      type: 'ordered',
      deadline: inAMonth(),
      responsible: '王测试',
      actor: 'test-admin',
      parentEventId: answer.record.id,
    });
    expect(answer.state.status).toBe('rectifying');
    const after = await stats(app, `&village=${village.id}`);
    expect(after.byStatus.rectifying).toBe(before.byStatus.rectifying + 1);
    expect(after.byStatus.pending).toBe(before.byStatus.pending - 1);
  });

  it('refuses an inspection that finds problems without an order, and one with dates that cannot be', async () => {
    const { app, db } = await demoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    const path = `/api/premises/${file.id}/inspections`;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...failedHealthCheck(), order: undefined }, /order: problems were found \(unsanitary\)/],
      [{ ...failedHealthCheck(), date: formatDay(todayInChina() + 1) }, /date: .* is in the future/],
      [{ ...failedHealthCheck(), date: daysAgo(31) }, /date: .* is before this premise was surveyed/],
      [{ ...failedHealthCheck(), date: '2010-02-30' }, /date: expected a real date/],
      [
        { ...failedHealthCheck(), order: { ...order(), deadline: daysAgo(20) } },
        /order.deadline: .* before the record/,
      ],
      [
        { date: daysAgo(1), items: [{ code: 'hygiene.sparkles', passed: true }] },
        /items: hygiene.sparkles not in/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await send(app, 'POST', path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(db.prepare('SELECT count(*) FROM events WHERE premise_id = ?').pluck().get(file.id)).toBe(1);
  });

  it('makes the premise compliant on a passed re-inspection, and the village’s progress moves up', async () => {
    const { app, db } = await demoApp();
    const village = villages(db)[0];
    const file = await newPremise(app, pointIn(village));
    await sendOk(app, 'POST', `/api/premises/${file.id}/inspections`, failedHealthCheck(), 201);
    const before = await stats(app, `&village=${village.id}`);
    const passed = await sendOk<Answer>(
      app,
      'POST',
      `/api/premises/${file.id}/reinspections`,
      { date: daysAgo(2), passed: true, items: [{ code: 'staff.health_cert', passed: true }] },
      201,
    );
    expect(passed.record).toMatchObject({ type: 'reinspected', passed: true });
    expect(passed.order).toBeNull();
    expect(passed.state.status).toBe('compliant');
    const after = await stats(app, `&village=${village.id}`);
    expect(after.byStatus.compliant).toBe(before.byStatus.compliant + 1);
    expect(after.progress).toBeCloseTo(before.progress + 1 / before.surveyed, 10);
  });

  it('keeps two failed re-inspections on record, each with a new order', async () => {
    const { app, db } = await demoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    await sendOk(app, 'POST', `/api/premises/${file.id}/inspections`, failedHealthCheck(), 201);
    for (const ago of [6, 3]) {
      const failed = await sendOk<Answer>(
        app,
        'POST',
        `/api/premises/${file.id}/reinspections`,
        { date: daysAgo(ago), passed: false, problems: ['unsanitary'], order: order() },
        201,
      );
      expect(failed.record).toMatchObject({ type: 'reinspected', passed: false, problems: ['unsanitary'] });
      expect(failed.order).toMatchObject({ type: 'ordered', parentEventId: failed.record.id });
      expect(failed.state.status).toBe('rectifying');
    }
    const missingOrder = await send(app, 'POST', `/api/premises/${file.id}/reinspections`, {
      date: today(),
      passed: false,
    });
    expect(missingOrder.status).toBe(400);
    const events = (
      await sendOk<{ events: EventView[] }>(app, 'GET', `/api/premises/${file.id}`, undefined, 200)
    ).events;
    expect(events.filter((e) => e.type === 'reinspected' && e.passed === false)).toHaveLength(2);
    expect(events.filter((e) => e.type === 'ordered')).toHaveLength(3);
  });

  it('records an outcome: closing a premise', async () => {
    const { app, db } = await demoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    const closed = await sendOk<Answer>(
      app,
      'POST',
      `/api/premises/${file.id}/outcomes`,
      { date: daysAgo(1), outcome: 'closed', note: '自行关停' },
      201,
    );
    expect(closed.record).toMatchObject({ type: 'closed', note: '自行关停' });
    expect(closed.state.status).toBe('closed');
  });
});

describe('a phone that was offline', () => {
  it('sends the same inspection twice (same clientId): recorded once, the first answer again', async () => {
    const { app, db } = await demoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    const body = { ...failedHealthCheck(), clientId: 'a3bb189e-8bf9-4888-9912-ace4e6543002' };
    const first = await sendOk<Answer>(app, 'POST', `/api/premises/${file.id}/inspections`, body, 201);
    const count = db.prepare('SELECT count(*) FROM events WHERE premise_id = ?').pluck().get(file.id);
    const again = await sendOk<Answer & { replayed: boolean }>(
      app,
      'POST',
      `/api/premises/${file.id}/inspections`,
      body,
      200,
    );
    expect(again.replayed).toBe(true);
    expect(again.record.id).toBe(first.record.id);
    expect(again.order?.id).toBe(first.order?.id);
    expect(db.prepare('SELECT count(*) FROM events WHERE premise_id = ?').pluck().get(file.id)).toBe(count);
    const elsewhere = await newPremise(app, pointIn(villages(db)[0]));
    const reused = await send(app, 'POST', `/api/premises/${elsewhere.id}/inspections`, body);
    expect(reused.status).toBe(409);
  });

  it('records a step based on an old copy of the file, and answers with the records it did not know', async () => {
    const { app, db } = await demoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    const known = file.events[0].id;
    await sendOk(
      app,
      'POST',
      `/api/premises/${file.id}/licences`,
      { licence: 'business', licenceNo: '330104000000001', validFrom: daysAgo(20) },
      201,
    );
    const answer = await sendOk<Answer>(
      app,
      'POST',
      `/api/premises/${file.id}/inspections`,
      { ...failedHealthCheck(), basedOnEventId: known },
      201,
    );
    expect(answer.record.type).toBe('inspected');
    expect(answer.conflict?.newer.map((e) => e.type)).toEqual(['licence_obtained']);
    const upToDate = await sendOk<Answer>(
      app,
      'POST',
      `/api/premises/${file.id}/reinspections`,
      { date: daysAgo(1), passed: true, basedOnEventId: answer.order?.id },
      201,
    );
    expect(upToDate.conflict).toBeUndefined();
  });
});

describe('who may record what', () => {
  it('refuses a village officer a premise of another village (403)', async () => {
    const { app, db } = await demoApp();
    const [home, away] = villages(db);
    const officer = actingAs(app, accountToken(db, 'cunguan', 'village', { villageCodes: [home.code] }));
    const theirs = await newPremise(app, pointIn(away));
    const res = await send(officer, 'POST', `/api/premises/${theirs.id}/inspections`, failedHealthCheck());
    expect(res.status).toBe(403);
    const mine = await newPremise(app, pointIn(home));
    const ok = await sendOk<Answer>(
      officer,
      'POST',
      `/api/premises/${mine.id}/inspections`,
      failedHealthCheck(),
      201,
    );
    expect(ok.record.actor).toBe('cunguan');
  });

  it('refuses an inspector another department’s trade; a joint inspection names every department', async () => {
    const { app, db } = await demoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    const police = actingAs(app, accountToken(db, 'paichusuo', 'inspector', { department: 'police' }));
    expect(
      (await send(police, 'POST', `/api/premises/${file.id}/inspections`, failedHealthCheck())).status,
    ).toBe(403);
    const aic = actingAs(app, accountToken(db, 'gongshang', 'inspector', { department: 'aic' }));
    const joint = await sendOk<Answer>(
      aic,
      'POST',
      `/api/premises/${file.id}/inspections`,
      { ...failedHealthCheck(), departments: ['police', 'enforcement'] },
      201,
    );
    expect(joint.record.departments.map((d) => d.code)).toEqual(['aic', 'police', 'enforcement']);
    expect(joint.record.actor).toBe('gongshang');
    const alone = await sendOk<Answer>(
      aic,
      'POST',
      `/api/premises/${file.id}/reinspections`,
      { date: today(), passed: true },
      201,
    );
    expect(alone.record.departments).toEqual([
      { code: 'aic', name: '工商所', nameEn: 'Market supervision office' },
    ]);
    const audit = db
      .prepare(
        "SELECT actor FROM audit_log WHERE entity = 'event' AND json_extract(after, '$.premiseId') = ? ORDER BY id",
      )
      .pluck()
      .all(file.id);
    expect(audit).toEqual(['gongshang', 'gongshang', 'gongshang']);
  });
});
