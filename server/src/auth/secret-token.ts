import { createHash, randomBytes } from 'node:crypto';

/** A new random secret (session id or API token), 256 bits, URL-safe; `prefix` says which it is. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What the record keeps of a secret: its SHA-256, so a copy of the database opens no session. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
