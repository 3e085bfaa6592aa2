/** Failed logins allowed per window before more attempts are refused (per account, per address). */
export const LOGIN_LIMITS = { perUser: 5, perAddress: 20, windowMs: 15 * 60_000 };

/**
 * Counts failed logins per account and per network address in a sliding window, in memory. A
 * success clears the account's count. Guessing a password then takes years, not minutes.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits = LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfterMs(username: string, address: string): number {
    const checks: [string, number][] = [
      [`u:${username.toLowerCase()}`, this.limits.perUser],
      [`a:${address}`, this.limits.perAddress],
    ];
    let wait = 0;
    for (const [key, limit] of checks) {
      const list = this.recent(key);
      if (list.length >= limit)
        wait = Math.max(wait, list[list.length - limit] + this.limits.windowMs - this.now());
    }
    return wait;
  }

  failed(username: string, address: string): void {
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) {
      this.failures.set(key, [...this.recent(key), this.now()]);
    }
  }

  succeeded(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }
}
