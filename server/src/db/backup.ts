import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ImportError } from '../domain/import/import-error';
import { audit } from './audit';
import { renewDbId } from './data-version';
import { MIGRATIONS } from './migrations';
import { type Db, migrate } from './open-database';

/** What a backup or a restored record holds, to tell the person who made it. */
export interface RecordSummary {
  schemaVersion: number;
  dataVersion: number;
  dbId: string;
  premises: number;
  events: number;
  users: number;
  bytes: number;
}

export interface RestoreResult extends RecordSummary {
  /** Migrations run on the backup because it was older than this product. */
  migrated: number[];
  /** Where the record the restore replaced was saved, if there was one. */
  replacedSavedAs: string | null;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** better-sqlite3 copies 100 pages per step unless its progress callback asks for more. */
const ALL_PAGES = 0x7fffffff;
/** How long a restore waits for the server to finish a write in progress (an import's transaction). */
const BUSY_WAIT_MS = 60_000;

const refused = (message: string) => new ImportError(message, 422, 'refused');

/** Why the database is not a record of this product, or null when it is one. */
function productProblem(db: Db): string | null {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
  if (!tables.has('schema_migrations') || !tables.has('meta'))
    return 'is a SQLite database but not a record of 十小整治一张图 (it has no schema_migrations and meta tables)';
  const first = db.prepare('SELECT name FROM schema_migrations WHERE version = 1').pluck().get();
  if (first !== MIGRATIONS[0].name)
    return 'is a SQLite database but not a record of 十小整治一张图 (its schema_migrations are not this product’s)';
  return null;
}

function summarise(db: Db): RecordSummary {
  const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  const meta = (key: string) => db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key);
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
  return {
    schemaVersion: Number(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() ?? 0),
    dataVersion: Number(meta('data_version') ?? 0),
    dbId: String(meta('db_id') ?? ''),
    premises: count('premises'),
    events: count('events'),
    users: tables.has('users') ? count('users') : 0,
    // Pages rather than the file's size: a WAL record's file catches up only at a checkpoint.
    bytes:
      Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true })),
  };
}

/**
 * Copies `source` into the database file `destination` with SQLite's online backup API, in one
 * step: one read transaction on the source (a consistent copy however busy its writers are) and
 * one write transaction on the destination (readers there see the old record or the new one,
 * never a mix; a crash leaves the old one). Returns false when the destination was locked by a
 * writer and nothing was copied (better-sqlite3 then reports no pages at all).
 */
async function copyWhole(source: Db, destination: string): Promise<boolean> {
  const progress = await source.backup(destination, { progress: () => ALL_PAGES });
  return progress.totalPages > 0;
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Writes a consistent copy of the record at `dbFile` to `target`, a new file, while the server
 * may be writing. The copy is one self-contained file (rollback journal, no -wal beside it); it
 * appears under its name only once complete.
 */
export async function backupRecord(dbFile: string, target: string): Promise<RecordSummary> {
  if (!existsSync(dbFile)) throw refused(`there is no record at ${dbFile} (is DATA_DIR right?)`);
  if (resolve(target) === resolve(dbFile) || existsSync(target))
    throw refused(`${target} already exists; name a new file (a backup never overwrites one)`);
  if (!existsSync(dirname(resolve(target)))) throw refused(`the folder ${dirname(target)} does not exist`);
  const live = new Database(dbFile, { fileMustExist: true });
  const partial = `${target}.partial`;
  try {
    const problem = productProblem(live);
    if (problem) throw refused(`${dbFile} ${problem}`);
    removeDatabaseFiles(partial);
    if (!(await copyWhole(live, partial))) throw refused(`${dbFile} is locked; try again`);
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy does not check out: ${check}`);
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    const done = new Database(target, { readonly: true });
    try {
      return summarise(done);
    } finally {
      done.close();
    }
  } finally {
    live.close();
    removeDatabaseFiles(partial);
  }
}

/**
 * Saves the record a restore is about to replace beside it; a record SQLite can no longer read
 * whole (often why one restores) is saved byte for byte instead.
 */
async function keepReplaced(dbFile: string): Promise<string> {
  const target = `${dbFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await backupRecord(dbFile, target);
  } catch {
    removeDatabaseFiles(target);
    copyFileSync(dbFile, target);
    if (existsSync(`${dbFile}-wal`)) copyFileSync(`${dbFile}-wal`, `${target}-wal`);
  }
  return target;
}

/** The first bytes of a file, to tell a SQLite database from anything else before opening it. */
function header(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(16);
    const n = readSync(fd, bytes, 0, 16, 0);
    return bytes.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Checks a backup (a working copy of it) and brings it up to this product's schema, as a new record. */
function prepareIncoming(incoming: Db, name: string): number[] {
  let problems: string[];
  try {
    problems = (incoming.pragma('integrity_check(3)', { simple: false }) as Record<string, string>[])
      .flatMap((row) => Object.values(row)[0].split('\n'))
      .filter((line) => line !== 'ok' && !line.startsWith('***'));
  } catch (err) {
    if (!(err instanceof Database.SqliteError)) throw err;
    throw refused(`${name} cannot be read as a database (${err.message}); nothing was restored`);
  }
  if (problems.length > 0)
    throw refused(`${name} is damaged (${problems.slice(0, 3).join('; ')}); nothing was restored`);
  const problem = productProblem(incoming);
  if (problem) throw refused(`${name} ${problem}; nothing was restored`);
  const newest = Number(incoming.prepare('SELECT max(version) FROM schema_migrations').pluck().get());
  const known = MIGRATIONS[MIGRATIONS.length - 1].version;
  if (newest > known)
    throw refused(
      `${name} was written by a newer version of this product (schema ${newest}; this one knows up to ${known}); update the product first`,
    );
  incoming.pragma('foreign_keys = ON');
  const migrated = migrate(incoming);
  incoming.transaction(() => {
    const dbId = renewDbId(incoming);
    audit(incoming, {
      actor: 'cli',
      action: 'restore',
      entity: 'database',
      after: { file: name, dbId, migrated },
    });
  })();
  return migrated;
}

/**
 * Puts a backup back as the record at `dbFile`, while a server may be serving it: the backup is
 * checked and migrated in a working copy beside the record, the record it replaces is saved
 * beside it, and the copy goes in with SQLite's backup API as one write transaction through the
 * record's own WAL, so the server's connection sees the old record or the new one, never a mix.
 * The restored record gets a new database id, which tells a running server to reload its model.
 */
export async function restoreRecord(dbFile: string, backupFile: string): Promise<RestoreResult> {
  const name = basename(backupFile);
  if (!existsSync(backupFile)) throw refused(`cannot read ${backupFile}: ENOENT`);
  if (resolve(backupFile) === resolve(dbFile)) throw refused(`${backupFile} is the record itself`);
  if (header(backupFile) !== SQLITE_HEADER)
    throw refused(`${name} is not a SQLite database; nothing was restored`);
  const work = `${dbFile}.restoring`;
  mkdirSync(dirname(dbFile), { recursive: true });
  removeDatabaseFiles(work);
  copyFileSync(backupFile, work);
  // A copy taken with its -wal beside it (not by `backup`) holds part of its record there.
  if (existsSync(`${backupFile}-wal`)) copyFileSync(`${backupFile}-wal`, `${work}-wal`);
  const incoming = new Database(work);
  try {
    const migrated = prepareIncoming(incoming, name);
    let replacedSavedAs: string | null = null;
    if (existsSync(dbFile)) {
      const live = new Database(dbFile, { fileMustExist: true });
      const pageSize = Number(live.pragma('page_size', { simple: true }));
      live.close();
      // SQLite copies into a WAL database only between equal page sizes.
      if (Number(incoming.pragma('page_size', { simple: true })) !== pageSize) {
        incoming.pragma('journal_mode = DELETE');
        incoming.pragma(`page_size = ${pageSize}`);
        incoming.exec('VACUUM');
      }
      replacedSavedAs = await keepReplaced(dbFile);
    }
    const deadline = Date.now() + BUSY_WAIT_MS;
    while (!(await copyWhole(incoming, dbFile))) {
      if (Date.now() > deadline)
        throw refused(
          `the record stayed busy for ${BUSY_WAIT_MS / 1000} s (a long import?); nothing was restored, try again`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
    const restored = new Database(dbFile, { fileMustExist: true });
    try {
      const summary = summarise(restored);
      if (summary.dbId !== summarise(incoming).dbId)
        throw new Error('the restored record does not carry the backup’s new id');
      return { ...summary, migrated, replacedSavedAs };
    } finally {
      restored.close();
    }
  } finally {
    incoming.close();
    removeDatabaseFiles(work);
  }
}
