import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt parameters: N = 2^15 (~50 ms here), r = 8, p = 1; memory ~32 MB per hash. */
const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const MAX_MEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N: n, r, p, maxmem: MAX_MEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** A password hash to store: `scrypt$N$r$p$salt$key` (base64url), never the password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches a stored hash (in constant time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** What a password must be: long enough to resist guessing, not only digits. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'a password needs at least 10 characters';
  if (password.length > 200) return 'a password has at most 200 characters';
  if (/^\d+$/.test(password)) return 'a password of digits only is too easy to guess; mix in letters';
  return null;
}

/** The same problem in Chinese, for the page (`messageZh`), or null. */
export function passwordProblemZh(password: string): string | null {
  if (password.length < 10) return '密码至少需要 10 个字符';
  if (password.length > 200) return '密码最多 200 个字符';
  if (/^\d+$/.test(password)) return '纯数字密码太容易被猜到，请加入字母';
  return null;
}

/** A random password for a new or reset account (shown once), easy to type: letters and digits. */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(14);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}
