import type { DepartmentCode, Role } from '../domain/auth/roles';
import type { Db } from './open-database';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The villages a village officer keeps, by their 12-digit codes (stable across boundary imports). */
  villageCodes: string[];
  /** The townships the account is limited to, by code; [] for the whole district. */
  townshipCodes: string[];
  department: DepartmentCode | null;
  passwordHash: string;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
}

const COLUMNS = [
  'id',
  'username',
  'display_name',
  'role',
  'village_codes',
  'township_codes',
  'department',
  'password_hash',
  'must_change_password',
  'disabled',
  'created_at',
];
const columns = COLUMNS.join(', ');

/**
 * An account's columns from `users u` joined to another table, under their own names (read back by
 * userFromJoin; the joined table's columns must not share them): the check before each request
 * reads its session or token and its account at once.
 */
export const joinedUserColumns = COLUMNS.map((c) => `u.${c}`).join(', ');

/** The account from a row holding joinedUserColumns. */
export const userFromJoin = (r: Record<string, unknown>): UserRow => toUser(r);

function toUser(r: Record<string, unknown>): UserRow {
  return {
    id: Number(r.id),
    username: String(r.username),
    displayName: String(r.display_name),
    role: r.role as Role,
    villageCodes: JSON.parse(String(r.village_codes)),
    townshipCodes: JSON.parse(String(r.township_codes)),
    department: (r.department as DepartmentCode | null) ?? null,
    passwordHash: String(r.password_hash),
    mustChangePassword: r.must_change_password === 1,
    disabled: r.disabled === 1,
    createdAt: String(r.created_at),
  };
}

export function countUsers(db: Db): number {
  return Number(db.prepare('SELECT count(*) FROM users').pluck().get());
}

export function listUsers(db: Db): UserRow[] {
  return (db.prepare(`SELECT ${columns} FROM users ORDER BY id`).all() as Record<string, unknown>[]).map(
    toUser,
  );
}

export function getUser(db: Db, id: number): UserRow | null {
  const r = db.prepare(`SELECT ${columns} FROM users WHERE id = ?`).get(id) as
    | Record<string, unknown>
    | undefined;
  return r ? toUser(r) : null;
}

/** The account by name, whatever its letter case. */
export function getUserByName(db: Db, username: string): UserRow | null {
  const r = db.prepare(`SELECT ${columns} FROM users WHERE username = ?`).get(username) as
    | Record<string, unknown>
    | undefined;
  return r ? toUser(r) : null;
}

export function insertUser(
  db: Db,
  u: Pick<
    UserRow,
    | 'username'
    | 'displayName'
    | 'role'
    | 'villageCodes'
    | 'department'
    | 'passwordHash'
    | 'mustChangePassword'
  > &
    Partial<Pick<UserRow, 'townshipCodes'>>,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO users (username, display_name, role, village_codes, township_codes, department, password_hash, must_change_password)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        u.username,
        u.displayName,
        u.role,
        JSON.stringify(u.villageCodes),
        JSON.stringify(u.townshipCodes ?? []),
        u.department,
        u.passwordHash,
        u.mustChangePassword ? 1 : 0,
      ).lastInsertRowid,
  );
}

export function updateUser(
  db: Db,
  id: number,
  u: Partial<
    Pick<UserRow, 'displayName' | 'role' | 'villageCodes' | 'townshipCodes' | 'department' | 'disabled'>
  >,
): void {
  const sets: string[] = [];
  const values: unknown[] = [];
  const set = (column: string, value: unknown) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (u.displayName !== undefined) set('display_name', u.displayName);
  if (u.role !== undefined) set('role', u.role);
  if (u.villageCodes !== undefined) set('village_codes', JSON.stringify(u.villageCodes));
  if (u.townshipCodes !== undefined) set('township_codes', JSON.stringify(u.townshipCodes));
  if (u.department !== undefined) set('department', u.department);
  if (u.disabled !== undefined) set('disabled', u.disabled ? 1 : 0);
  if (sets.length === 0) return;
  db.prepare(
    `UPDATE users SET ${sets.join(', ')}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(...values, id);
}

export function setPassword(db: Db, id: number, passwordHash: string, mustChange: boolean): void {
  db.prepare(
    `UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(passwordHash, mustChange ? 1 : 0, id);
}
