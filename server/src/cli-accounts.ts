import type { ZodType } from 'zod';
import {
  addAccount,
  addApiToken,
  resetAccountPassword,
  revokeApiToken,
  updateAccount,
} from './auth/account-changes';
import {
  departmentSchema,
  displayNameSchema,
  roleSchema,
  tokenNameSchema,
  townshipCodesSchema,
  usernameSchema,
  villageCodesSchema,
} from './auth/account-rules';
import { type CliArgs, flagText, type Out, UsageError } from './cli-args';
import { getToken, listTokens } from './db/api-tokens';
import type { Db } from './db/open-database';
import { getUserByName, listUsers, type UserRow } from './db/users';
import { ApiError } from './http/api-error';

/** Who the audit log names for changes made from the command line. */
const ACTOR = 'cli';

const SHOWN_ONCE = 'shown this once; it must be changed at the first sign-in';

/** A value checked by the API's own schema; a mismatch is told in the API's words. */
function valid<T>(schema: ZodType<T>, field: string, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UsageError([field, ...issue.path].join('.').concat(`: ${issue.message}`));
}

const splitList = (text: string) =>
  text
    .split(/[,，、]/u)
    .map((s) => s.trim())
    .filter(Boolean);

function account(db: Db, name: string | undefined, command: string): UserRow {
  if (!name) throw new UsageError(`user ${command} needs the account's NAME`);
  const user = getUserByName(db, name.trim());
  if (!user) throw new ApiError(400, 'bad_request', `user: no account ${name}`);
  return user;
}

function scopeText(u: UserRow): string {
  const townships = u.townshipCodes.length > 0 ? `townships ${u.townshipCodes.join(',')}` : '';
  const own =
    u.role === 'village' ? u.villageCodes.join(',') : u.role === 'inspector' ? (u.department ?? '') : '';
  return [own, townships].filter(Boolean).join(' ') || '-';
}

function stateText(u: UserRow): string {
  if (u.disabled) return 'disabled';
  return u.mustChangePassword ? 'active (must change password)' : 'active';
}

async function addUser(db: Db, args: CliArgs, out: Out): Promise<void> {
  const name = args.positionals[2];
  if (!name) throw new UsageError('user add needs a NAME');
  const role = flagText(args, 'role');
  if (!role) throw new UsageError('user add needs --role admin|leader|village|inspector|viewer');
  const villages = flagText(args, 'villages');
  const townships = flagText(args, 'townships');
  const department = flagText(args, 'department');
  const { user, password } = await addAccount(
    db,
    {
      username: valid(usernameSchema, 'username', name),
      displayName: valid(displayNameSchema, 'display-name', flagText(args, 'display-name') ?? ''),
      role: valid(roleSchema, 'role', role),
      villages: valid(villageCodesSchema, 'villages', villages ? splitList(villages) : []),
      townships: valid(townshipCodesSchema, 'townships', townships ? splitList(townships) : []),
      department: department === undefined ? null : valid(departmentSchema, 'department', department),
      password: flagText(args, 'password'),
    },
    ACTOR,
  );
  const scope = scopeText(user);
  out(`added ${user.username} (${user.role}${scope === '-' ? '' : `: ${scope}`})`);
  if (password) out(`password: ${password}  (${SHOWN_ONCE})`);
}

function setDisabled(db: Db, args: CliArgs, out: Out, disabled: boolean): void {
  const user = account(db, args.positionals[2], disabled ? 'disable' : 'enable');
  if (user.disabled === disabled) {
    out(`${user.username} is already ${disabled ? 'disabled' : 'enabled'}`);
    return;
  }
  updateAccount(db, user.id, { disabled }, ACTOR);
  out(disabled ? `disabled ${user.username} (and ended their sessions)` : `enabled ${user.username}`);
}

/** `user add|list|disable|enable|reset`: accounts, with the rules and audit of the admin page. */
export async function userCommand(db: Db, args: CliArgs, out: Out): Promise<void> {
  const sub = args.positionals[1];
  if (sub === 'add') await addUser(db, args, out);
  else if (sub === 'list') {
    for (const u of listUsers(db))
      out([u.username, u.role, scopeText(u), stateText(u), u.displayName].filter(Boolean).join('\t'));
  } else if (sub === 'disable' || sub === 'enable') setDisabled(db, args, out, sub === 'disable');
  else if (sub === 'reset') {
    const user = account(db, args.positionals[2], 'reset');
    const { password } = await resetAccountPassword(db, user.id, ACTOR);
    out(`new password for ${user.username}: ${password}  (${SHOWN_ONCE}; their sessions were ended)`);
  } else throw new UsageError(`user what? add, list, disable, enable or reset (not ${sub ?? 'nothing'})`);
}

/** `token add|list|revoke`: API tokens for scripts and GIS clients. */
export function tokenCommand(db: Db, args: CliArgs, out: Out): void {
  const sub = args.positionals[1];
  if (sub === 'add') {
    const name = args.positionals[2];
    if (!name)
      throw new UsageError('token add needs a NAME, e.g. token add "QGIS on the GIS PC" --user wangli');
    const username = flagText(args, 'user');
    if (!username) throw new UsageError('token add needs --user USER, the account it acts as');
    const { token, secret } = addApiToken(
      db,
      { name: valid(tokenNameSchema, 'name', name), username: valid(usernameSchema, 'user', username) },
      ACTOR,
    );
    out(
      `token ${token.id} "${token.name}" acts as ${token.username}; shown this once, keep it like a password:`,
    );
    out(secret);
  } else if (sub === 'list') {
    for (const t of listTokens(db))
      out(
        [
          t.id,
          t.name,
          t.username,
          `created ${t.createdAt}`,
          `last used ${t.lastUsedAt ?? 'never'}`,
          t.revokedAt ? `revoked ${t.revokedAt}` : 'live',
        ].join('\t'),
      );
  } else if (sub === 'revoke') {
    const id = Number(args.positionals[2]);
    if (!Number.isInteger(id) || id <= 0)
      throw new UsageError('token revoke needs the token ID (see token list)');
    const before = getToken(db, id);
    const token = revokeApiToken(db, id, ACTOR);
    out(
      before?.revokedAt
        ? `token ${id} was already revoked (${before.revokedAt})`
        : `revoked token ${id} "${token.name}" of ${token.username}`,
    );
  } else throw new UsageError(`token what? add, list or revoke (not ${sub ?? 'nothing'})`);
}
