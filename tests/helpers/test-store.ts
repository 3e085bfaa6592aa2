import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { boot } from '../../server/src/boot';
import { type Db, openStore } from '../../server/src/db/open-database';
import { createEmptyRecordSchema, PG_MIGRATIONS } from '../../server/src/db/pg/pg-migrations';

/**
 * Where a test's record lives. Without `TEST_DATABASE_URL` a fresh in-memory SQLite database; with
 * it (the `postgres` test project sets it) a fresh schema in that PostgreSQL database, so the same
 * route tests run on both stores. A schema is cloned from a template seeded once per run (seeding
 * the demo row by row takes seconds; a clone a few hundred milliseconds) and dropped after the file.
 */
export async function testTarget(seed: 'demo' | 'empty', demoDir: string): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return ':memory:';
  const template = await templateSchema(base, seed, demoDir);
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}`;
  await withClient(base, (c) => cloneSchema(c, template, schema));
  created.push(schema);
  return withSchema(base, schema);
}

/**
 * A record that several servers (boots) can open one after another or at once: a PostgreSQL schema
 * under the postgres project, else a SQLite file in a temporary folder, removed when the process ends.
 */
export async function sharedTestRecord(seed: 'demo' | 'empty', demoDir: string): Promise<string> {
  if (process.env.TEST_DATABASE_URL) return testTarget(seed, demoDir);
  const dir = mkdtempSync(join(tmpdir(), 'sx-shared-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'record.sqlite');
}

/**
 * An empty record, migrated, opened as the repository functions take it (no server around it):
 * in-memory SQLite, or a new schema under the postgres project — closed and dropped after the file.
 */
export async function emptyTestStore(): Promise<Db> {
  const db = openStore(await testTarget('empty', ''));
  keepForClosing(db);
  return db;
}

let counter = 0;
const created: string[] = [];
const opened: Db[] = [];

/** Remembers a record opened on a test schema, to close its connection when the file is done. */
export function keepForClosing(db: Db): void {
  if (process.env.TEST_DATABASE_URL) opened.push(db);
}

/**
 * Closes the connections of the records this file opened and drops their schemas: run after each
 * test file by the postgres project's setup file (tests/helpers/pg-test-setup.ts).
 */
export async function closeTestStores(): Promise<void> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return;
  for (const db of opened.splice(0)) {
    try {
      db.close();
    } catch {
      // already closed by the test
    }
  }
  const schemas = created.splice(0);
  if (schemas.length > 0)
    await withClient(base, async (c) => {
      for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    });
}

function withSchema(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return url.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The template's name changes with the schema and the demo's files, so a stale one is never used. */
function templateName(seed: 'demo' | 'empty', demoDir: string): string {
  const h = createHash('sha1');
  for (const m of PG_MIGRATIONS) h.update(m.sql);
  if (seed === 'demo')
    for (const f of readdirSync(demoDir).sort()) h.update(f).update(readFileSync(join(demoDir, f)));
  return `tpl_${seed}_${h.digest('hex').slice(0, 12)}`;
}

const templates = new Map<string, Promise<string>>();

function templateSchema(base: string, seed: 'demo' | 'empty', demoDir: string): Promise<string> {
  const name = templateName(seed, demoDir);
  let made = templates.get(name);
  if (!made) {
    made = withClient(base, async (c) => {
      // Test files run in parallel workers: one seeds the template, the others wait for it.
      await c.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      try {
        const exists = await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [name]);
        if (exists.rowCount === 0) {
          const { db } = await boot(withSchema(base, `${name}_new`), seed === 'demo' ? demoDir : null);
          db.close();
          await c.query(`ALTER SCHEMA ${name}_new RENAME TO ${name}`);
        }
      } finally {
        await c.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
      }
      return name;
    });
    templates.set(name, made);
  }
  return made;
}

/** A new schema with the template's tables, functions, triggers and rows; identities carry on from its ids. */
async function cloneSchema(c: pg.Client, template: string, schema: string): Promise<void> {
  await c.query('BEGIN');
  try {
    await createEmptyRecordSchema(c, schema);
    // Rows as they are: no trigger or foreign key check runs while copying.
    await c.query('SET LOCAL session_replication_role = replica');
    const tables = await c.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
      [template],
    );
    for (const { table_name: t } of tables.rows) {
      const columns = await c.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
         WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [template, t],
      );
      const list = columns.rows.map((r) => `"${r.column_name}"`).join(', ');
      await c.query(
        `INSERT INTO ${schema}.${t} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM ${template}.${t}`,
      );
    }
    const identities = await c.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = $1 AND is_identity = 'YES'`,
      [schema],
    );
    for (const { table_name: t, column_name: col } of identities.rows)
      await c.query(
        `SELECT setval(pg_get_serial_sequence('${schema}.${t}', '${col}'),
           coalesce((SELECT max(${col}) FROM ${schema}.${t}), 0) + 1, false)`,
      );
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  }
}
