import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { checkPassword, closeSession, openSession, type SessionLimits } from '../auth/accounts';
import type { LoginLimiter } from '../auth/login-limiter';
import { hashPassword, passwordProblem, passwordProblemZh, verifyPassword } from '../auth/passwords';
import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { listTownships } from '../db/geography';
import { deleteUserSessions } from '../db/sessions';
import { getUser, setPassword } from '../db/users';
import { DEPARTMENTS, ROLE_NAMES } from '../domain/auth/roles';
import { ApiError } from '../http/api-error';
import { type AppEnv, actorOf, SESSION_COOKIE } from '../http/auth';
import { validate } from '../http/validate';

const loginBody = z
  .object({
    username: z.string().trim().min(1, 'enter the username').max(40),
    password: z.string().min(1, 'enter the password').max(200),
  })
  .strict();

const passwordBody = z
  .object({ current: z.string().min(1, 'enter the current password'), next: z.string() })
  .strict();

/** The client's address as the socket saw it (a proxy in front would have to pass it on). */
function addressOf(c: { env: unknown; req: { header(name: string): string | undefined } }): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/** Who is signed in, as the page needs it: the role and the villages or department it is limited to. */
function whoAmI(ctx: AppContext, actor: ReturnType<typeof actorOf>) {
  const villages = new Set(actor.villages);
  const names = ctx.db
    .prepare('SELECT id, code, name FROM villages ORDER BY code')
    .all()
    .filter((v) => villages.has((v as { id: number }).id)) as { id: number; code: string; name: string }[];
  return {
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    roleName: ROLE_NAMES[actor.role].name,
    roleNameEn: ROLE_NAMES[actor.role].nameEn,
    villages: names,
    /** The townships the account is limited to; [] for the whole district. */
    townships: listTownships(ctx.db)
      .filter((t) => actor.townshipCodes.includes(t.code))
      .map(({ id, code, name }) => ({ id, code, name })),
    department: actor.department,
    departmentName: DEPARTMENTS.find((d) => d.code === actor.department)?.name ?? null,
    mustChangePassword: actor.mustChangePassword,
  };
}

/**
 * Signing in and out: a session kept on the server, its id in an HttpOnly SameSite cookie;
 * failed attempts limited per account and per address.
 */
export function authRoutes(ctx: AppContext, limits: SessionLimits, limiter: LoginLimiter) {
  return new Hono<AppEnv>()
    .post('/login', validate('json', loginBody), async (c) => {
      const { username, password } = c.req.valid('json');
      const address = addressOf(c);
      const wait = limiter.retryAfterMs(username, address);
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        throw new ApiError(
          429,
          'too_many_attempts',
          `too many failed sign-ins; try again in ${Math.ceil(wait / 60_000)} minutes`,
          undefined,
          `登录失败次数过多；请 ${Math.ceil(wait / 60_000)} 分钟后再试`,
        );
      }
      const user = await checkPassword(ctx.db, username, password);
      if (!user) {
        limiter.failed(username, address);
        throw new ApiError(
          401,
          'wrong_password',
          'wrong username or password',
          undefined,
          '用户名或密码错误',
        );
      }
      if (user.disabled)
        throw new ApiError(
          403,
          'disabled',
          'this account is disabled; ask the campaign office',
          undefined,
          '该账号已停用；请联系镇整治办',
        );
      limiter.succeeded(username);
      const secret = openSession(ctx.db, user.id, limits);
      audit(ctx.db, { actor: user.username, action: 'login', entity: 'user', entityId: user.id });
      setCookie(c, SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: Math.floor(limits.absoluteMs / 1000),
      });
      return c.json({
        username: user.username,
        role: user.role,
        mustChangePassword: user.mustChangePassword,
      });
    })
    .post('/logout', (c) => {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret) closeSession(ctx.db, secret);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const });
    })
    .get('/me', (c) => c.json(whoAmI(ctx, actorOf(c))))
    .post('/password', validate('json', passwordBody), async (c) => {
      const actor = actorOf(c);
      const { current, next } = c.req.valid('json');
      const user = getUser(ctx.db, actor.userId);
      if (!user || !(await verifyPassword(current, user.passwordHash)))
        throw new ApiError(
          400,
          'wrong_password',
          'current: the current password is wrong',
          undefined,
          '当前密码：当前密码不正确，请重新输入',
        );
      const problem = passwordProblem(next);
      if (problem)
        throw new ApiError(
          400,
          'weak_password',
          `next: ${problem}`,
          undefined,
          `新密码：${passwordProblemZh(next)}`,
        );
      if (next === current)
        throw new ApiError(
          400,
          'weak_password',
          'next: choose a password other than the current one',
          undefined,
          '新密码：请设置一个与当前密码不同的新密码',
        );
      const hash = await hashPassword(next);
      ctx.db.transaction(() => {
        setPassword(ctx.db, user.id, hash, false);
        // Every other session of the account ends; this one gets a fresh id.
        deleteUserSessions(ctx.db, user.id);
        audit(ctx.db, { actor: user.username, action: 'change_password', entity: 'user', entityId: user.id });
      })();
      setCookie(c, SESSION_COOKIE, openSession(ctx.db, user.id, limits), {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: Math.floor(limits.absoluteMs / 1000),
      });
      return c.json({ ok: true as const });
    });
}
