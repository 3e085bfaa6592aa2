import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type RecordStamp, sameStamp, snapshotStamp } from '../../domain/columns-snapshot';
import { readRecordStamp } from '../data-version';
import { PART_BYTES } from '../model-snapshots';
import { createEmptyRecordSchema } from './pg-migrations';

/** Where the record goes in PostgreSQL unless told otherwise: its own schema, never `public`. */
export const DEFAULT_PG_SCHEMA = 'shixiao';

/** Tables whose `geometry` column holds GeoJSON: the store keeps a PostGIS `geom` beside it. */
const SHAPE_TABLES = ['townships', 'villages', 'areas', 'basemap_features'];

/** Referenced before referring: the order rows can be copied in when foreign keys are checked as they come. */
const COPY_ORDER = [
  'schema_migrations',
  'meta',
  'townships',
  'villages',
  'premises',
  'events',
  'basemap_features',
  'areas',
  'users',
  'sessions',
  'api_tokens',
  'import_jobs',
  'import_rows',
  'import_items',
  'address_points',
  'place_aliases',
  'geocode_reviews',
  'photos',
  'standards',
  'draws',
  'tasks',
  'task_assignees',
  'acceptance_targets',
  'acceptance_records',
  'audit_log',
];

export interface TableCount {
  table: string;
  sqlite: number;
  postgres: number;
}

export interface CopyReport {
  schema: string;
  tables: TableCount[];
  /** Premises with a PostGIS point, and shapes whose GeoJSON PostGIS read. */
  points: number;
  shapes: number;
  /** The model's snapshot went along (it was of the record as copied): the first start reads no premise. */
  snapshot: boolean;
  /** Photo and thumbnail files taken into the record, and those the photos table names but DATA_DIR lacks. */
  photoFiles: { copied: number; missing: string[] };
  ms: number;
}

/** A refusal the person running the copy can act on (the CLI prints the message alone). */
export class CopyRefused extends Error {}

interface Column {
  name: string;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One value in COPY's text format. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  // The common kinds first: a bulk load asks this of some hundred million values.
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'string' && Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  const text = String(value);
  // Most values hold none of the characters to escape: looked for once, not four times.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('\t', '\\t')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r');
}

function tablesOf(db: Database.Database): string[] {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const rank = (t: string) => (COPY_ORDER.includes(t) ? COPY_ORDER.indexOf(t) : COPY_ORDER.length);
  return names.sort((a, b) => rank(a) - rank(b));
}

async function copyTable(
  client: pg.Client,
  db: Database.Database,
  schema: string,
  table: string,
): Promise<void> {
  const columns = db.prepare(`PRAGMA table_info(${ident(table)})`).all() as Column[];

  const names = columns.map((c) => ident(c.name)).join(', ');
  const sink = client.query(copyFrom(`COPY ${ident(schema)}.${ident(table)} (${names}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  const rows = db
    .prepare(`SELECT ${names} FROM ${ident(table)}`)
    .raw()
    .iterate() as Iterable<unknown[]>;
  let chunk = '';
  try {
    for (const row of rows) {
      const nul = row.findIndex((v) => typeof v === 'string' && v.includes('\u0000'));
      if (nul >= 0)
        throw new CopyRefused(
          `${table}.${columns[nul].name} holds a NUL character (row ${row[0]}), which PostgreSQL text cannot store; correct that value and copy again`,
        );
      chunk += `${row.map(copyText).join('\t')}\n`;
      if (chunk.length < 1 << 16) continue;
      if (!sink.write(chunk)) await new Promise((resolve) => sink.once('drain', resolve));
      chunk = '';
    }
  } catch (e) {
    // Abandon the COPY (CopyFail) so the connection can roll back, then say why.
    sink.destroy(e as Error);
    await done.catch(() => undefined);
    throw e;
  }
  sink.end(chunk);
  await done;
}

/** Identities carry on after the copied ids; the planner learns the new rows. Counts PostGIS's points and shapes. */
async function finishCopy(
  client: pg.Client,
  schema: string,
  tables: string[],
): Promise<{ points: number; shapes: number }> {
  const s = ident(schema);
  const identities = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1 AND is_identity = 'YES'`,
    [schema],
  );
  for (const { table_name: t, column_name: c } of identities.rows)
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${ident(c)}) FROM ${s}.${ident(t)}), 0) + 1, false)`,
      [`${s}.${ident(t)}`, c],
    );
  const points = await client.query(`SELECT count(geom)::int AS n FROM ${s}.premises`);
  let shapes = 0;
  for (const table of SHAPE_TABLES.filter((t) => tables.includes(t))) {
    const n = await client.query(`SELECT count(geom)::int AS n FROM ${s}.${ident(table)}`);
    shapes += n.rows[0].n;
  }
  await client.query('ANALYZE');
  return { points: points.rows[0].n, shapes };
}

async function ensurePostgis(client: pg.Client): Promise<void> {
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
  } catch (e) {
    throw new CopyRefused(
      `PostGIS is not available in this database (${(e as Error).message}). Install postgresql-15-postgis-3 (or your version's PostGIS) and connect as a user who may create the extension.`,
    );
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw new CopyRefused(`cannot connect to ${redactUrl(url)}: ${(e as Error).message}`);
  }
  return client;
}

/** The URL as it may be printed: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the database URL';
  }
}

/**
 * Copies the whole record with COPY into a new schema made as the PostgreSQL store makes its own
 * (tables, checks, triggers, PostGIS columns kept by PostgreSQL), and checks every table's count on
 * both sides: `DATABASE_URL=postgres://…?schema=<schema>` then serves the copied record. The schema must not exist unless
 * `replace` is set; on any failure the schema is left out (one transaction).
 */
export async function copyRecordToPostgres(
  db: Database.Database,
  url: string,
  options: {
    schema?: string;
    replace?: boolean;
    snapshot?: Uint8Array | null;
    /** DATA_DIR/photos of the SQLite record: its photos' files go into the record (photo_files). */
    photosDir?: string;
  } = {},
): Promise<CopyReport> {
  const schema = options.schema ?? DEFAULT_PG_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new CopyRefused(`schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`);
  const started = performance.now();
  const client = await connect(url);
  try {
    await ensurePostgis(client);
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount && !options.replace)
      throw new CopyRefused(
        `schema ${schema} already exists in ${redactUrl(url)}; add --replace to overwrite it, or choose another with --schema`,
      );
    const tables = tablesOf(db);
    // One read transaction: a server writing meanwhile does not tear the copy (WAL keeps the snapshot).
    const reading = !db.inTransaction;
    if (reading) db.exec('BEGIN');
    await client.query('BEGIN');
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
      // The store's own schema (pg-migrations.ts), so DATABASE_URL=…?schema=… serves the copy.
      await createEmptyRecordSchema(client, schema);
      // Rows as they are, without the triggers (counters, change notices) or per-row key checks,
      // where the account may do that; else copied in the order keys need, triggers running.
      await client.query('SAVEPOINT replica');
      await client
        .query('SET LOCAL session_replication_role = replica')
        .catch(() => client.query('ROLLBACK TO SAVEPOINT replica'));
      for (const table of tables) await copyTable(client, db, schema, table);
      await client.query('SET LOCAL session_replication_role = DEFAULT');
      const { points, shapes } = await finishCopy(client, schema, tables);
      // The snapshot beside the SQLite file, if it is of the record as copied (meta, and so the
      // stamp, comes across as it is), becomes the one kept in the record.
      const stamp = options.snapshot ? snapshotStamp(options.snapshot) : null;
      const snapshot = stamp !== null && sameStamp(stamp, readRecordStamp(db));
      if (snapshot) await keepSnapshot(client, schema, options.snapshot as Uint8Array, stamp);
      const photoFiles = options.photosDir
        ? await copyPhotoFiles(client, db, schema, options.photosDir)
        : { copied: 0, missing: [] };
      const counts: TableCount[] = [];
      for (const table of tables) {
        const sqlite = db
          .prepare(`SELECT count(*) FROM ${ident(table)}`)
          .pluck()
          .get() as number;
        const res = await client.query(`SELECT count(*)::int AS n FROM ${ident(schema)}.${ident(table)}`);
        counts.push({ table, sqlite, postgres: res.rows[0].n });
      }
      const wrong = counts.filter((c) => c.sqlite !== c.postgres);
      if (wrong.length > 0)
        throw new CopyRefused(
          `counts differ after the copy (${wrong.map((c) => `${c.table}: ${c.sqlite} vs ${c.postgres}`).join('; ')}); nothing was kept`,
        );
      await client.query('COMMIT');
      return {
        schema,
        tables: counts,
        points,
        shapes,
        snapshot,
        photoFiles,
        ms: performance.now() - started,
      };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      if (reading) db.exec('COMMIT');
    }
  } finally {
    await client.end();
  }
}

/**
 * The files of every photo (and its thumbnail) the record names, from DATA_DIR/photos into the
 * record's photo_files, where every server on it reads them. A file the folder lacks is reported,
 * not fatal: that photo shows as missing on SQLite already.
 */
async function copyPhotoFiles(
  client: pg.Client,
  db: Database.Database,
  schema: string,
  photosDir: string,
): Promise<{ copied: number; missing: string[] }> {
  const paths = (
    db.prepare('SELECT file, thumb_file FROM photos ORDER BY id').all() as {
      file: string;
      thumb_file: string;
    }[]
  ).flatMap((p) => [p.file, p.thumb_file]);
  const missing: string[] = [];
  let copied = 0;
  const root = resolve(photosDir);
  for (const path of paths) {
    const full = resolve(root, path);
    if (!full.startsWith(root + sep) || !existsSync(full)) {
      missing.push(path);
      continue;
    }
    await client.query(`INSERT INTO ${ident(schema)}.photo_files (path, bytes) VALUES ($1, $2)`, [
      path,
      readFileSync(full),
    ]);
    copied++;
  }
  return { copied, missing };
}

async function keepSnapshot(client: pg.Client, schema: string, bytes: Uint8Array, stamp: RecordStamp) {
  await client.query(
    `INSERT INTO ${ident(schema)}.model_snapshots (id, db_id, data_version) VALUES (1, $1, $2)`,
    [stamp.dbId, stamp.dataVersion],
  );
  for (let at = 0, part = 0; at < bytes.length; at += PART_BYTES, part++)
    await client.query(`INSERT INTO ${ident(schema)}.model_snapshot_parts (part, bytes) VALUES ($1, $2)`, [
      part,
      Buffer.from(bytes.subarray(at, at + PART_BYTES)),
    ]);
}
