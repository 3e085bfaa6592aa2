import { describe, expect, it } from 'vitest';
import { accountToken, actingAs, demoApp } from '../../../tests/helpers/test-app';
import type { PremiseFile } from '../http/premise-file';
import { daysAgo, newPremise, pointIn, send, sendOk, villages } from './premise-writes.fixture';

type Created = PremiseFile & { placement: { method: string; confidence: number | null } };

describe('POST /api/premises (a premise file opened by hand)', () => {
  it('opens a file from a point clicked on the map: village from the point, an archive number, a surveyed record', async () => {
    const { app, db } = await demoApp();
    const [home] = villages(db);
    const file = (await newPremise(app, pointIn(home), { surveyDate: '2010-06-01' })) as Created;
    expect(file.village?.id).toBe(home.id);
    expect(file.geocodeMethod).toBe('manual');
    expect(file.placement.method).toBe('manual');
    // The demo numbers its files DQ<survey year>-<sequence>; 2010 runs to DQ2010-0047.
    expect(file.archiveNo).toBe('DQ2010-0048');
    expect(file.events).toHaveLength(1);
    expect(file.events[0]).toMatchObject({ type: 'surveyed', date: '2010-06-01', actor: 'test-admin' });
    expect(file.edits[0]).toMatchObject({ action: 'create', actor: 'test-admin' });
    const layer = await app.request('/api/layers/premises');
    expect(layer.status).toBe(200);
  });

  it('geocodes a file given only its address, as the import does', async () => {
    const { app } = await demoApp();
    const file = (await sendOk(
      app,
      'POST',
      '/api/premises',
      { name: '大唐新店', category: 'grocery', address: '丁桥镇大唐村1组23号', surveyDate: daysAgo(3) },
      201,
    )) as Created;
    expect(file.placement.method).toBe('address_point');
    expect(file.village?.name).toBe('大唐村');
    expect(file.geocodeMethod).toBe('address_point');
  });

  it('refuses a bad phone, a bad ID number, a taken archive number, a future survey and a point outside the township', async () => {
    const { app, db } = await demoApp();
    const inside = pointIn(villages(db)[0]);
    const base = { name: '店', category: 'grocery', address: '丁桥镇测试路2号', lngLat: inside };
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ phone: '12345' }, 400, /phone: expected a phone number/],
      [{ idNumber: '330104198202244367' }, 400, /idNumber: the last character does not match/],
      [{ archiveNo: 'DQ2008-0001' }, 409, /archiveNo: DQ2008-0001 is already the number of premise/],
      [{ surveyDate: '2999-01-01' }, 400, /surveyDate: 2999-01-01 is in the future/],
      [{ surveyDate: '2010-02-30' }, 400, /surveyDate: expected a real date/],
      [{ lngLat: [121.5, 31.2] }, 400, /village/],
    ];
    const before = db.prepare('SELECT count(*) FROM premises').pluck().get();
    for (const [change, status, message] of cases) {
      const res = await send(app, 'POST', '/api/premises', { ...base, ...change });
      const body = (await res.json()) as { error: { message: string } };
      expect(res.status, JSON.stringify(change)).toBe(status);
      expect(body.error.message).toMatch(message);
    }
    expect(db.prepare('SELECT count(*) FROM premises').pluck().get()).toBe(before);
  });

  it('lets a village officer open files only inside their villages', async () => {
    const { app, db } = await demoApp();
    const [home, away] = villages(db);
    const officer = actingAs(app, accountToken(db, 'cunguan', 'village', { villageCodes: [home.code] }));
    await newPremise(officer, pointIn(home));
    const refused = await send(officer, 'POST', '/api/premises', {
      name: '越界店',
      category: 'grocery',
      address: '丁桥镇测试路3号',
      lngLat: pointIn(away),
    });
    expect(refused.status).toBe(403);
  });

  it('answers the first result again when a phone sends the same clientId twice', async () => {
    const { app, db } = await demoApp();
    const clientId = '6f1c4a52-3b7e-4c1d-9a55-0e2f6a7b8c9d';
    const first = await newPremise(app, pointIn(villages(db)[0]), { clientId });
    const again = await sendOk<PremiseFile & { replayed: boolean }>(
      app,
      'POST',
      '/api/premises',
      {
        name: '测试小吃店',
        category: 'restaurant',
        address: '丁桥镇测试路1号',
        lngLat: pointIn(villages(db)[0]),
        clientId,
      },
      200,
    );
    expect(again.id).toBe(first.id);
    expect(again.replayed).toBe(true);
  });
});

describe('PUT /api/premises/:id (editing the file)', () => {
  it('edits fields, logs before → after with the actor, and shows the edit in the file', async () => {
    const { app, db } = await demoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    const edited = await sendOk<PremiseFile & { changed: string[] }>(
      app,
      'PUT',
      `/api/premises/${file.id}`,
      { baseUpdatedAt: file.updatedAt, name: '测试小吃店（新址）', phone: '0571-86001234', keyObject: true },
      200,
    );
    expect(edited.changed.sort()).toEqual(['keyObject', 'name', 'phone']);
    expect(edited.name).toBe('测试小吃店（新址）');
    expect(edited.updatedAt > file.updatedAt).toBe(true);
    const edit = edited.edits.at(-1);
    expect(edit).toMatchObject({ action: 'update', actor: 'test-admin' });
    expect(edit?.changes).toContainEqual({
      field: 'name',
      before: '测试小吃店',
      after: '测试小吃店（新址）',
    });
    const row = db
      .prepare(
        "SELECT actor, before, after FROM audit_log WHERE entity = 'premise' AND action = 'update' AND entity_id = ?",
      )
      .get(file.id) as { actor: string; before: string; after: string };
    expect(row.actor).toBe('test-admin');
    expect(JSON.parse(row.before)).toMatchObject({ name: '测试小吃店', keyObject: false });
  });

  it('answers 409 with the current values when someone else changed the file since the edit started', async () => {
    const { app, db } = await demoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    await sendOk(
      app,
      'PUT',
      `/api/premises/${file.id}`,
      { baseUpdatedAt: file.updatedAt, notes: '第一人' },
      200,
    );
    const late = await send(app, 'PUT', `/api/premises/${file.id}`, {
      baseUpdatedAt: file.updatedAt,
      notes: '第二人',
    });
    expect(late.status).toBe(409);
    const body = (await late.json()) as { error: { code: string; details: { current: PremiseFile } } };
    expect(body.error.code).toBe('edit_conflict');
    expect(body.error.details.current.notes).toBe('第一人');
    expect(body.error.details.current.updatedAt).not.toBe(file.updatedAt);
  });

  it('moves the pin: placed by hand, the village follows the point across a boundary, the gazetteer learns', async () => {
    const { app, db } = await demoApp();
    const [home, away] = villages(db);
    const file = await newPremise(app, pointIn(home), { address: `丁桥镇${away.name}9组99号` });
    const plates = Number(db.prepare('SELECT count(*) FROM address_points').pluck().get());
    const moved = await sendOk<PremiseFile & { changed: string[] }>(
      app,
      'PUT',
      `/api/premises/${file.id}`,
      { baseUpdatedAt: file.updatedAt, lngLat: pointIn(away) },
      200,
    );
    expect(moved.village?.id).toBe(away.id);
    expect(moved.geocodeMethod).toBe('manual');
    expect(moved.changed).toEqual(expect.arrayContaining(['lngLat', 'villageId']));
    expect(Number(db.prepare('SELECT count(*) FROM address_points').pluck().get())).toBe(plates + 1);
    const stats = await sendOk<{ byVillage: Record<string, { surveyed: number }> }>(
      app,
      'GET',
      `/api/stats?at=${daysAgo(0)}&village=${away.id}`,
      undefined,
      200,
    );
    expect(stats.byVillage[String(away.id)].surveyed).toBeGreaterThan(0);
  });

  it('refuses a village officer moving a premise out of their villages, and one of another village outright', async () => {
    const { app, db } = await demoApp();
    const [home, away] = villages(db);
    const officer = actingAs(app, accountToken(db, 'cunguan', 'village', { villageCodes: [home.code] }));
    const mine = await newPremise(officer, pointIn(home));
    const out = await send(officer, 'PUT', `/api/premises/${mine.id}`, {
      baseUpdatedAt: mine.updatedAt,
      lngLat: pointIn(away),
    });
    expect(out.status).toBe(403);
    const theirs = await newPremise(app, pointIn(away));
    const other = await send(officer, 'PUT', `/api/premises/${theirs.id}`, {
      baseUpdatedAt: theirs.updatedAt,
      name: 'x',
    });
    expect(other.status).toBe(403);
  });
});
