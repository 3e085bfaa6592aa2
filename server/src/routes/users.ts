import { Hono } from 'hono';
import { z } from 'zod';
import {
  addAccount,
  addApiToken,
  resetAccountPassword,
  revokeApiToken,
  updateAccount,
} from '../auth/account-changes';
import {
  departmentSchema,
  displayNameSchema,
  roleSchema,
  shownUser,
  tokenNameSchema,
  townshipCodesSchema,
  usernameSchema,
  villageCodesSchema,
} from '../auth/account-rules';
import type { AppContext } from '../context';
import { listTokens } from '../db/api-tokens';
import { listUsers } from '../db/users';
import { ApiError } from '../http/api-error';
import { type AppEnv, actorName, actorOf } from '../http/auth';
import { idParam, validate } from '../http/validate';

const userBody = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema.default(''),
    role: roleSchema,
    villages: villageCodesSchema.default([]),
    townships: townshipCodesSchema.default([]),
    department: departmentSchema.nullable().default(null),
    password: z.string().optional(),
  })
  .strict();

const userPatch = z
  .object({
    displayName: displayNameSchema,
    role: roleSchema,
    villages: villageCodesSchema,
    townships: townshipCodesSchema,
    department: departmentSchema.nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .strict();

/** Accounts and API tokens, for the admin. New and reset passwords are shown once, never stored. */
export function userRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ users: listUsers(ctx.db).map(shownUser) }))
    .post('/', validate('json', userBody), async (c) => {
      const { user, password } = await addAccount(ctx.db, c.req.valid('json'), actorName(c));
      return c.json({ ...shownUser(user), ...(password === null ? {} : { password }) }, 201);
    })
    .put('/:id', validate('param', z.object({ id: idParam })), validate('json', userPatch), (c) => {
      const id = c.req.valid('param').id;
      const patch = c.req.valid('json');
      if (id === actorOf(c).userId && (patch.disabled || (patch.role && patch.role !== 'admin')))
        throw new ApiError(
          400,
          'bad_request',
          'an admin cannot disable or demote their own account',
          undefined,
          '管理员不能停用自己的账号或降低自己的角色；请由另一位管理员操作',
        );
      return c.json(shownUser(updateAccount(ctx.db, id, patch, actorName(c))));
    })
    .post('/:id/reset', validate('param', z.object({ id: idParam })), async (c) => {
      const { user, password } = await resetAccountPassword(ctx.db, c.req.valid('param').id, actorName(c));
      return c.json({ username: user.username, password });
    });
}

const tokenBody = z.object({ name: tokenNameSchema, user: usernameSchema }).strict();

/** API tokens for scripts and GIS clients: each acts as its user; shown once; revocable. */
export function tokenRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ tokens: listTokens(ctx.db) }))
    .post('/', validate('json', tokenBody), (c) => {
      const body = c.req.valid('json');
      const { token, secret } = addApiToken(ctx.db, { name: body.name, username: body.user }, actorName(c));
      return c.json({ ...token, token: secret }, 201);
    })
    .delete('/:id', validate('param', z.object({ id: idParam })), (c) =>
      c.json(revokeApiToken(ctx.db, c.req.valid('param').id, actorName(c))),
    );
}
