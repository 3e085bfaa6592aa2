import type { Db } from './open-database';
import { joinedUserColumns, type UserRow, userFromJoin } from './users';

export interface TokenRow {
  id: number;
  name: string;
  userId: number;
  username: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const select = `SELECT t.id, t.name, t.user_id, u.username, t.created_at, t.last_used_at, t.revoked_at
  FROM api_tokens t JOIN users u ON u.id = t.user_id`;

function toToken(r: Record<string, unknown>): TokenRow {
  return {
    id: Number(r.id),
    name: String(r.name),
    userId: Number(r.user_id),
    username: String(r.username),
    createdAt: String(r.created_at),
    lastUsedAt: (r.last_used_at as string | null) ?? null,
    revokedAt: (r.revoked_at as string | null) ?? null,
  };
}

export function insertToken(db: Db, t: { name: string; userId: number; tokenHash: string }): number {
  return Number(
    db
      .prepare('INSERT INTO api_tokens (name, user_id, token_hash) VALUES (?, ?, ?)')
      .run(t.name, t.userId, t.tokenHash).lastInsertRowid,
  );
}

export function listTokens(db: Db): TokenRow[] {
  return (db.prepare(`${select} ORDER BY t.id`).all() as Record<string, unknown>[]).map(toToken);
}

export function getToken(db: Db, id: number): TokenRow | null {
  const r = db.prepare(`${select} WHERE t.id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? toToken(r) : null;
}

/** The live (not revoked) token with this hash and its account, in one query (the check before each request), or null. */
export function findLiveTokenWithUser(db: Db, tokenHash: string): { tokenId: number; user: UserRow } | null {
  const r = db
    .prepare(
      `SELECT t.id AS token_id, ${joinedUserColumns}
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
    )
    .get(tokenHash) as Record<string, unknown> | undefined;
  return r ? { tokenId: Number(r.token_id), user: userFromJoin(r) } : null;
}

export function markTokenUsed(db: Db, id: number): void {
  db.prepare(`UPDATE api_tokens SET last_used_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(
    id,
  );
}

export function revokeToken(db: Db, id: number): void {
  db.prepare(
    `UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND revoked_at IS NULL`,
  ).run(id);
}
