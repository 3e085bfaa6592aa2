import { beforeAll, describe, expect, it } from 'vitest';
import { accountToken, actingAs, demoApp } from '../../../tests/helpers/test-app';
import { sendJson } from '../../../tests/helpers/upload';
import type { Db } from '../db/open-database';
import { streamPremiseInputs } from '../db/premises';
import { departmentCategories } from '../domain/auth/roles';
import { day } from '../domain/dates';
import { stateAt } from '../domain/status-at';
import { randomDraw } from '../domain/worklists/random-draw';

type App = Awaited<ReturnType<typeof demoApp>>['app'];
interface Draw {
  id: number;
  seed: string;
  seedSource: string;
  method: string;
  filter: unknown;
  candidates: number[];
  candidateCount: number;
  pool: string[];
  perTeam: number;
  premises: number;
  picks: { premiseId: number; team: string[] }[];
  drawnBy: string;
  drawnAt: string;
  taskIds: number[];
  tasks: { premiseId: number; team: string[] }[];
}

const AIC = departmentCategories('aic');
const FILTER = { categories: AIC, statuses: ['pending', 'rectifying'], at: '2009-06-30' };

describe('双随机: random premises, random teams, kept for anyone to check', { timeout: 60_000 }, () => {
  let app: App;
  let db: Db;
  const pool = ['gs-wang', 'gs-li', 'gs-zhao', 'gs-chen'];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    ({ app, db } = await demoApp());
    for (const name of pool) tokens.set(name, accountToken(db, name, 'inspector', { department: 'aic' }));
    accountToken(db, 'pcs-liu', 'inspector', { department: 'police' });
  });

  const draw = (as: App, body: Record<string, unknown>) => sendJson(as, 'POST', '/api/draws', body);

  it('draws from exactly the premises the filter matches, by the pure draw on the stored seed, and gives each team a task', async () => {
    const res = await draw(app, {
      filter: FILTER,
      premises: 6,
      pool,
      perTeam: 2,
      due: '2009-07-31',
      seed: '2009年第二季度',
    });
    expect(res.status).toBe(201);
    const made = (await res.json()) as Draw;
    // the candidates, found again by folding every premise's records
    const at = day(FILTER.at);
    const expected: number[] = [];
    for (const p of streamPremiseInputs(db)) {
      const status = stateAt(p.events, at).status;
      if ((AIC as string[]).includes(p.category) && (status === 'pending' || status === 'rectifying'))
        expected.push(p.id);
    }
    expect(made.candidates).toEqual(expected.sort((a, b) => a - b));
    expect(made).toMatchObject({
      seed: '2009年第二季度',
      seedSource: 'given',
      premises: 6,
      perTeam: 2,
      pool,
      candidateCount: expected.length,
    });
    expect(made.picks).toEqual(
      randomDraw({ candidates: expected, premises: 6, pool, perTeam: 2, seed: '2009年第二季度' }),
    );
    expect(made.taskIds).toHaveLength(6);
    const tasks = (await (await app.request(`/api/tasks?draw=${made.id}`)).json()) as {
      items: { premise: { id: number }; assignees: { username: string }[]; origin: string }[];
    };
    expect(tasks.items).toHaveLength(6);
    for (const t of tasks.items) {
      const pick = made.picks.find((p) => p.premiseId === t.premise.id);
      expect(t.assignees.map((a) => a.username)).toEqual(pick?.team);
      expect(t.origin).toBe('draw');
    }
    // each inspector of a team finds the task on their phone
    const [first] = made.picks;
    const phone = (await (
      await actingAs(app, tokens.get(first.team[0]) as string).request('/api/tasks/mine')
    ).json()) as {
      items: { premise: { id: number } }[];
    };
    expect(phone.items.map((t) => t.premise.id)).toContain(first.premiseId);
  });

  it('keeps the draw for anyone to read and re-run, and says when the tasks no longer match it', async () => {
    const made = (await (
      await draw(app, { filter: FILTER, premises: 3, pool, due: '2009-07-31' })
    ).json()) as Draw;
    expect(made.seedSource).toBe('generated');
    expect(made.seed).toMatch(/^[0-9a-f]{32}$/);
    const viewer = actingAs(app, accountToken(db, 'gongzhong', 'viewer'));
    const kept = (await (await viewer.request(`/api/draws/${made.id}`)).json()) as Draw;
    expect(kept).toMatchObject({
      seed: made.seed,
      filter: FILTER,
      candidates: made.candidates,
      picks: made.picks,
      drawnBy: 'test-admin',
      drawnAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(kept.tasks).toEqual(made.picks);
    const verify = (await (await viewer.request(`/api/draws/${made.id}/verify`)).json()) as Record<
      string,
      unknown
    >;
    expect(verify).toMatchObject({ same: true, tasksMatch: true, recomputed: made.picks });
    expect(() => db.prepare("UPDATE draws SET seed = 'x' WHERE id = ?").run(made.id)).toThrow(
      /kept as drawn/,
    );
    expect(() => db.prepare('DELETE FROM draws WHERE id = ?').run(made.id)).toThrow(/kept as drawn/);
    // someone swaps an inspector on a task behind the draw's back
    const outsider = Number(db.prepare("SELECT id FROM users WHERE username = 'pcs-liu'").pluck().get());
    db.prepare(
      "UPDATE task_assignees SET user_id = ? WHERE task_id = ? AND user_id = (SELECT min(user_id) FROM task_assignees WHERE task_id = ? AND kind = 'user')",
    ).run(outsider, made.taskIds[0], made.taskIds[0]);
    const after = (await (await viewer.request(`/api/draws/${made.id}/verify`)).json()) as Record<
      string,
      unknown
    >;
    expect(after).toMatchObject({ same: true, tasksMatch: false });
    const list = (await (await viewer.request('/api/draws')).json()) as { draws: { id: number }[] };
    expect(list.draws[0].id).toBe(made.id);
  });

  it('refuses a pool smaller than a team, more premises than match, and inspectors who cannot reach the premises', async () => {
    const refused = async (body: Record<string, unknown>) => {
      const res = await draw(app, { filter: FILTER, premises: 2, pool, due: '2009-07-31', ...body });
      return [res.status, ((await res.json()) as { error: { code: string } }).error.code];
    };
    expect(await refused({ pool: ['gs-wang'], perTeam: 2 })).toEqual([422, 'pool_too_small']);
    expect(await refused({ premises: 5000 })).toEqual([422, 'too_few_candidates']);
    expect(await refused({ pool: [...pool, 'pcs-liu'] })).toEqual([422, 'pool_out_of_scope']);
    expect(await refused({ pool: ['gs-wang', 'GS-WANG'] })).toEqual([400, 'bad_request']);
    expect(await refused({ pool: ['nobody-here'] })).toEqual([422, 'unknown_user']);
    expect(await refused({ filter: { ...FILTER, at: '2009-02-30' } })).toEqual([400, 'bad_request']);
    const officer = actingAs(app, accountToken(db, 'cun-draw', 'village', { villageCodes: [] }));
    expect((await draw(officer, { filter: FILTER, premises: 1, pool, due: '2009-07-31' })).status).toBe(403);
    expect((await app.request('/api/draws/99999')).status).toBe(404);
  });
});
