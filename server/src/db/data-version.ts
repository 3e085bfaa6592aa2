import type { Db } from './open-database';

/** The counter the triggers of migration 5 bump on every change to premises or events. */
export function readDataVersion(db: Db): number {
  return Number(db.prepare("SELECT value FROM meta WHERE key = 'data_version'").pluck().get() ?? 0);
}
