import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { PgDatabase } from './pg/pg-database';
import { PG_MIGRATIONS, SCHEMA_MIGRATIONS_TABLE } from './pg/pg-migrations';

export type Db = Database.Database;

/** Whether `target` names a PostgreSQL database (`DATABASE_URL`) rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(?:ql)?:\/\//u.test(target);
}

/** The store `db` runs on. */
export function dialectOf(db: Db): 'sqlite' | 'postgres' {
  return db instanceof PgDatabase ? 'postgres' : 'sqlite';
}

/**
 * Opens the record: a PostgreSQL/PostGIS database for a `postgres://` URL, else the SQLite file at
 * `target` (or ':memory:'); created and migrated either way. Both answer the repositories through
 * better-sqlite3's interface (PgDatabase speaks it), so every repository function is one for both.
 */
export function openStore(target: string): Db {
  if (!isPostgresUrl(target)) return openDatabase(target);
  const pg = new PgDatabase(target);
  try {
    migratePostgres(pg);
    pg.startHearing();
  } catch (err) {
    pg.close();
    throw err;
  }
  return pg as unknown as Db;
}

/** Applies the PostgreSQL migrations the record has not seen, each in its own transaction. */
function migratePostgres(pg: PgDatabase): void {
  // Two servers starting on an empty database at once: the second waits for the first's schema.
  pg.transaction(() => {
    pg.pg.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`shixiao:migrate:${pg.schema ?? 'public'}`]);
    pg.pg.query(SCHEMA_MIGRATIONS_TABLE);
    const done = new Set(pg.prepare('SELECT version FROM schema_migrations').pluck().all().map(Number));
    for (const m of PG_MIGRATIONS) {
      if (done.has(m.version)) continue;
      pg.pg.query(m.sql); // as written: PostgreSQL's own SQL, not translated
      pg.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(m.version, m.name);
    }
  })();
}

/** Opens (creating if needed) the database at `file` (or ':memory:'), with WAL and foreign keys, migrated. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

/** Applies the migrations the database has not seen; returns the versions applied. */
export function migrate(db: Db): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`);
  const done = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((v) => Number(v)),
  );
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(m.version, m.name);
    })();
    applied.push(m.version);
  }
  return applied;
}
