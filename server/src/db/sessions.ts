import type { Db } from './open-database';

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

export function getSession(db: Db, idHash: string): SessionRow | null {
  const r = db
    .prepare('SELECT user_id, created_ms, seen_ms, expires_ms FROM sessions WHERE id_hash = ?')
    .raw()
    .get(idHash) as number[] | undefined;
  return r ? { userId: r[0], createdMs: r[1], seenMs: r[2], expiresMs: r[3] } : null;
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
