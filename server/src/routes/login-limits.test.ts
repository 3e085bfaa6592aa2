import { describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../../tests/helpers/test-app';
import { keepForClosing, sharedTestRecord } from '../../../tests/helpers/test-store';
import { createApp } from '../app';
import { hashPassword } from '../auth/passwords';
import { boot } from '../boot';
import type { Db } from '../db/open-database';
import { insertUser } from '../db/users';

/** A server on the record: its app, as a browser signs in to it. */
async function server(target: string) {
  const booted = await boot(target, DEMO_DIR);
  keepForClosing(booted.db);
  const app = createApp(booted.ctx);
  const login = (password: string) =>
    app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'zhaoliu', password }),
    });
  return { ...booted, login };
}

/** The account the tests sign in as: its password is 'right password 6'. */
async function addZhaoliu(db: Db) {
  insertUser(db, {
    username: 'zhaoliu',
    displayName: '赵六',
    role: 'viewer',
    villageCodes: [],
    department: null,
    passwordHash: await hashPassword('right password 6'),
    mustChangePassword: false,
  });
}

describe('failed sign-ins are counted in the record', () => {
  it('so servers sharing it refuse the same guesser, and a restart forgets none', async () => {
    const target = await sharedTestRecord('demo', DEMO_DIR);
    const a = await server(target);
    await addZhaoliu(a.db);
    const b = await server(target);
    // Five wrong guesses spread over two servers: the sixth attempt is refused on either.
    for (const on of [a, b, a, b, a]) expect((await on.login('wrong')).status).toBe(401);
    const refused = await b.login('right password 6');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { messageZh: string } }).error.messageZh).toMatch(
      /登录失败次数过多/,
    );
    expect((await a.login('right password 6')).status).toBe(429);
    // A server started afresh on the record still refuses.
    const c = await server(target);
    expect((await c.login('right password 6')).status).toBe(429);
    // What was typed is not kept: the record holds hashes of the name and the address.
    const keys = a.db.prepare('SELECT DISTINCT key FROM login_failures').pluck().all() as string[];
    expect(keys.length).toBe(2);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets the right password in below the limit, and a success clears the account’s count', async () => {
    const target = await sharedTestRecord('demo', DEMO_DIR);
    const a = await server(target);
    await addZhaoliu(a.db);
    const b = await server(target);
    for (const on of [a, b, a, b]) expect((await on.login('wrong')).status).toBe(401);
    expect((await b.login('right password 6')).status).toBe(200);
    for (const on of [a, b, a, b]) expect((await on.login('wrong')).status).toBe(401);
    expect((await a.login('right password 6')).status).toBe(200);
  });
});
