import type { Context } from 'hono';
import type { AppContext } from '../context';
import { getPremise, type PremiseRow } from '../db/premises';
import { inScope } from '../domain/auth/policy';
import { ApiError, notFound } from './api-error';
import type { AppEnv } from './auth';

/**
 * The premise a route is about, if the request's scope reaches it: a village officer reaches only
 * their villages' premises, an inspector only their department's trades. 404 when there is no such
 * premise, 403 when there is one outside the scope.
 */
export function premiseInScope(ctx: AppContext, c: Context<AppEnv>, id: number): PremiseRow {
  const premise = getPremise(ctx.db, id);
  if (!premise) throw notFound(`premise ${id}`);
  if (!inScope(c.get('scope'), premise)) {
    throw new ApiError(
      403,
      'forbidden',
      `premise ${id} is outside the villages or trades this account keeps`,
      undefined,
      `经营户 ${id} 不在本账号负责的村（社区）或行业范围内，无权查看或修改`,
    );
  }
  return premise;
}
