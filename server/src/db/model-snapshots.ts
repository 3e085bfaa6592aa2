import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { RecordStamp } from '../domain/columns-snapshot';
import type { Db } from './open-database';

/**
 * Where the model's snapshot is kept between starts: a file beside a SQLite database, a row in a
 * PostgreSQL record (shared by every server on it, so any of them starts from it).
 */
export interface SnapshotStore {
  load(): Uint8Array | null;
  save(bytes: Uint8Array, stamp: RecordStamp): void;
  /**
   * The premises changed since the record stood at `dataVersion` (a superset: those changed at
   * it too). Only a store that notes every premise's change has it (PostgreSQL, where several
   * servers write): an older snapshot is brought up to date with these, and a server's columns
   * follow these notes rather than the record's counter. Without it only a snapshot of the record
   * as it stands will do.
   */
  changedSince?(dataVersion: number): PremiseTouch[];
}

/** A premise's last change as the record notes it: the data version its transaction moved the counter to. */
export interface PremiseTouch {
  id: number;
  dataVersion: number;
}

/** The snapshot as a file (written atomically); SQLite keeps no list of changed premises. */
export function snapshotFile(file: string): SnapshotStore {
  return {
    load: () => (existsSync(file) ? readFileSync(file) : null),
    save(bytes) {
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, file);
    },
  };
}

/** The snapshot's bytes are kept in parts of this size (migration 16 on PostgreSQL). */
export const PART_BYTES = 4 << 20;

/**
 * The snapshot in PostgreSQL (migration 16): its stamp in one row, replaced only by a newer one,
 * its bytes in parts; and the record's triggers note in `premise_touches` at which data version
 * each premise last changed (a row a premise, never pruned: a server that lost its connection
 * catches up from its own version, older than the snapshot's) — so a server starts from whatever
 * snapshot is there and reads only the premises changed since, not every premise.
 */
export function snapshotInDatabase(db: Db): SnapshotStore {
  return {
    load() {
      const parts = db
        .prepare('SELECT bytes FROM model_snapshot_parts ORDER BY part')
        .pluck()
        .all() as Buffer[];
      return parts.length > 0 ? Buffer.concat(parts) : null;
    },
    save(bytes, stamp) {
      db.transaction(() => {
        const newer = db
          .prepare(
            `INSERT INTO model_snapshots (id, db_id, data_version) VALUES (1, ?, ?)
             ON CONFLICT (id) DO UPDATE SET db_id = excluded.db_id, data_version = excluded.data_version,
               saved_at = excluded.saved_at
             WHERE model_snapshots.data_version <= excluded.data_version OR model_snapshots.db_id <> excluded.db_id`,
          )
          .run(stamp.dbId, stamp.dataVersion).changes;
        if (newer === 0) return; // another server kept a later one
        db.prepare('DELETE FROM model_snapshot_parts').run();
        const insert = db.prepare('INSERT INTO model_snapshot_parts (part, bytes) VALUES (?, ?)');
        for (let at = 0, part = 0; at < bytes.length; at += PART_BYTES, part++)
          insert.run(part, bytes.subarray(at, at + PART_BYTES));
      })();
    },
    changedSince: (dataVersion) =>
      (
        db
          .prepare('SELECT premise_id, data_version FROM premise_touches WHERE data_version >= ?')
          .raw()
          .all(dataVersion) as [number, number][]
      ).map(([id, version]) => ({ id: Number(id), dataVersion: Number(version) })),
  };
}
