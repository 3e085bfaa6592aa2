import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInFetch } from '../helpers/api-session';
import { TEST_ADMIN_PASSWORD } from '../helpers/app-in-browser';
import { eventBurst, premisesSurveyedBy, until } from '../helpers/event-burst';
import { type RunningServer, startServer } from '../helpers/server-process';

const ROWS = 5000;
const CATEGORIES = ['小食杂店', '小餐饮店', '美容美发', '小药店', '小农资店'];

/** A survey list of new premises in 大唐村; every tenth without coordinates (the geocoder places it). */
function surveyList(): string {
  const lines = ['名称,经营者,联系电话,地址,所属村社区,行业,经度,纬度,摸底日期'];
  for (let i = 0; i < ROWS; i++) {
    const located = i % 10 !== 0;
    const lng = located ? (120.205 + (i % 100) * 0.0001).toFixed(6) : '';
    const lat = located ? (30.335 + (i % 97) * 0.0001).toFixed(6) : '';
    lines.push(
      `压测店${i},李${i % 100},139${String(i).padStart(8, '0')},丁桥镇大唐村${(i % 9) + 1}组${i}号,大唐村,${CATEGORIES[i % 5]},${lng},${lat},2008-03-15`,
    );
  }
  return lines.join('\n');
}

describe('a crash (SIGKILL) while records are written and an import commits', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('leaves integrity ok, the import all or nothing, and every acknowledged record present', async () => {
    const dbFile = join(server.dataDir, 'shixiao.sqlite');
    const api = await signedInFetch(server.url);
    const form = new FormData();
    form.append('file', new File([surveyList()], '压测.csv'));
    const staged = await (await api('/api/imports/premises', { method: 'POST', body: form })).json();
    expect(staged.rowCount).toBe(ROWS);
    const importId: number = staged.importId;
    const checked = await api(`/api/imports/${importId}/validate`, { method: 'POST' });
    expect(await checked.json()).toMatchObject({ validRows: ROWS, invalidRows: 0 });

    const burst = eventBurst(api, premisesSurveyedBy(dbFile, '2010-06-30'));
    await until(() => burst.acked.length >= 30);
    const commit = await api(`/api/imports/${importId}/commit?wait=0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(commit.status).toBe(202);

    // Watch the job from outside, as SQLite lets another process read while the server writes.
    // Its phase turns to `writing` just before the commit's one transaction begins: kill then.
    const watcher = new Database(dbFile, { readonly: true, fileMustExist: true });
    const jobRow = watcher.prepare(
      "SELECT state, json_extract(progress, '$.phase') AS phase FROM import_jobs WHERE id = ?",
    );
    let atKill = { state: 'staged', phase: 'validated' };
    await until(
      () => {
        atKill = jobRow.get(importId) as typeof atKill;
        return atKill.phase === 'writing' || atKill.state !== 'staged';
      },
      30_000,
      2,
    );
    watcher.close();
    await server.kill('SIGKILL');
    await burst.stop();
    // The commit had begun writing (or, on a fast machine, had just finished) when the server died.
    expect(['writing', 'committed']).toContain(atKill.phase);
    expect(burst.refused).toEqual([]);

    await server.restart();
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    let premisesOnRecord: number;
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const state = db.prepare('SELECT state FROM import_jobs WHERE id = ?').pluck().get(importId);
      const imported = db
        .prepare('SELECT count(*) FROM premises WHERE archive_no LIKE ?')
        .pluck()
        .get(`IMP${importId}-%`);
      const itemsWithTheirPremise = db
        .prepare(
          "SELECT count(*) FROM import_items i JOIN premises p ON p.id = i.entity_id WHERE i.import_id = ? AND i.action = 'created'",
        )
        .pluck()
        .get(importId);
      if (state === 'committed') {
        expect(imported).toBe(ROWS);
        expect(itemsWithTheirPremise).toBe(ROWS);
      } else {
        expect(imported).toBe(0);
        expect(itemsWithTheirPremise).toBe(0);
      }
      const premiseOf = db.prepare('SELECT premise_id FROM events WHERE id = ?').pluck();
      expect(burst.acked.filter((a) => premiseOf.get(a.id) !== a.premiseId)).toEqual([]);
      premisesOnRecord = Number(db.prepare('SELECT count(*) FROM premises').pluck().get());
      console.log(
        `killed in phase ${atKill.phase}; after restart the import is ${state}; ${burst.acked.length} acknowledged records all present`,
      );
    } finally {
      db.close();
    }

    // The restarted server serves that record: its model holds every premise the database does.
    const again = await signedInFetch(server.url);
    const stats = await (await again('/api/stats?at=2030-01-01')).json();
    expect(stats.surveyed).toBe(premisesOnRecord);
  });
});
