import { resolve } from 'node:path';
import { createApp } from '../../server/src/app';
import { newSecret, secretHash } from '../../server/src/auth/secret-token';
import { boot } from '../../server/src/boot';
import type { AppContext } from '../../server/src/context';
import { insertToken } from '../../server/src/db/api-tokens';
import type { Db } from '../../server/src/db/open-database';
import { insertUser } from '../../server/src/db/users';
import type { Role } from '../../server/src/domain/auth/roles';
import { keepForClosing, testTarget } from './test-store';

export const DEMO_DIR = resolve(import.meta.dirname, '../../data/demo');

type App = ReturnType<typeof createApp>;

/**
 * An account made straight in the record, with an API token to act as it (no password: tests that
 * sign in with one make it through the API). Returns the token.
 */
export function accountToken(
  db: Db,
  username: string,
  role: Role,
  scope: { villageCodes?: string[]; townshipCodes?: string[]; department?: string | null } = {},
): string {
  const userId = insertUser(db, {
    username,
    displayName: username,
    role,
    villageCodes: scope.villageCodes ?? [],
    townshipCodes: scope.townshipCodes ?? [],
    department: (scope.department ?? null) as never,
    passwordHash: 'no-password',
    mustChangePassword: false,
  });
  const token = newSecret('sx_');
  insertToken(db, { name: `${username} in tests`, userId, tokenHash: secretHash(token) });
  return token;
}

/** The app as one account sees it: every request carries its token (unless the test sends its own). */
export function actingAs(app: App, token: string): App {
  const wrapped = Object.create(app) as App;
  wrapped.request = ((input: RequestInfo | URL, init?: RequestInit, ...rest: unknown[]) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return (app.request as (...args: unknown[]) => Response | Promise<Response>)(
      input,
      { ...init, headers },
      ...rest,
    );
  }) as App['request'];
  return wrapped;
}

/** An app on a booted record, acting as a fresh admin; `anonymous` is the same app with no one signed in. */
function asAdmin(db: Db, ctx: AppContext) {
  const anonymous = createApp(ctx);
  return { app: actingAs(anonymous, accountToken(db, 'test-admin', 'admin')), anonymous, db, ctx };
}

/**
 * A booted record of its own (in-memory SQLite, or a PostgreSQL schema under the postgres project),
 * seeded with the demo township or empty (DEMO=0): for tests that call the pipelines directly.
 */
export async function testBoot(seed: 'demo' | 'empty') {
  const booted = await boot(await testTarget(seed, DEMO_DIR), seed === 'demo' ? DEMO_DIR : null);
  keepForClosing(booted.db);
  return booted;
}

/** A fresh app on its own record (in-memory SQLite, or a PostgreSQL schema: test-store.ts) seeded with the demo township, acting as an admin. */
export async function demoApp() {
  const { db, ctx } = await boot(await testTarget('demo', DEMO_DIR), DEMO_DIR);
  keepForClosing(db);
  return asAdmin(db, ctx);
}

/** A fresh app on an empty record (DEMO=0), acting as an admin. */
export async function emptyApp() {
  const { db, ctx } = await boot(await testTarget('empty', DEMO_DIR), null);
  keepForClosing(db);
  return asAdmin(db, ctx);
}

/** GET a JSON endpoint, failing loudly on a non-2xx answer. */
export async function getJson<T = unknown>(app: App, path: string): Promise<T> {
  const res = await app.request(path);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
