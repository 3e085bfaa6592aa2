import { getToken, insertToken, revokeToken, type TokenRow } from '../db/api-tokens';
import { audit } from '../db/audit';
import type { Db } from '../db/open-database';
import { deleteUserSessions } from '../db/sessions';
import { getUser, getUserByName, insertUser, setPassword, type UserRow, updateUser } from '../db/users';
import type { DepartmentCode, Role } from '../domain/auth/roles';
import { ApiError, notFound } from '../http/api-error';
import { checkScope, shownUser } from './account-rules';
import { hashPassword, passwordProblem, passwordProblemZh, randomPassword } from './passwords';
import { newSecret, secretHash } from './secret-token';

// The audited changes to accounts and API tokens, made the same way from the admin page's API and
// from the CLI. `actor` is who made the change (a username, or `cli`). Refusals are ApiErrors whose
// messages name the field and what was expected.

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  villages: string[];
  /** The townships (codes) the account is limited to; none or [] for the whole district. */
  townships?: string[];
  department: DepartmentCode | null;
  /** Without one, a random password is made; it must be changed at the first sign-in. */
  password?: string;
}

/** Creates an account; returns it with the generated password, if one was made (to be shown once). */
export async function addAccount(
  db: Db,
  a: NewAccount,
  actor: string | null,
): Promise<{ user: UserRow; password: string | null }> {
  if (getUserByName(db, a.username))
    throw new ApiError(
      409,
      'conflict',
      `username: ${a.username} is taken`,
      undefined,
      `用户名：${a.username} 已被使用，请换一个用户名`,
    );
  checkScope(db, a);
  const problem = a.password === undefined ? null : passwordProblem(a.password);
  if (problem)
    throw new ApiError(
      400,
      'weak_password',
      `password: ${problem}`,
      undefined,
      `密码：${passwordProblemZh(a.password ?? '')}`,
    );
  const password = a.password ?? randomPassword();
  const passwordHash = await hashPassword(password);
  const id = db.transaction(() => {
    const newId = insertUser(db, {
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      villageCodes: a.role === 'village' ? a.villages : [],
      townshipCodes: a.townships ?? [],
      department: a.role === 'inspector' ? a.department : null,
      passwordHash,
      mustChangePassword: a.password === undefined,
    });
    audit(db, {
      actor,
      action: 'create',
      entity: 'user',
      entityId: newId,
      after: {
        username: a.username,
        role: a.role,
        villages: a.villages,
        townships: a.townships ?? [],
        department: a.department,
      },
    });
    return newId;
  })();
  return { user: getUser(db, id) as UserRow, password: a.password === undefined ? password : null };
}

export type AccountPatch = Partial<
  Pick<UserRow, 'displayName' | 'role' | 'department' | 'disabled'> & {
    villages: string[];
    townships: string[];
  }
>;

/** Changes an account; disabling it or changing its role ends its sessions. */
export function updateAccount(db: Db, id: number, patch: AccountPatch, actor: string | null): UserRow {
  const before = getUser(db, id);
  if (!before) throw notFound(`user ${id}`);
  // Only a change of scope is checked: disabling an officer whose village has since gone is fine.
  if (
    patch.role !== undefined ||
    patch.villages !== undefined ||
    patch.townships !== undefined ||
    patch.department !== undefined
  )
    checkScope(db, {
      role: patch.role ?? before.role,
      villages: patch.villages ?? before.villageCodes,
      townships: patch.townships ?? before.townshipCodes,
      department: patch.department === undefined ? before.department : patch.department,
    });
  db.transaction(() => {
    updateUser(db, id, {
      displayName: patch.displayName,
      role: patch.role,
      villageCodes: patch.villages,
      townshipCodes: patch.townships,
      department: patch.department,
      disabled: patch.disabled,
    });
    if (patch.disabled || patch.role || patch.townships) deleteUserSessions(db, id);
    audit(db, {
      actor,
      action: 'update',
      entity: 'user',
      entityId: id,
      before: shownUser(before),
      after: patch,
    });
  })();
  return getUser(db, id) as UserRow;
}

/** Gives an account a new random password (to be shown once, changed at the next sign-in) and ends its sessions. */
export async function resetAccountPassword(
  db: Db,
  id: number,
  actor: string | null,
): Promise<{ user: UserRow; password: string }> {
  const user = getUser(db, id);
  if (!user) throw notFound(`user ${id}`);
  const password = randomPassword();
  const hash = await hashPassword(password);
  db.transaction(() => {
    setPassword(db, id, hash, true);
    deleteUserSessions(db, id);
    audit(db, { actor, action: 'reset_password', entity: 'user', entityId: id });
  })();
  return { user, password };
}

/** Makes an API token acting as `username`; returns it with its secret, which the record never keeps. */
export function addApiToken(
  db: Db,
  t: { name: string; username: string },
  actor: string | null,
): { token: TokenRow; secret: string } {
  const user = getUserByName(db, t.username);
  if (!user)
    throw new ApiError(
      400,
      'bad_request',
      `user: no account ${t.username}`,
      undefined,
      `账号：没有名为 ${t.username} 的账号`,
    );
  const secret = newSecret('sx_');
  const id = db.transaction(() => {
    const newId = insertToken(db, { name: t.name, userId: user.id, tokenHash: secretHash(secret) });
    audit(db, {
      actor,
      action: 'create',
      entity: 'token',
      entityId: newId,
      after: { name: t.name, user: user.username },
    });
    return newId;
  })();
  return { token: getToken(db, id) as TokenRow, secret };
}

/** Revokes an API token (a token already revoked stays as it was). */
export function revokeApiToken(db: Db, id: number, actor: string | null): TokenRow {
  const token = getToken(db, id);
  if (!token) throw notFound(`token ${id}`);
  if (token.revokedAt === null)
    db.transaction(() => {
      revokeToken(db, id);
      audit(db, { actor, action: 'revoke', entity: 'token', entityId: id, before: token });
    })();
  return getToken(db, id) as TokenRow;
}
