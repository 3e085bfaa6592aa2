import { Hono } from 'hono';
import { z } from 'zod';
import { hashPassword, passwordProblem, randomPassword } from '../auth/passwords';
import { newSecret, secretHash } from '../auth/secret-token';
import type { AppContext } from '../context';
import { getToken, insertToken, listTokens, revokeToken } from '../db/api-tokens';
import { audit } from '../db/audit';
import { listVillages } from '../db/geography';
import { deleteUserSessions } from '../db/sessions';
import {
  getUser,
  getUserByName,
  insertUser,
  listUsers,
  setPassword,
  type UserRow,
  updateUser,
} from '../db/users';
import { DEPARTMENT_CODES, ROLES } from '../domain/auth/roles';
import { ApiError, notFound } from '../http/api-error';
import { type AppEnv, actorName, actorOf } from '../http/auth';
import { idParam, validate } from '../http/validate';

const username = z
  .string()
  .trim()
  .regex(
    /^[\p{L}\p{N}._-]{2,40}$/u,
    'expected 2–40 letters, digits, dots, dashes or underscores, e.g. wangli',
  );
const role = z.enum(ROLES, { message: `expected one of ${ROLES.join(', ')}` });
const department = z.enum(DEPARTMENT_CODES, { message: `expected one of ${DEPARTMENT_CODES.join(', ')}` });
const villageCodes = z.array(z.string().trim().min(1)).max(100);

const userBody = z
  .object({
    username,
    displayName: z.string().trim().max(40).default(''),
    role,
    villages: villageCodes.default([]),
    department: department.nullable().default(null),
    password: z.string().optional(),
  })
  .strict();

const userPatch = z
  .object({
    displayName: z.string().trim().max(40),
    role,
    villages: villageCodes,
    department: department.nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .strict();

/** An account as the admin page lists it: never its password hash. */
function shown(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    villages: u.villageCodes,
    department: u.department,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt,
  };
}

/** A village officer keeps villages on record; an inspector belongs to a department. */
function checkScope(ctx: AppContext, r: { role: string; villages: string[]; department: string | null }) {
  if (r.role === 'village') {
    if (r.villages.length === 0)
      throw new ApiError(
        400,
        'bad_request',
        'villages: a village officer keeps at least one village (its code)',
      );
    const known = new Set(listVillages(ctx.db).map((v) => v.code));
    const unknown = r.villages.filter((code) => !known.has(code));
    if (unknown.length > 0)
      throw new ApiError(
        400,
        'bad_request',
        `villages: no village with code ${unknown.join(', ')} on record`,
      );
  }
  if (r.role === 'inspector' && !r.department)
    throw new ApiError(
      400,
      'bad_request',
      `department: an inspector belongs to a department (${DEPARTMENT_CODES.join(', ')})`,
    );
}

/** Accounts and API tokens, for the admin. New and reset passwords are shown once, never stored. */
export function userRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ users: listUsers(ctx.db).map(shown) }))
    .post('/', validate('json', userBody), async (c) => {
      const body = c.req.valid('json');
      if (getUserByName(ctx.db, body.username))
        throw new ApiError(409, 'conflict', `username: ${body.username} is taken`);
      checkScope(ctx, body);
      const problem = body.password === undefined ? null : passwordProblem(body.password);
      if (problem) throw new ApiError(400, 'weak_password', `password: ${problem}`);
      const password = body.password ?? randomPassword();
      const passwordHash = await hashPassword(password);
      const id = ctx.db.transaction(() => {
        const newId = insertUser(ctx.db, {
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          villageCodes: body.role === 'village' ? body.villages : [],
          department: body.role === 'inspector' ? body.department : null,
          passwordHash,
          mustChangePassword: body.password === undefined,
        });
        audit(ctx.db, {
          actor: actorName(c),
          action: 'create',
          entity: 'user',
          entityId: newId,
          after: {
            username: body.username,
            role: body.role,
            villages: body.villages,
            department: body.department,
          },
        });
        return newId;
      })();
      const user = getUser(ctx.db, id) as UserRow;
      return c.json({ ...shown(user), ...(body.password === undefined ? { password } : {}) }, 201);
    })
    .put('/:id', validate('param', z.object({ id: idParam })), validate('json', userPatch), (c) => {
      const id = c.req.valid('param').id;
      const before = getUser(ctx.db, id);
      if (!before) throw notFound(`user ${id}`);
      const patch = c.req.valid('json');
      const after = {
        role: patch.role ?? before.role,
        villages: patch.villages ?? before.villageCodes,
        department: patch.department === undefined ? before.department : patch.department,
      };
      checkScope(ctx, after);
      if (before.id === actorOf(c).userId && (patch.disabled || (patch.role && patch.role !== 'admin')))
        throw new ApiError(400, 'bad_request', 'an admin cannot disable or demote their own account');
      ctx.db.transaction(() => {
        updateUser(ctx.db, id, {
          displayName: patch.displayName,
          role: patch.role,
          villageCodes: patch.villages,
          department: patch.department,
          disabled: patch.disabled,
        });
        if (patch.disabled || patch.role) deleteUserSessions(ctx.db, id);
        audit(ctx.db, {
          actor: actorName(c),
          action: 'update',
          entity: 'user',
          entityId: id,
          before: shown(before),
          after: patch,
        });
      })();
      return c.json(shown(getUser(ctx.db, id) as UserRow));
    })
    .post('/:id/reset', validate('param', z.object({ id: idParam })), async (c) => {
      const id = c.req.valid('param').id;
      const user = getUser(ctx.db, id);
      if (!user) throw notFound(`user ${id}`);
      const password = randomPassword();
      const hash = await hashPassword(password);
      ctx.db.transaction(() => {
        setPassword(ctx.db, id, hash, true);
        deleteUserSessions(ctx.db, id);
        audit(ctx.db, { actor: actorName(c), action: 'reset_password', entity: 'user', entityId: id });
      })();
      return c.json({ username: user.username, password });
    });
}

const tokenBody = z
  .object({
    name: z.string().trim().min(1, 'name the token, e.g. QGIS on the GIS PC').max(80),
    user: username,
  })
  .strict();

/** API tokens for scripts and GIS clients: each acts as its user; shown once; revocable. */
export function tokenRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ tokens: listTokens(ctx.db) }))
    .post('/', validate('json', tokenBody), (c) => {
      const body = c.req.valid('json');
      const user = getUserByName(ctx.db, body.user);
      if (!user) throw new ApiError(400, 'bad_request', `user: no account ${body.user}`);
      const token = newSecret('sx_');
      const id = ctx.db.transaction(() => {
        const newId = insertToken(ctx.db, { name: body.name, userId: user.id, tokenHash: secretHash(token) });
        audit(ctx.db, {
          actor: actorName(c),
          action: 'create',
          entity: 'token',
          entityId: newId,
          after: { name: body.name, user: user.username },
        });
        return newId;
      })();
      return c.json({ ...getToken(ctx.db, id), token }, 201);
    })
    .delete('/:id', validate('param', z.object({ id: idParam })), (c) => {
      const id = c.req.valid('param').id;
      const token = getToken(ctx.db, id);
      if (!token) throw notFound(`token ${id}`);
      ctx.db.transaction(() => {
        revokeToken(ctx.db, id);
        audit(ctx.db, {
          actor: actorName(c),
          action: 'revoke',
          entity: 'token',
          entityId: id,
          before: token,
        });
      })();
      return c.json(getToken(ctx.db, id));
    });
}
