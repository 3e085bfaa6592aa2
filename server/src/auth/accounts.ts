import { findLiveTokenWithUser, markTokenUsed } from '../db/api-tokens';
import { audit } from '../db/audit';
import type { Db } from '../db/open-database';
import { deleteSession, getSessionWithUser, insertSession, touchSession } from '../db/sessions';
import { countUsers, getUserByName, insertUser, type UserRow } from '../db/users';
import type { Actor } from '../domain/auth/policy';
import { hashPassword, randomPassword, verifyPassword } from './passwords';
import { newSecret, secretHash } from './secret-token';

/** How long a session lasts: at most `absoluteMs` from sign-in, and `idleMs` without a request. */
export interface SessionLimits {
  absoluteMs: number;
  idleMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { absoluteMs: 12 * 3_600_000, idleMs: 2 * 3_600_000 };

/** A session's last-seen time is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

/** The account a request acts as, with what the page needs to know of it. */
export interface SignedIn extends Actor {
  userId: number;
  displayName: string;
  mustChangePassword: boolean;
  /** The codes of the townships the account is limited to; [] for the whole district. */
  townshipCodes: string[];
  /** How the request proved who it is. */
  via: 'session' | 'token';
}

/** The village ids behind a village officer's codes (villages are re-imported; codes stay). */
function villageIds(db: Db, codes: readonly string[]): number[] {
  if (codes.length === 0) return [];
  return db
    .prepare('SELECT id FROM villages WHERE code IN (SELECT value FROM json_each(?)) ORDER BY id')
    .pluck()
    .all(JSON.stringify(codes)) as number[];
}

/** The village ids in an account's townships (codes stay across imports); null for the whole district. */
function townshipVillageIds(db: Db, codes: readonly string[]): number[] | null {
  if (codes.length === 0) return null;
  return db
    .prepare(
      `SELECT v.id FROM villages v JOIN townships t ON t.id = v.township_id
       WHERE t.code IN (SELECT value FROM json_each(?)) ORDER BY v.id`,
    )
    .pluck()
    .all(JSON.stringify(codes)) as number[];
}

export function actorOf(db: Db, user: UserRow, via: SignedIn['via']): SignedIn {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    villages: villageIds(db, user.villageCodes),
    department: user.department,
    townshipVillages: townshipVillageIds(db, user.townshipCodes),
    townshipCodes: user.townshipCodes,
    mustChangePassword: user.mustChangePassword,
    via,
  };
}

/**
 * Makes the first account, `admin`, when the record has none: with `password` (ADMIN_PASSWORD),
 * else a random one that is returned to be printed once (and must be changed at first sign-in).
 */
export async function ensureFirstAdmin(db: Db, password?: string): Promise<string | null> {
  if (countUsers(db) > 0) return null;
  const chosen = password && password.length > 0 ? password : null;
  const secret = chosen ?? randomPassword();
  const passwordHash = await hashPassword(secret);
  // Servers started together on one PostgreSQL record: the first to get here makes the account.
  const made = db.transaction(() => {
    if (countUsers(db) > 0) return false;
    const id = insertUser(db, {
      username: 'admin',
      displayName: '管理员',
      role: 'admin',
      villageCodes: [],
      department: null,
      passwordHash,
      mustChangePassword: chosen === null,
    });
    audit(db, {
      actor: 'system',
      action: 'create',
      entity: 'user',
      entityId: id,
      after: { username: 'admin' },
    });
    return true;
  });
  try {
    if (!made()) return null;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return null; // another server made it
    throw err;
  }
  return chosen === null ? secret : null;
}

/** Checks a username and password; the account when they match (disabled or not), else null. */
export async function checkPassword(db: Db, username: string, password: string): Promise<UserRow | null> {
  const user = getUserByName(db, username.trim());
  // Hash even for an unknown name, so the answer takes as long and says nothing about which names exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  return user && ok ? user : null;
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Opens a session for the user; returns the cookie's secret (the record keeps only its hash). */
export function openSession(db: Db, userId: number, limits: SessionLimits, nowMs = Date.now()): string {
  const secret = newSecret('');
  insertSession(db, secretHash(secret), {
    userId,
    createdMs: nowMs,
    seenMs: nowMs,
    expiresMs: nowMs + limits.absoluteMs,
  });
  return secret;
}

export function closeSession(db: Db, secret: string): void {
  deleteSession(db, secretHash(secret));
}

/** The signed-in account of a session cookie, or null when it is unknown, expired, idle too long or disabled. */
export function sessionActor(
  db: Db,
  secret: string,
  limits: SessionLimits,
  nowMs = Date.now(),
): SignedIn | null {
  const idHash = secretHash(secret);
  const found = getSessionWithUser(db, idHash);
  if (!found) return null;
  const { session, user } = found;
  if (session.expiresMs <= nowMs || session.seenMs + limits.idleMs <= nowMs) {
    deleteSession(db, idHash);
    return null;
  }
  if (user.disabled) return null;
  if (nowMs - session.seenMs >= TOUCH_EVERY_MS) touchSession(db, idHash, nowMs);
  return actorOf(db, user, 'session');
}

const tokenUses = new Map<number, number>();

/** The account behind an API token, or null when it is unknown, revoked or its user disabled. */
export function tokenActor(db: Db, token: string, nowMs = Date.now()): SignedIn | null {
  const found = findLiveTokenWithUser(db, secretHash(token));
  if (!found) return null;
  const { tokenId, user } = found;
  if (user.disabled) return null;
  if (nowMs - (tokenUses.get(tokenId) ?? 0) >= TOUCH_EVERY_MS) {
    tokenUses.set(tokenId, nowMs);
    markTokenUsed(db, tokenId);
  }
  return { ...actorOf(db, user, 'token'), mustChangePassword: false };
}
