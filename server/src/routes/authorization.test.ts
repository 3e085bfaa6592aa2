import { beforeAll, describe, expect, it } from 'vitest';
import { districtDir } from '../../../tests/helpers/district';
import { accountToken, actingAs, DEMO_DIR } from '../../../tests/helpers/test-app';
import { createApp } from '../app';
import { boot } from '../boot';
import type { AppContext } from '../context';
import { listTownships, listVillages } from '../db/geography';
import { ACTIONS, grant, POLICY } from '../domain/auth/policy';
import { departmentCategories, ROLES, type Role } from '../domain/auth/roles';
import { CATEGORY_CODES } from '../domain/categories';
import { PUBLIC, ROUTE_POLICY, SIGNED_IN } from '../http/route-policy';

type App = ReturnType<typeof createApp>;

/**
 * Every route of the API called as every role and as nobody, each answer checked against the one
 * policy table: refused (401 nobody / 403 a role without the grant) exactly where the table says,
 * and let through everywhere else (whatever the route then answers to an empty request).
 */
describe('authorization: every route as every role and as nobody, against the policy table', {
  timeout: 60_000,
}, () => {
  let app: App;
  let ctx: AppContext;
  const tokens = new Map<Role | 'nobody', string | null>();
  /** A premise every scoped account reaches: in the village officer's village, of the inspector's trade. */
  let premiseId = 0;
  let areaId = 0;
  let spareTokenId = 0;
  let spareUserId = 0;

  beforeAll(async () => {
    const booted = await boot(':memory:', DEMO_DIR);
    ctx = booted.ctx;
    app = createApp(ctx);
    const cols = ctx.model.columns;
    const aic = new Set(departmentCategories('aic').map((c) => CATEGORY_CODES.indexOf(c)));
    const row = [...Array(cols.count).keys()].find((r) => aic.has(cols.category[r])) as number;
    premiseId = cols.id[row];
    const village = listVillages(ctx.db).find((v) => v.id === cols.villageId[row]);
    for (const role of ROLES) {
      tokens.set(
        role,
        accountToken(booted.db, `as-${role}`, role, {
          villageCodes: role === 'village' ? [village?.code ?? ''] : [],
          department: role === 'inspector' ? 'aic' : null,
        }),
      );
    }
    tokens.set('nobody', null);
    accountToken(booted.db, 'spare', 'viewer');
    spareUserId = Number(booted.db.prepare("SELECT id FROM users WHERE username = 'spare'").pluck().get());
    spareTokenId = Number(
      booted.db.prepare('SELECT id FROM api_tokens WHERE user_id = ?').pluck().get(spareUserId),
    );
    const admin = actingAs(app, tokens.get('admin') as string);
    const square = [
      [120.2, 30.33],
      [120.21, 30.33],
      [120.21, 30.34],
      [120.2, 30.34],
      [120.2, 30.33],
    ];
    const created = await admin.request('/api/areas', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '测试区域',
        reason: 'other',
        geometry: { type: 'Polygon', coordinates: [square] },
      }),
    });
    areaId = ((await created.json()) as { id: number }).id;
  });

  /** The routes the app declares, as the policy table names them. */
  const declared = () =>
    [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].filter(
      (k) => /^\/(api\/|ogc\b)/.test(k.split(' ')[1]),
    );

  it('names every route of the app in the table, and nothing the app does not have', () => {
    const routes = declared();
    expect(routes.filter((k) => !(k in ROUTE_POLICY))).toEqual([]);
    expect(Object.keys(ROUTE_POLICY).filter((k) => !routes.includes(k))).toEqual([]);
    expect(
      Object.values(ROUTE_POLICY).filter((r) => r !== PUBLIC && r !== SIGNED_IN && !ACTIONS.includes(r)),
    ).toEqual([]);
  });

  /** A concrete request for a route: its params filled with things every scoped account reaches. */
  function requestFor(key: string): { path: string; init: RequestInit } {
    const [method, pattern] = key.split(' ');
    const path = pattern
      .replace(/^\/api\/premises\/:id/, `/api/premises/${premiseId}`)
      .replace(/^\/api\/areas\/:id/, `/api/areas/${areaId}`)
      .replace(/^\/api\/tokens\/:id/, `/api/tokens/${spareTokenId}`)
      .replace(/^\/api\/users\/:id/, `/api/users/${spareUserId}`)
      .replace(':premiseId', String(premiseId))
      .replace(':file', 'roads.geojson')
      .replace(/:id\b/, '999999');
    const query = method === 'GET' && /\/(stats|summary)$/.test(path) ? '?at=2009-06-30' : '';
    const init: RequestInit =
      method === 'GET' || method === 'DELETE'
        ? { method }
        : { method, headers: { 'content-type': 'application/json' }, body: '{}' };
    return { path: `${path}${query}`, init };
  }

  for (const who of [...ROLES, 'nobody'] as const) {
    it(`answers ${who} as the table says on every route`, async () => {
      const wrong: string[] = [];
      for (const key of declared()) {
        if (key === 'DELETE /api/tokens/:id' || key === 'POST /api/users/:id/reset') continue; // below, once
        const { path, init } = requestFor(key);
        const token = tokens.get(who);
        const headers = new Headers(init.headers);
        if (token) headers.set('authorization', `Bearer ${token}`);
        const res = await app.request(path, { ...init, headers });
        await res.body?.cancel();
        const rule = ROUTE_POLICY[key];
        const expected =
          rule === PUBLIC
            ? 'through'
            : who === 'nobody'
              ? 401
              : rule === SIGNED_IN ||
                  grant({ username: who, role: who, villages: [], department: null }, rule)
                ? 'through'
                : 403;
        const got = res.status === 401 || res.status === 403 ? res.status : 'through';
        if (got !== expected || res.status >= 500)
          wrong.push(`${key}: expected ${expected}, got ${res.status}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('lets only the admin revoke a token or reset a password', async () => {
    for (const who of ROLES) {
      const headers = { authorization: `Bearer ${tokens.get(who)}` };
      const reset = await app.request(`/api/users/${spareUserId}/reset`, { method: 'POST', headers });
      expect(reset.status, who).toBe(who === 'admin' ? 200 : 403);
    }
    const revoke = await app.request(`/api/tokens/${spareTokenId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${tokens.get('leader')}` },
    });
    expect(revoke.status).toBe(403);
  });

  it('matches the policy table the page and the README show', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...ACTIONS].sort());
    for (const action of ACTIONS) for (const role of ROLES) expect(POLICY[action][role]).toBeDefined();
  });
});

describe('scope: a village officer keeps their villages, an inspector their trades', () => {
  let app: App;
  let ctx: AppContext;
  let officer: App;
  let inspector: App;
  let mine: { id: number; villageId: number }[];
  let others: { id: number; villageId: number }[];

  beforeAll(async () => {
    const booted = await boot(':memory:', DEMO_DIR);
    ctx = booted.ctx;
    app = createApp(ctx);
    const [home, away] = listVillages(ctx.db);
    officer = actingAs(app, accountToken(booted.db, 'cunguan', 'village', { villageCodes: [home.code] }));
    inspector = actingAs(app, accountToken(booted.db, 'paichusuo', 'inspector', { department: 'police' }));
    const cols = ctx.model.columns;
    const all = [...Array(cols.count).keys()].map((r) => ({ id: cols.id[r], villageId: cols.villageId[r] }));
    mine = all.filter((p) => p.villageId === home.id);
    others = all.filter((p) => p.villageId === away.id);
  });

  it('refuses the officer a premise of another village they guess the id of, its records and its unmasking', async () => {
    const guess = others[0].id;
    expect((await officer.request(`/api/premises/${guess}`)).status).toBe(403);
    const post = await officer.request(`/api/premises/${guess}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2009-06-30', type: 'inspected' }),
    });
    expect(post.status).toBe(403);
    expect((await officer.request(`/api/premises/${guess}/unmask`, { method: 'POST' })).status).toBe(403);
    expect((await officer.request(`/api/premises/${mine[0].id}`)).status).toBe(200);
  });

  it('counts and maps only the officer’s village, and only the inspector’s trades', async () => {
    const stats = (await (await officer.request('/api/stats?at=2010-12-31')).json()) as {
      surveyed: number;
      byVillage: Record<string, unknown>;
    };
    const full = (await (
      await actingAs(app, accountToken(ctx.db, 'lingdao', 'leader')).request('/api/stats?at=2010-12-31')
    ).json()) as { byVillage: Record<string, { surveyed: number }> };
    expect(stats.surveyed).toBe(full.byVillage[String(mine[0].villageId)].surveyed);
    const layer = await officer.request('/api/layers/premises');
    expect(layer.status).toBe(200);
    const police = new Set(departmentCategories('police'));
    const inspected = (await (await inspector.request('/api/stats?at=2010-12-31')).json()) as {
      byCategory: Record<string, { surveyed: number }>;
    };
    for (const [code, g] of Object.entries(inspected.byCategory))
      if (!police.has(code as never)) expect(g.surveyed, code).toBe(0);
  });

  it('masks phones for a leader and names for a viewer; unmasking is the officer’s, and logged', async () => {
    const id = mine[0].id;
    const leader = (await (
      await actingAs(app, accountToken(ctx.db, 'lingdao2', 'leader')).request(`/api/premises/${id}`)
    ).json()) as { phone: string | null; idNumber: string | null };
    const viewer = (await (
      await actingAs(app, accountToken(ctx.db, 'kankan', 'viewer')).request(`/api/premises/${id}`)
    ).json()) as { operator: string | null };
    const full = (await (await officer.request(`/api/premises/${id}/unmask`, { method: 'POST' })).json()) as {
      operator: string;
      phone: string;
      idNumber: string;
    };
    if (full.phone) expect(leader.phone).toMatch(/\*/);
    if (full.idNumber) expect(leader.idNumber).toMatch(/\*{8}/);
    if (full.operator) expect(viewer.operator).toMatch(/^.\*+$/u);
    const log = (await (
      await actingAs(app, accountToken(ctx.db, 'boss', 'admin')).request(
        `/api/audit?premise=${id}&action=unmask`,
      )
    ).json()) as { items: { actor: string }[] };
    expect(log.items.map((i) => i.actor)).toEqual(['cunguan']);
  });
});

describe('sessions, cross-site writes and JSON only', () => {
  it('signs in with a password, sets an HttpOnly SameSite cookie, refuses a wrong one, and limits guessing', async () => {
    const booted = await boot(':memory:', null);
    const app = createApp(booted.ctx);
    const { hashPassword } = await import('../auth/passwords');
    const { insertUser } = await import('../db/users');
    insertUser(booted.db, {
      username: 'wangli',
      displayName: '王力',
      role: 'viewer',
      villageCodes: [],
      department: null,
      passwordHash: await hashPassword('correct horse 1'),
      mustChangePassword: false,
    });
    const login = (password: string) =>
      app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'wangli', password }),
      });
    const ok = await login('correct horse 1');
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const session = cookie.split(';')[0];
    expect((await app.request('/api/auth/me', { headers: { cookie: session } })).status).toBe(200);
    // A write carrying the session from a page of another site is refused.
    const forged = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: session, origin: 'http://evil.example' },
    });
    expect(forged.status).toBe(403);
    for (let i = 0; i < 5; i++) expect((await login('wrong')).status).toBe(401);
    const limited = await login('correct horse 1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('ends a session after its idle time, and takes JSON only on JSON routes', async () => {
    const booted = await boot(':memory:', DEMO_DIR, { sessions: { idleMs: 60_000, absoluteMs: 3_600_000 } });
    const app = createApp(booted.ctx);
    const { openSession } = await import('../auth/accounts');
    const token = accountToken(booted.db, 'someone', 'admin');
    const userId = Number(booted.db.prepare("SELECT id FROM users WHERE username = 'someone'").pluck().get());
    const secret = openSession(booted.db, userId, booted.ctx.auth.limits, Date.now() - 120_000);
    const stale = await app.request('/api/campaign', { headers: { cookie: `sx_session=${secret}` } });
    expect(stale.status).toBe(401);
    const plain = await app.request('/api/areas/stats', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: '{"geometry":null,"at":"2009-01-01"}',
    });
    expect(plain.status).toBe(415);
  });
  it("stops a disabled account's session and tokens, and a revoked token, at their next request", async () => {
    const booted = await boot(':memory:', null);
    const app = createApp(booted.ctx);
    const { openSession } = await import('../auth/accounts');
    const { addApiToken, revokeApiToken, updateAccount } = await import('../auth/account-changes');
    const kept = accountToken(booted.db, 'liwei', 'leader');
    const userId = Number(booted.db.prepare("SELECT id FROM users WHERE username = 'liwei'").pluck().get());
    const spare = addApiToken(booted.db, { name: 'QGIS', username: 'liwei' }, 'cli');
    const cookie = `sx_session=${openSession(booted.db, userId, booted.ctx.auth.limits)}`;
    const me = (headers: Record<string, string>) => app.request('/api/auth/me', { headers });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const answer = async (headers: Record<string, string>) => {
      const res = await me(headers);
      return {
        status: res.status,
        user: res.ok ? ((await res.json()) as { username: string }).username : null,
      };
    };
    for (const headers of [{ cookie }, bearer(kept), bearer(spare.secret)])
      expect(await answer(headers)).toEqual({ status: 200, user: 'liwei' });
    revokeApiToken(booted.db, spare.token.id, 'cli');
    expect((await me(bearer(spare.secret))).status).toBe(401);
    expect((await me(bearer(kept))).status).toBe(200);
    updateAccount(booted.db, userId, { disabled: true }, 'cli');
    for (const headers of [{ cookie }, bearer(kept)]) expect((await me(headers)).status).toBe(401);
    booted.db.close();
  });
});

describe('scope: a leader limited to one township of the district', { timeout: 60_000 }, () => {
  it('counts, lists and opens only the premises of that township; the admin keeps the district', async () => {
    const booted = await boot(':memory:', districtDir());
    const app = createApp(booted.ctx);
    const [home, away] = listTownships(booted.db);
    const homeVillages = new Set(
      listVillages(booted.db)
        .filter((v) => v.townshipId === home.id)
        .map((v) => v.id),
    );
    const leader = actingAs(
      app,
      accountToken(booted.db, 'zhen-lingdao', 'leader', { townshipCodes: [home.code] }),
    );
    const admin = actingAs(app, accountToken(booted.db, 'qu-admin', 'admin'));
    type Stats = { surveyed: number; byVillage: Record<string, { surveyed: number }> };
    const stats = async (who: App, query = '') =>
      (await (await who.request(`/api/stats?at=2010-12-31${query}`)).json()) as Stats;
    const own = await stats(leader);
    const whole = await stats(admin);
    const homeInWhole = await stats(admin, `&township=${home.id}`);
    expect(own.surveyed).toBe(homeInWhole.surveyed);
    expect(own.surveyed).toBeGreaterThan(0);
    expect(own.surveyed).toBeLessThan(whole.surveyed);
    expect((await stats(leader, `&township=${away.id}`)).surveyed).toBe(0);
    const ranked = (await (await leader.request('/api/townships?at=2010-12-31')).json()) as {
      townships: { id: number }[];
    };
    expect(ranked.townships.map((t) => t.id)).toEqual([home.id]);
    const cols = booted.ctx.model.columns;
    const rowIn = (inHome: boolean) =>
      [...Array(cols.count).keys()].find((r) => homeVillages.has(cols.villageId[r]) === inHome) as number;
    expect((await leader.request(`/api/premises/${cols.id[rowIn(true)]}`)).status).toBe(200);
    expect((await leader.request(`/api/premises/${cols.id[rowIn(false)]}`)).status).toBe(403);
    expect((await admin.request(`/api/premises/${cols.id[rowIn(false)]}`)).status).toBe(200);
    const me = (await (await leader.request('/api/auth/me')).json()) as { townships: { code: string }[] };
    expect(me.townships.map((t) => t.code)).toEqual([home.code]);
    const adminMe = (await (await admin.request('/api/auth/me')).json()) as { townships: unknown[] };
    expect(adminMe.townships).toEqual([]);
  });

  it('refuses a township limit the record does not know, and one on an admin, in both languages', async () => {
    const booted = await boot(':memory:', districtDir());
    const admin = actingAs(createApp(booted.ctx), accountToken(booted.db, 'qu-admin', 'admin'));
    const add = (body: object) =>
      admin.request('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password: 'correct horse 1', ...body }),
      });
    const unknown = await add({ username: 'nobody-town', role: 'leader', townships: ['000000000000'] });
    expect(unknown.status).toBe(400);
    const why = ((await unknown.json()) as { error: { message: string; messageZh: string } }).error;
    expect(why.message).toContain('000000000000');
    expect(why.messageZh).toContain('所属乡镇');
    const [home] = listTownships(booted.db);
    expect((await add({ username: 'town-admin', role: 'admin', townships: [home.code] })).status).toBe(400);
    const made = await add({ username: 'town-viewer', role: 'viewer', townships: [home.code] });
    expect(made.status).toBe(201);
    expect(((await made.json()) as { townships: string[] }).townships).toEqual([home.code]);
  });
});
