import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedInFetch, signedInFetch } from '../helpers/api-session';
import { TEST_ADMIN_PASSWORD } from '../helpers/app-in-browser';
import { eventBurst, premisesSurveyedBy, until } from '../helpers/event-burst';
import { runCli } from '../helpers/run-cli';
import { type RunningServer, startServer } from '../helpers/server-process';

/** Three new premises through the import API, committed before it answers. */
async function importThree(api: SignedInFetch): Promise<number> {
  const form = new FormData();
  const csv = [
    '名称,地址,所属村社区,行业,经度,纬度,摸底日期',
    '备份后新店1,丁桥镇大唐村1组901号,大唐村,小食杂店,120.2101,30.3418,2009-03-15',
    '备份后新店2,丁桥镇大唐村1组902号,大唐村,小餐饮店,120.2102,30.3419,2009-03-15',
    '备份后新店3,丁桥镇大唐村1组903号,大唐村,小药店,120.2103,30.3420,2009-03-15',
  ].join('\n');
  form.append('file', new File([csv], '备份后.csv'));
  const staged = await (await api('/api/imports/premises', { method: 'POST', body: form })).json();
  expect((await api(`/api/imports/${staged.importId}/validate`, { method: 'POST' })).status).toBe(200);
  const commit = await api(`/api/imports/${staged.importId}/commit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(await commit.json()).toMatchObject({ created: 3 });
  return staged.importId;
}

describe('backup and restore while the server serves', () => {
  let server: RunningServer;
  const backupDir = mkdtempSync(join(tmpdir(), 'sx-backup-'));
  beforeAll(async () => {
    server = await startServer({ ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('copies a consistent record during a burst of writes, and the server serves a restore within seconds', async () => {
    const dbFile = join(server.dataDir, 'shixiao.sqlite');
    const backupFile = join(backupDir, 'shixiao-backup.sqlite');
    const api = await signedInFetch(server.url);
    const surveyed = async () => (await (await api('/api/stats?at=2030-01-01')).json()).surveyed as number;
    const premisesAtBackup = await surveyed();

    const burst = eventBurst(api, premisesSurveyedBy(dbFile, '2010-06-30'));
    await until(() => burst.acked.length >= 20);
    const ackedBefore = burst.acked.slice();
    const backup = await runCli(server.dataDir, ['backup', backupFile]);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^backed up \d+ premises, \d+ records, 1 account /);
    // The writers kept going while the copy was taken.
    expect(burst.acked.length).toBeGreaterThan(ackedBefore.length);

    const copy = new Database(backupFile, { readonly: true, fileMustExist: true });
    const copyId = copy.prepare("SELECT value FROM meta WHERE key = 'db_id'").pluck().get();
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      // Each record and its audit row were written in one transaction: a consistent copy has both or neither.
      const unaudited = copy
        .prepare(
          "SELECT count(*) FROM events e WHERE e.note LIKE 'burst %' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'event' AND a.entity_id = e.id)",
        )
        .pluck()
        .get();
      const orphanAudits = copy
        .prepare(
          "SELECT count(*) FROM audit_log a WHERE a.entity = 'event' AND a.action = 'create' AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = a.entity_id)",
        )
        .pluck()
        .get();
      expect([unaudited, orphanAudits]).toEqual([0, 0]);
      const inCopy = copy.prepare('SELECT premise_id FROM events WHERE id = ?').pluck();
      expect(ackedBefore.filter((a) => inCopy.get(a.id) !== a.premiseId)).toEqual([]);
    } finally {
      copy.close();
    }

    const importId = await importThree(api);
    expect(await surveyed()).toBe(premisesAtBackup + 3);

    // Put the backup back while the server serves and the writers keep writing.
    const restored = await runCli(server.dataDir, ['restore', backupFile]);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/^restored \d+ premises/);
    expect(restored.stdout).toMatch(/the record it replaced is saved as .*before-restore/);
    await until(async () => (await surveyed()) === premisesAtBackup, 10_000, 200);
    await burst.stop();
    expect(burst.refused).toEqual([]);

    const live = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      expect(live.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(live.prepare("SELECT value FROM meta WHERE key = 'db_id'").pluck().get()).not.toBe(copyId);
      const importedAfter = live.prepare('SELECT count(*) FROM premises WHERE archive_no LIKE ?').pluck();
      expect(importedAfter.get(`IMP${importId}-%`)).toBe(0);
      expect(
        live
          .prepare("SELECT actor FROM audit_log WHERE action = 'restore' AND entity = 'database'")
          .pluck()
          .all(),
      ).toEqual(['cli']);
    } finally {
      live.close();
    }
  });
});
