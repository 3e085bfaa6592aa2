import type { RecordStamp } from '../domain/columns-snapshot';
import type { Db } from './open-database';

/**
 * The record's stamp: `db_id` (migration 9) names this very database, `data_version` is the
 * counter the triggers of migration 5 bump on every change to premises or events.
 */
export function readRecordStamp(db: Db): RecordStamp {
  const rows = db.prepare("SELECT key, value FROM meta WHERE key IN ('db_id', 'data_version')").all() as {
    key: string;
    value: string;
  }[];
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  return { dbId: value('db_id') ?? '', dataVersion: Number(value('data_version') ?? 0) };
}

/** Gives the record a new random id: a restored database is another record, whatever it holds. */
export function renewDbId(db: Db): string {
  return String(
    db
      .prepare(
        `INSERT INTO meta (key, value) VALUES ('db_id', lower(hex(randomblob(16))))
         ON CONFLICT(key) DO UPDATE SET value = excluded.value RETURNING value`,
      )
      .pluck()
      .get(),
  );
}

/**
 * SQLite's own counter for this connection (`PRAGMA data_version`): it moves only when another
 * connection — another process — commits, never for this connection's own writes.
 */
export function commitsByOthers(db: Db): number {
  return Number(db.pragma('data_version', { simple: true }));
}
