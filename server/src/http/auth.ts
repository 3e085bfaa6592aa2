import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { type SessionLimits, type SignedIn, sessionActor, tokenActor } from '../auth/accounts';
import type { Db } from '../db/open-database';
import { EVERYWHERE, grant, type Scope, scopeOf } from '../domain/auth/policy';
import { isOgcPath } from '../domain/ogc/ogc-paths';
import { ApiError } from './api-error';
import { PUBLIC, ROUTE_POLICY, type RouteRule, SIGNED_IN } from './route-policy';

export const SESSION_COOKIE = 'sx_session';

/** What the auth middleware leaves for the routes: who is asking, and how far they may see. */
export interface AuthVariables {
  actor: SignedIn | null;
  scope: Scope;
}
export type AppEnv = { Variables: AuthVariables };

/**
 * The matched route as the policy table names it: `GET /api/premises/:id` — the first handler that
 * is not middleware, as Hono runs them in order (a catch-all added later, like the page's shell,
 * also matches but never answers an /api/ path first).
 */
export function routeKey(c: Context): string | null {
  const route = c.req.matchedRoutes.find((r) => r.method !== 'ALL');
  return route ? `${route.method} ${route.path}` : null;
}

/** The rule for a route; one missing from the table is for the admin only (and fails the policy test). */
export function ruleFor(key: string): RouteRule {
  return ROUTE_POLICY[key] ?? 'users.admin';
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write from the page must come from the page: its Origin (or, failing that, Sec-Fetch-Site)
 * must be this server's own. Scripts with a bearer token send neither and are not browsers.
 */
function crossSite(c: Context, actor: SignedIn | null): boolean {
  if (SAFE.has(c.req.method)) return false;
  const origin = c.req.header('origin');
  const host = c.req.header('host');
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  if (origin === 'null') return true;
  const site = c.req.header('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  return actor?.via === 'session';
}

/**
 * Authentication and authorization for every /api and /ogc route, in one place: who is asking (a
 * session cookie or a bearer token), whether the route's action (http/route-policy.ts) is granted to their
 * role (domain/auth/policy.ts), and with which scope; writes from another site are refused.
 */
export function authMiddleware(db: Db, limits: SessionLimits): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = routeKey(c);
    if (!key || !(c.req.path.startsWith('/api/') || isOgcPath(c.req.path))) return next();
    const rule = ruleFor(key);
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    const actor = bearer ? tokenActor(db, bearer) : cookie ? sessionActor(db, cookie, limits) : null;
    c.set('actor', actor);
    c.set('scope', EVERYWHERE);
    if (crossSite(c, actor)) {
      throw new ApiError(
        403,
        'cross_site',
        'this write did not come from this server’s own page; it was refused',
        undefined,
        '这次修改不是从本系统自己的页面提交的，已被拒绝；请在本系统页面中重新操作',
      );
    }
    if (rule === PUBLIC) return next();
    if (!actor) {
      const why = bearer
        ? 'the API token is unknown or revoked'
        : cookie
          ? 'the session has ended'
          : 'not signed in';
      throw new ApiError(
        401,
        'unauthenticated',
        `${why}; sign in (POST /api/auth/login) or send a valid token`,
        undefined,
        `${bearer ? '访问令牌无效或已撤销' : cookie ? '登录已过期' : '尚未登录'}；请重新登录`,
      );
    }
    if (rule === SIGNED_IN) return next();
    if (actor.mustChangePassword) {
      throw new ApiError(
        403,
        'password_change_required',
        'change the password first (POST /api/auth/password)',
        undefined,
        '请先修改密码，再继续使用',
      );
    }
    const scope = scopeOf(actor, rule);
    if (!scope || grant(actor, rule) === null) {
      throw new ApiError(
        403,
        'forbidden',
        `the role ${actor.role} may not do this (${rule})`,
        undefined,
        '本账号的角色无权进行这项操作；如确有需要，请联系镇整治办',
      );
    }
    c.set('scope', scope);
    return next();
  };
}

/** The signed-in account of a route behind the middleware (never null there). */
export function actorOf(c: Context<AppEnv>): SignedIn {
  const actor = c.get('actor');
  if (!actor) throw new ApiError(401, 'unauthenticated', 'not signed in', undefined, '尚未登录；请先登录');
  return actor;
}

/** The actor's name for the audit log ('token:NAME' is not needed: the token acts as its user). */
export function actorName(c: Context<AppEnv>): string | null {
  return c.get('actor')?.username ?? null;
}
