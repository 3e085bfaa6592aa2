import { createHash } from 'node:crypto';
import type { Db } from '../db/open-database';

/** Failed logins allowed per window before more attempts are refused (per account, per address). */
export const LOGIN_LIMITS = { perUser: 5, perAddress: 20, windowMs: 15 * 60_000 };

/** Where failed logins are counted: times (ms) per key. */
export interface FailureStore {
  /** The times of `key`'s failures after `since`, oldest first. */
  since(key: string, since: number): number[];
  add(key: string, at: number, forgetBefore: number): void;
  clear(key: string): void;
}

/**
 * Failures in the record (`login_failures`, migration 16), so every server on a PostgreSQL record
 * counts the same attempts: going round the servers buys an attacker nothing. A restart forgets
 * nothing either. The keys are kept as hashes, never as typed: a mistyped name is often a password,
 * and an address is personal.
 */
export function failuresInDatabase(db: Db): FailureStore {
  const hashed = (key: string) => createHash('sha256').update(`shixiao-login:${key}`).digest('hex');
  return {
    since: (key, since) =>
      (
        db
          .prepare('SELECT at_ms FROM login_failures WHERE key = ? AND at_ms > ? ORDER BY at_ms')
          .pluck()
          .all(hashed(key), since) as number[]
      ).map(Number),
    add(key, at, forgetBefore) {
      db.transaction(() => {
        db.prepare('DELETE FROM login_failures WHERE at_ms <= ?').run(forgetBefore);
        db.prepare('INSERT INTO login_failures (key, at_ms) VALUES (?, ?)').run(hashed(key), at);
      })();
    },
    clear: (key) => {
      db.prepare('DELETE FROM login_failures WHERE key = ?').run(hashed(key));
    },
  };
}

/**
 * Counts failed logins per account and per network address in a sliding window. A success clears
 * the account's count. Guessing a password then takes years, not minutes.
 */
export class LoginLimiter {
  constructor(
    private readonly failures: FailureStore,
    private readonly limits = LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfterMs(username: string, address: string): number {
    const checks: [string, number][] = [
      [`u:${username.toLowerCase()}`, this.limits.perUser],
      [`a:${address}`, this.limits.perAddress],
    ];
    let wait = 0;
    for (const [key, limit] of checks) {
      const list = this.failures.since(key, this.now() - this.limits.windowMs);
      if (list.length >= limit)
        wait = Math.max(wait, list[list.length - limit] + this.limits.windowMs - this.now());
    }
    return wait;
  }

  failed(username: string, address: string): void {
    const now = this.now();
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`])
      this.failures.add(key, now, now - this.limits.windowMs);
  }

  succeeded(username: string): void {
    this.failures.clear(`u:${username.toLowerCase()}`);
  }
}
