import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoApp } from '../../../tests/helpers/test-app';
import { sendJson, upload } from '../../../tests/helpers/upload';
import { dialectOf } from '../db/open-database';

const ID = '11010519491231002X';
const PHONE = '13812345678';

/**
 * A record whose writes fail the way an unexpected library error does: with the values it choked
 * on in its message (a SQL function raising on the row it was given).
 */
async function failingApp(table: 'events' | 'premises', column: string) {
  const demo = await demoApp();
  if (dialectOf(demo.db) === 'postgres') {
    demo.db.exec(`CREATE FUNCTION choke_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'choked on %', ${column}; END $$;
      CREATE TRIGGER choke_${table} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION choke_${table}()`);
    return demo;
  }
  demo.db.function('choke', (value: unknown) => {
    throw new Error(`choked on ${String(value)}`);
  });
  demo.db.exec(`CREATE TRIGGER choke_${table} BEFORE INSERT ON ${table} BEGIN SELECT choke(${column}); END`);
  return demo;
}

function captureConsole() {
  const lines: string[] = [];
  for (const level of ['error', 'warn', 'log'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(
        args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : String(a))).join(' '),
      );
    });
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('server logs carry no personal data', { timeout: 30_000 }, () => {
  it('logs an unexpected error of a write by its name, message and stack, without the values in the body', async () => {
    const { app } = await failingApp('events', 'NEW.note');
    const lines = captureConsole();
    const res = await sendJson(app, 'POST', '/api/premises/1/events', {
      date: '2010-02-01',
      type: 'inspected',
      note: `经营者身份证 ${ID}，电话 ${PHONE}`,
    });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain(PHONE);
    const logged = lines.join('\n');
    expect(logged).toMatch(/POST \/api\/premises\/1\/events: (PgQuery)?Error: choked on/);
    expect(logged).toMatch(/\n\s+at /);
    expect(logged).not.toContain(ID);
    expect(logged).not.toContain(PHONE);
  });

  it('logs an unexpected failure of an import commit, now or in the background, without the cells', async () => {
    const { app, db } = await failingApp('premises', "NEW.phone || ' ' || NEW.id_number");
    const lines = captureConsole();
    const csv = `店名,负责人,联系电话,身份证号,经营地址,所属村（社区）,行业类别,经度,纬度,摸底日期\r\n新开张面馆,王五,${PHONE},${ID},丁桥镇大唐村1组99号,大唐村,小吃,120.2101,30.3418,2008-03-15`;
    const stage = async () =>
      (await (await upload(app, '/api/imports/premises', [{ name: 'a.csv', bytes: csv }])).json()).importId;

    const now = await stage();
    const res = await sendJson(app, 'POST', `/api/imports/${now}/commit`, {});
    expect(res.status).toBe(500);
    expect((await (await app.request(`/api/imports/${now}/progress`)).json()).message).toBe(
      'internal error; see the server log',
    );

    const later = await stage();
    expect((await sendJson(app, 'POST', `/api/imports/${later}/commit?wait=0`, {})).status).toBe(202);
    await vi.waitFor(() =>
      expect(lines.join('\n')).toMatch(
        new RegExp(`import ${later} in the background: (PgQuery)?Error: choked on`),
      ),
    );

    const logged = lines.join('\n');
    expect(logged).toMatch(new RegExp(`POST /api/imports/${now}/commit: (PgQuery)?Error: choked on`));
    expect(logged).not.toContain(ID);
    expect(logged).not.toContain(PHONE);
    const progress = String(db.prepare("SELECT string_agg(progress, ',') FROM import_jobs").pluck().get());
    expect(progress).not.toContain(PHONE);
  });
});
