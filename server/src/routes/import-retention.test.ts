import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { accountToken, actingAs, DEMO_DIR, demoApp } from '../../../tests/helpers/test-app';
import { sendJson, upload } from '../../../tests/helpers/upload';
import { searchAudit } from '../db/audit';
import { stageRows } from '../db/import-jobs';
import { MIGRATIONS } from '../db/migrations';
import { migrate } from '../db/open-database';
import { tidyImports } from '../pipelines/tidy-imports';

type Demo = Awaited<ReturnType<typeof demoApp>>;

const ID = '110105194912310021'; // a well-formed ID number whose check digit is wrong: a warning that quotes it
const PHONE = '13812345678901'; // three digits too many: an error that quotes it
const HEADER = '店名,负责人,联系电话,身份证号,经营地址,所属村（社区）,行业类别,经度,纬度,摸底日期';
const good = (name: string, phone = '13912345678') =>
  `${name},王五,${phone},${ID},丁桥镇大唐村1组99号,大唐村,小吃,120.2101,30.3418,2008-03-15`;

const rowsOf = (db: Demo['db'], id: number) =>
  Number(db.prepare('SELECT count(*) FROM import_rows WHERE import_id = ?').pluck().get(id));
const storedValidation = (db: Demo['db'], id: number) =>
  String(db.prepare('SELECT validation FROM import_jobs WHERE id = ?').pluck().get(id));

async function stage(app: Demo['app'], lines: string[]): Promise<number> {
  const res = await upload(app, '/api/imports/premises', [
    { name: '摸底.csv', bytes: [HEADER, ...lines].join('\r\n') },
  ]);
  expect(res.status).toBe(201);
  return (await res.json()).importId;
}

describe('staged import rows are kept to the work', { timeout: 30_000 }, () => {
  it('purges a premise import’s rows at commit; its report stays, masked; undo still works', async () => {
    const { app, db, ctx } = await demoApp();
    const before = ctx.model.columns.count;
    const id = await stage(app, [good('新开张面馆'), good('老街面馆')]);
    expect(rowsOf(db, id)).toBe(2);
    const dryRun = await (await sendJson(app, 'POST', `/api/imports/${id}/validate`)).json();
    expect(dryRun.warnings.map((w: { value: string }) => w.value)).toEqual([ID, ID]);
    expect((await sendJson(app, 'POST', `/api/imports/${id}/commit`, {})).status).toBe(200);

    expect(rowsOf(db, id)).toBe(0);
    expect(storedValidation(db, id)).not.toContain(ID);
    const job = await (await app.request(`/api/imports/${id}`)).json();
    expect(job).toMatchObject({ state: 'committed', rowsPurged: true, preview: [], rowCount: 2 });
    expect(job.result).toMatchObject({ created: 2 });
    expect(job.validation.warnings[0]).toMatchObject({
      row: 2,
      field: 'idNumber',
      value: '110105********0021',
    });
    const report = await app.request(`/api/imports/${id}/errors.csv`);
    expect(report.status).toBe(200);
    const text = await report.text();
    expect(text).toContain('110105********0021');
    expect(text).not.toContain(ID);

    expect((await sendJson(app, 'POST', `/api/imports/${id}/undo`)).status).toBe(200);
    expect(ctx.model.columns.count).toBe(before);
    expect(searchAudit(db, { action: 'undo_import', limit: 1, offset: 0 }).items[0].actor).toBe('test-admin');
  });

  it('purges a boundary import’s rows at commit; door plates never stage any', async () => {
    const { app, db } = await demoApp();
    const villages = JSON.parse(readFileSync(`${DEMO_DIR}/villages.geojson`, 'utf8'));
    const file = JSON.stringify({ ...villages, features: villages.features.slice(0, 2) });
    const staged = await (
      await upload(app, '/api/imports/boundaries', [{ name: 'v.geojson', bytes: file }])
    ).json();
    expect(rowsOf(db, staged.importId)).toBe(2);
    expect(
      (await sendJson(app, 'POST', `/api/imports/boundaries/${staged.importId}/commit`, {})).status,
    ).toBe(200);
    expect(rowsOf(db, staged.importId)).toBe(0);
    expect(await (await app.request(`/api/imports/${staged.importId}`)).json()).toMatchObject({
      state: 'committed',
      rowsPurged: true,
      features: [],
      result: { replaced: 2 },
    });

    const plates = '村/社区,组,路,号,经度,纬度\r\n沿山村,9,,88,120.2482,30.3769';
    const res = await upload(app, '/api/imports/addresses', [{ name: '门牌.csv', bytes: plates }]);
    expect(res.status).toBe(201);
    expect(rowsOf(db, (await res.json()).importId)).toBe(0);
  });

  it('abandons a staged import on DELETE: its rows purged, its report masked, on the audit log, then closed', async () => {
    const { app, db } = await demoApp();
    const id = await stage(app, [good('新开张面馆', PHONE)]);
    const dryRun = await (await sendJson(app, 'POST', `/api/imports/${id}/validate`)).json();
    expect(dryRun.errors.map((e: { value: string }) => e.value)).toContain(PHONE);

    const res = await app.request(`/api/imports/${id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      importId: id,
      state: 'abandoned',
      abandonedAt: expect.any(String),
    });
    expect(rowsOf(db, id)).toBe(0);
    const stored = storedValidation(db, id);
    expect(stored).not.toContain(PHONE);
    expect(stored).not.toContain(ID);
    expect(searchAudit(db, { action: 'abandon_import', limit: 5, offset: 0 }).items).toMatchObject([
      { actor: 'test-admin', entity: 'import', entityId: id, after: { purgedRows: 1, reason: 'abandoned' } },
    ]);
    expect((await app.request(`/api/imports/${id}/errors.csv`)).status).toBe(200);

    const again = await app.request(`/api/imports/${id}`, { method: 'DELETE' });
    expect(again.status).toBe(409);
    expect((await again.json()).error.messageZh).toBe(`第 ${id} 号导入已放弃；只有尚未导入的才能放弃`);
    expect((await sendJson(app, 'POST', `/api/imports/${id}/commit`, {})).status).toBe(409);
    expect((await sendJson(app, 'POST', `/api/imports/${id}/validate`)).status).toBe(409);
    expect((await app.request('/api/imports/99999', { method: 'DELETE' })).status).toBe(404);
  });

  it('will not abandon a committed import (it can be undone)', async () => {
    const { app } = await demoApp();
    const id = await stage(app, [good('新开张面馆')]);
    expect((await sendJson(app, 'POST', `/api/imports/${id}/commit`, {})).status).toBe(200);
    const res = await app.request(`/api/imports/${id}`, { method: 'DELETE' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toBe(
      `import ${id} is committed; only a staged import can be abandoned (a committed one can be undone)`,
    );
  });

  it('shows the preview and abandons only for the import action: a leader gets 403', async () => {
    const { app, anonymous, db } = await demoApp();
    const id = await stage(app, [good('新开张面馆')]);
    const leader = actingAs(anonymous, accountToken(db, 'lingdao', 'leader'));
    expect((await leader.request(`/api/imports/${id}`)).status).toBe(403);
    expect((await leader.request(`/api/imports/${id}`, { method: 'DELETE' })).status).toBe(403);
    expect(rowsOf(db, id)).toBe(1);
  });

  it('abandons imports staged over a week ago, and purges rows settled jobs kept from before', async () => {
    const { app, db, ctx } = await demoApp();
    const stale = await stage(app, [good('一周前')]);
    const fresh = await stage(app, [good('今天')]);
    const settled = await stage(app, [good('早已导入')]);
    expect((await sendJson(app, 'POST', `/api/imports/${settled}/commit`, {})).status).toBe(200);
    stageRows(db, settled, [{ rowNo: 2, data: { cells: ['早已导入', '王五', '13912345678'] } }]);
    db.prepare("UPDATE import_jobs SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").run(stale);

    expect(tidyImports(ctx)).toEqual({ purged: [settled], abandoned: [stale] });
    expect([rowsOf(db, stale), rowsOf(db, fresh), rowsOf(db, settled)]).toEqual([0, 1, 0]);
    const states = db
      .prepare('SELECT id, state FROM import_jobs WHERE id IN (?, ?) ORDER BY id')
      .raw()
      .all(stale, fresh);
    expect(states).toEqual([
      [stale, 'abandoned'],
      [fresh, 'staged'],
    ]);
    expect(searchAudit(db, { action: 'abandon_import', limit: 5, offset: 0 }).items[0]).toMatchObject({
      actor: null,
      entityId: stale,
      after: { reason: 'stale' },
    });
    expect(tidyImports(ctx)).toEqual({ purged: [], abandoned: [] });
  });
});

describe('migration 10: jobs can be abandoned', () => {
  it('keeps every job, staged row and undo item of a record from before', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT)',
    );
    for (const m of MIGRATIONS.filter((m) => m.version < 10)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(m.version, m.name);
    }
    db.exec(`
      INSERT INTO import_jobs (id, kind, state, file_name, file_bytes, format, row_count)
        VALUES (1, 'premises', 'staged', 'a.csv', 10, 'csv', 1), (2, 'premises', 'committed', 'b.csv', 10, 'csv', 1);
      INSERT INTO import_rows (import_id, row_no, data) VALUES (1, 2, '{"cells":[]}'), (2, 2, '{"cells":[]}');
      INSERT INTO import_items (import_id, row_no, action, entity, entity_id) VALUES (2, 2, 'created', 'premise', 7);
    `);
    expect(migrate(db)).toEqual(MIGRATIONS.filter((m) => m.version >= 10).map((m) => m.version));
    expect(db.prepare('SELECT count(*) FROM import_rows').pluck().get()).toBe(2);
    expect(db.prepare('SELECT import_id, entity_id FROM import_items').raw().all()).toEqual([[2, 7]]);
    db.prepare("UPDATE import_jobs SET state = 'abandoned' WHERE id = 1").run();
    expect(() => db.prepare("UPDATE import_jobs SET state = 'gone' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare('DELETE FROM import_jobs WHERE id = 2').run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM import_jobs WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM import_rows').pluck().get()).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
