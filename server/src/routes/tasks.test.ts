import { beforeAll, describe, expect, it } from 'vitest';
import { accountToken, actingAs, demoApp } from '../../../tests/helpers/test-app';
import { sendJson } from '../../../tests/helpers/upload';
import type { AppContext } from '../context';
import { listVillages } from '../db/geography';
import type { Db } from '../db/open-database';
import { completeTasksFor } from '../db/tasks';
import { departmentCategories } from '../domain/auth/roles';
import { CATEGORY_CODES } from '../domain/categories';

type App = Awaited<ReturnType<typeof demoApp>>['app'];
interface Task {
  id: number;
  premise: { id: number; village: { id: number; name: string }; category: string; lngLat: [number, number] };
  assignee: Record<string, unknown>;
  assignees: Record<string, unknown>[];
  due: string;
  status: string;
  origin: string;
  areaId: number | null;
  eventId: number | null;
  closedBy: string | null;
}

/** A square of `halfDeg` around a point, as a GeoJSON polygon. */
const square = ([lng, lat]: [number, number], halfDeg: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng - halfDeg, lat - halfDeg],
      [lng + halfDeg, lat - halfDeg],
      [lng + halfDeg, lat + halfDeg],
      [lng - halfDeg, lat + halfDeg],
      [lng - halfDeg, lat - halfDeg],
    ],
  ],
});

describe('tasks: from premises, a key area or a drawn shape, to whoever keeps them', {
  timeout: 60_000,
}, () => {
  let app: App;
  let db: Db;
  let ctx: AppContext;
  let village: { id: number; code: string; name: string };
  let officer: App;
  /** Premises of the officer's village, on the map at the end of the campaign. */
  let mine: number[];
  let elsewhere: number[];

  beforeAll(async () => {
    ({ app, db, ctx } = await demoApp());
    const villages = listVillages(db);
    village = villages[0];
    officer = actingAs(app, accountToken(db, 'cunganbu', 'village', { villageCodes: [village.code] }));
    const cols = ctx.model.columns;
    const rows = [...Array(cols.count).keys()];
    mine = rows.filter((r) => cols.villageId[r] === village.id).map((r) => cols.id[r]);
    elsewhere = rows.filter((r) => cols.villageId[r] !== village.id).map((r) => cols.id[r]);
  });

  const dispatch = (as: App, body: Record<string, unknown>) => sendJson(as, 'POST', '/api/tasks', body);

  it('gives one task per premise to a village, which its officer sees on their phone, open first by due date', async () => {
    const res = await dispatch(app, {
      premises: mine.slice(0, 3),
      assignee: { kind: 'village', id: village.id },
      due: '2010-07-31',
      note: '复查卫生',
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { count: number; tasks: Task[] };
    expect(created.count).toBe(3);
    expect(created.tasks[0]).toMatchObject({
      premise: { id: mine[0], village: { id: village.id, name: village.name } },
      assignee: { kind: 'village', id: village.id, name: village.name },
      due: '2010-07-31',
      status: 'open',
      origin: 'premises',
    });
    await dispatch(app, {
      premises: [mine[3]],
      assignee: { kind: 'village', id: village.id },
      due: '2010-07-01',
    });
    const phone = (await (await officer.request('/api/tasks/mine')).json()) as {
      total: number;
      items: Task[];
    };
    expect(phone.items.map((t) => t.premise.id)).toEqual([mine[3], mine[0], mine[1], mine[2]]);
    const someoneElse = actingAs(app, accountToken(db, 'qita', 'inspector', { department: 'police' }));
    expect(((await (await someoneElse.request('/api/tasks/mine')).json()) as { total: number }).total).toBe(
      0,
    );
  });

  it('refuses to give a village premises of another village, and premises to someone who cannot record', async () => {
    const res = await dispatch(app, {
      premises: [mine[0], elsewhere[0]],
      assignee: { kind: 'village', id: village.id },
      due: '2010-07-31',
    });
    expect(res.status).toBe(422);
    expect(
      ((await res.json()) as { error: { code: string; details: { premises: number[] } } }).error,
    ).toMatchObject({
      code: 'assignee_out_of_scope',
      details: { premises: [elsewhere[0]] },
    });
    accountToken(db, 'zhidu', 'viewer');
    const viewer = await dispatch(app, {
      premises: [mine[0]],
      assignee: { kind: 'user', username: 'zhidu' },
      due: '2010-07-31',
    });
    expect(viewer.status).toBe(422);
    expect(
      (
        await dispatch(app, {
          premises: [mine[0]],
          assignee: { kind: 'user', username: 'nobody' },
          due: '2010-07-31',
        })
      ).status,
    ).toBe(422);
    expect(
      (await dispatch(app, { assignee: { kind: 'village', id: village.id }, due: '2010-07-31' })).status,
    ).toBe(400);
    expect(
      (
        await dispatch(app, {
          premises: [mine[0]],
          area: 1,
          assignee: { kind: 'village', id: village.id },
          due: '2010-07-31',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await dispatch(app, {
          premises: [99999999],
          assignee: { kind: 'village', id: village.id },
          due: '2010-07-31',
        })
      ).status,
    ).toBe(404);
  });

  it('gives a department only the trades it regulates', async () => {
    const cols = ctx.model.columns;
    const police = new Set(departmentCategories('police').map((c) => CATEGORY_CODES.indexOf(c)));
    const row = [...Array(cols.count).keys()].find((r) => police.has(cols.category[r])) as number;
    const refused = await dispatch(app, {
      premises: [cols.id[row]],
      assignee: { kind: 'department', code: 'aic' },
      due: '2009-07-31',
    });
    expect(refused.status).toBe(422);
    const given = await dispatch(app, {
      premises: [cols.id[row]],
      assignee: { kind: 'department', code: 'police' },
      due: '2009-07-31',
    });
    expect(given.status).toBe(201);
    expect(((await given.json()) as { tasks: Task[] }).tasks[0].assignee).toEqual({
      kind: 'department',
      code: 'police',
      name: '派出所',
    });
  });

  it('gives the premises inside a saved key area or a drawn shape on the day asked', async () => {
    const cols = ctx.model.columns;
    const aic = new Set(departmentCategories('aic').map((c) => CATEGORY_CODES.indexOf(c)));
    const row = [...Array(cols.count).keys()].find((r) => aic.has(cols.category[r])) as number;
    const shape = square([cols.lng[row], cols.lat[row]], 0.0008);
    const at = '2009-06-30';
    const inside = (await (
      await sendJson(app, 'POST', '/api/areas/premises', { geometry: shape, at, pageSize: 500 })
    ).json()) as {
      premises: { id: number; category: string }[];
    };
    expect(inside.premises.length).toBeGreaterThan(1);
    const admin = accountToken(db, 'bangongshi', 'admin');
    const byShape = await dispatch(actingAs(app, admin), {
      geometry: shape,
      at,
      assignee: { kind: 'user', username: 'bangongshi' },
      due: '2009-07-31',
    });
    expect(byShape.status).toBe(201);
    const shaped = (await byShape.json()) as { tasks: Task[] };
    expect(shaped.tasks.map((t) => t.premise.id).sort((a, b) => a - b)).toEqual(
      inside.premises.map((p) => p.id),
    );
    expect(shaped.tasks.every((t) => t.origin === 'shape' && t.assignee.username === 'bangongshi')).toBe(
      true,
    );

    const area = (await (
      await sendJson(app, 'POST', '/api/areas', { name: '任务区', reason: 'other', geometry: shape })
    ).json()) as { id: number };
    const byArea = await dispatch(app, {
      area: area.id,
      at,
      assignee: { kind: 'user', username: 'bangongshi' },
      due: '2009-07-31',
    });
    const areaTasks = ((await byArea.json()) as { tasks: Task[] }).tasks;
    expect(areaTasks.map((t) => t.premise.id).sort((a, b) => a - b)).toEqual(
      inside.premises.map((p) => p.id),
    );
    expect(areaTasks[0]).toMatchObject({ origin: 'area', areaId: area.id });
    // on a day before any of them was surveyed the shape holds nothing to give
    const early = await dispatch(app, {
      geometry: shape,
      at: '2007-01-01',
      assignee: { kind: 'user', username: 'bangongshi' },
      due: '2009-07-31',
    });
    expect(early.status).toBe(422);
    const bad = await dispatch(app, {
      geometry: { type: 'Point', coordinates: [120, 30] },
      assignee: { kind: 'user', username: 'bangongshi' },
      due: '2009-07-31',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_geometry');
  });

  it('lets only dispatchers give work, and lists tasks by status and assignee for them', async () => {
    const inspector = actingAs(app, accountToken(db, 'jianchayuan', 'inspector', { department: 'aic' }));
    for (const who of [officer, inspector, actingAs(app, accountToken(db, 'chakan', 'viewer'))]) {
      const res = await dispatch(who, {
        premises: [mine[0]],
        assignee: { kind: 'village', id: village.id },
        due: '2010-07-31',
      });
      expect(res.status).toBe(403);
    }
    const leader = actingAs(app, accountToken(db, 'zuzhang', 'leader'));
    expect(
      (
        await dispatch(leader, {
          premises: [mine[5]],
          assignee: { kind: 'village', id: village.id },
          due: '2010-08-31',
        })
      ).status,
    ).toBe(201);
    const list = (await (
      await leader.request(`/api/tasks?status=open&assignee=village:${village.id}`)
    ).json()) as { total: number; items: Task[] };
    expect(list.total).toBeGreaterThanOrEqual(5);
    expect(list.items.every((t) => t.status === 'open' && t.assignee.id === village.id)).toBe(true);
    // a village officer reads the tasks of their villages only
    const theirs = (await (await officer.request('/api/tasks')).json()) as { items: Task[] };
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.every((t) => t.premise.village.id === village.id)).toBe(true);
    expect((await actingAs(app, accountToken(db, 'chakan2', 'viewer')).request('/api/tasks')).status).toBe(
      403,
    );
  });

  it('is closed by its assignee with the record that did it, cancelled only by a dispatcher, and never twice', async () => {
    const created = (await (
      await dispatch(app, {
        premises: [mine[6], mine[7]],
        assignee: { kind: 'village', id: village.id },
        due: '2010-09-30',
      })
    ).json()) as { tasks: Task[] };
    const [a, b] = created.tasks;
    const recorded = await sendJson(officer, 'POST', `/api/premises/${mine[6]}/events`, {
      date: '2010-09-01',
      type: 'inspected',
    });
    const eventId = ((await recorded.json()) as { id: number }).id;
    expect((await sendJson(officer, 'PUT', `/api/tasks/${a.id}`, { status: 'cancelled' })).status).toBe(403);
    const wrongEvent = await sendJson(officer, 'PUT', `/api/tasks/${b.id}`, { status: 'done', eventId });
    expect(wrongEvent.status).toBe(400);
    const done = await sendJson(officer, 'PUT', `/api/tasks/${a.id}`, { status: 'done', eventId });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'done', eventId, closedBy: 'cunganbu' });
    expect((await sendJson(officer, 'PUT', `/api/tasks/${a.id}`, { status: 'done' })).status).toBe(409);
    const other = actingAs(
      app,
      accountToken(db, 'biecun', 'village', { villageCodes: [listVillages(db)[1].code] }),
    );
    expect((await sendJson(other, 'PUT', `/api/tasks/${b.id}`, { status: 'done' })).status).toBe(403);
    const cancelled = await sendJson(app, 'PUT', `/api/tasks/${b.id}`, { status: 'cancelled' });
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled' });
    const phone = (await (await officer.request('/api/tasks/mine')).json()) as { items: Task[] };
    const statuses = phone.items.map((t) => t.status);
    expect(statuses.indexOf('open')).toBe(0);
    expect(statuses.lastIndexOf('open')).toBeLessThan(statuses.indexOf('done'));
  });

  it('completeTasksFor closes the open tasks of a premise the actor is asked to do, and no others', async () => {
    accountToken(db, 'zhangsan', 'inspector', { department: 'aic' });
    const cols = ctx.model.columns;
    const aic = new Set(departmentCategories('aic').map((c) => CATEGORY_CODES.indexOf(c)));
    // a premise no earlier test gave work on
    const pid = mine.slice(10).find((id) => aic.has(cols.category[cols.rowOf.get(id) as number])) as number;
    const give = async (assignee: Record<string, unknown>) =>
      (
        (await (await dispatch(app, { premises: [pid], assignee, due: '2010-10-31' })).json()) as {
          tasks: Task[];
        }
      ).tasks[0].id;
    const toPerson = await give({ kind: 'user', username: 'zhangsan' });
    const toDepartment = await give({ kind: 'department', code: 'aic' });
    const toVillage = await give({ kind: 'village', id: village.id });
    const eventId = Number(db.prepare('SELECT max(id) FROM events WHERE premise_id = ?').pluck().get(pid));
    const closed = completeTasksFor(
      db,
      pid,
      { username: 'zhangsan', villages: [], department: 'aic' },
      eventId,
    );
    expect(closed).toEqual([toPerson, toDepartment]);
    const after = (await (await app.request(`/api/tasks?premise=${pid}`)).json()) as { items: Task[] };
    const byId = new Map(after.items.map((t) => [t.id, t]));
    expect(byId.get(toPerson)).toMatchObject({ status: 'done', eventId, closedBy: 'zhangsan' });
    expect(byId.get(toVillage)).toMatchObject({ status: 'open' });
    expect(
      completeTasksFor(db, pid, { username: 'zhangsan', villages: [], department: 'aic' }, eventId),
    ).toEqual([]);
    expect(
      completeTasksFor(db, pid, { username: 'cunganbu', villages: [village.id], department: null }, null),
    ).toEqual([toVillage]);
  });
});
