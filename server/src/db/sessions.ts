import type { Db } from './open-database';
import { joinedUserColumns, type UserRow, userFromJoin } from './users';

export interface SessionRow {
  userId: number;
  createdMs: number;
  seenMs: number;
  expiresMs: number;
}

export function insertSession(db: Db, idHash: string, s: SessionRow): void {
  db.prepare(
    'INSERT INTO sessions (id_hash, user_id, created_ms, seen_ms, expires_ms) VALUES (?, ?, ?, ?, ?)',
  ).run(idHash, s.userId, s.createdMs, s.seenMs, s.expiresMs);
}

/** The session with its account, in one query (the check before every request a page makes). */
export function getSessionWithUser(db: Db, idHash: string): { session: SessionRow; user: UserRow } | null {
  const r = db
    .prepare(
      `SELECT s.user_id, s.created_ms, s.seen_ms, s.expires_ms, ${joinedUserColumns}
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`,
    )
    .get(idHash) as Record<string, unknown> | undefined;
  if (!r) return null;
  const session = {
    userId: Number(r.user_id),
    createdMs: Number(r.created_ms),
    seenMs: Number(r.seen_ms),
    expiresMs: Number(r.expires_ms),
  };
  return { session, user: userFromJoin(r) };
}

export function touchSession(db: Db, idHash: string, seenMs: number): void {
  db.prepare('UPDATE sessions SET seen_ms = ? WHERE id_hash = ?').run(seenMs, idHash);
}

export function deleteSession(db: Db, idHash: string): void {
  db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
}

/** Ends every session of a user (password changed or reset, account disabled). */
export function deleteUserSessions(db: Db, userId: number): void {
  db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
}

/** Removes sessions past their end or idle too long. */
export function deleteStaleSessions(db: Db, nowMs: number, idleMs: number): number {
  return db.prepare('DELETE FROM sessions WHERE expires_ms <= ? OR seen_ms <= ?').run(nowMs, nowMs - idleMs)
    .changes;
}
