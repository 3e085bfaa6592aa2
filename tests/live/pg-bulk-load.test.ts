import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/src/db/open-database';
import { copyBatches } from '../../server/src/db/pg/bulk-load';
import type { PgDatabase } from '../../server/src/db/pg/pg-database';
import { seedFromDir } from '../../server/src/seed/seed-from-dir';
import { districtDir } from '../helpers/district';
import { connectTestPostgres, PG_URL, testSchemaName } from '../helpers/test-postgres';

// The PostgreSQL side of a bulk load: its indexes set aside for a seed and built again after, and
// COPY batches sent without waiting for them, whose errors still reach the writer.
describe('bulk loading into PostgreSQL', () => {
  let admin: pg.Client;
  const schemas: string[] = [];
  const opened: { close(): void }[] = [];
  const work = mkdtempSync(join(tmpdir(), 'pg-bulk-'));

  /** A new, empty, migrated record on its own schema. */
  const freshRecord = () => {
    const schema = testSchemaName('bulk');
    schemas.push(schema);
    const url = new URL(PG_URL);
    url.searchParams.set('schema', schema);
    const db = openStore(url.toString());
    opened.push(db);
    return { db, schema };
  };
  const indexes = async (schema: string) =>
    (
      await admin.query(
        `SELECT indexname, regexp_replace(indexdef, ' ON \\S+\\.', ' ON ') AS def FROM pg_indexes
          WHERE schemaname = $1 AND tablename IN ('premises', 'events') ORDER BY indexname`,
        [schema],
      )
    ).rows;

  beforeAll(async () => {
    admin = await connectTestPostgres();
  });
  afterAll(async () => {
    for (const db of opened) db.close();
    for (const schema of schemas) await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
    rmSync(work, { recursive: true, force: true });
  });

  it('builds again every index it set aside for a seed, and leaves them as they were when the seed fails', async () => {
    const { db, schema } = freshRecord();
    const before = await indexes(schema);
    expect(before.map((i) => i.indexname)).toContain('premises_geom');
    const oids = async () =>
      Object.fromEntries(
        (
          await admin.query(
            `SELECT c.relname, c.oid::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = $1 AND c.relkind = 'i'`,
            [schema],
          )
        ).rows.map((r) => [r.relname, r.oid]),
      );
    const oidsBefore = await oids();
    const { premises } = await seedFromDir(db, districtDir());
    expect(await indexes(schema)).toEqual(before);
    // The big ones were built again after the load; the partial ones over few records were kept through it.
    const oidsAfter = await oids();
    for (const rebuilt of ['premises_geom', 'events_premise', 'events_licence_ends'])
      expect(oidsAfter[rebuilt], rebuilt).not.toBe(oidsBefore[rebuilt]);
    for (const kept of [
      'events_closures',
      'events_failed',
      'events_parent',
      'events_client_id',
      'events_pkey',
    ])
      expect(oidsAfter[kept], kept).toBe(oidsBefore[kept]);
    const counted = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.premises`);
    expect(counted.rows[0].n).toBe(premises);

    // Refused after its premises were sent: nothing kept, the indexes untouched.
    const broken = join(work, 'broken');
    cpSync(districtDir(), broken, { recursive: true });
    const events = readFileSync(join(broken, 'events.csv'), 'utf8');
    writeFileSync(join(broken, 'events.csv'), `${events}NO-SUCH-PREMISE,2009-01-01,surveyed,,,,,,,\n`);
    const other = freshRecord();
    await expect(seedFromDir(other.db, broken)).rejects.toThrow(/NO-SUCH-PREMISE/);
    expect(await indexes(other.schema)).toEqual(before);
    const none = await admin.query(`SELECT count(*)::int AS n FROM ${other.schema}.premises`);
    expect(none.rows[0].n).toBe(0);
  });

  it("throws a COPY's error where it was sent, or, sent without waiting (a seed's), at the next statement", () => {
    const { db } = freshRecord();
    const pgDb = db as unknown as PgDatabase;
    const point = '{"type":"Point","coordinates":[120,30]}';
    for (const later of [false, true]) {
      db.exec('BEGIN');
      const rows = copyBatches(pgDb, { townships: 'code, name, geometry' }, 10, { later });
      rows.add('townships', ['330100000001', '甲镇', point]);
      // A name that breaks the table's NOT NULL: PostgreSQL refuses the batch.
      rows.add('townships', ['330100000002', null, point]);
      // PostgreSQL's words where the COPY itself answers, SQLite's where a statement of the store does.
      const refused = /null value in column "name"|NOT NULL constraint failed: townships/;
      if (later) {
        rows.flush();
        expect(() => db.prepare('SELECT count(*) FROM townships').pluck().get()).toThrow(refused);
      } else expect(() => rows.flush()).toThrow(refused);
      db.exec('ROLLBACK');
      expect(db.prepare('SELECT count(*) FROM townships').pluck().get()).toBe(0);
    }
    // A rollback right after the failed COPY (the writer stopped for an error of its own) is still
    // made, the COPY's error with it: the transaction is over and nothing of it kept.
    db.exec('BEGIN');
    const rows = copyBatches(pgDb, { townships: 'code, name, geometry' }, 10, { later: true });
    rows.add('townships', ['330100000003', null, point]);
    rows.flush();
    db.exec('ROLLBACK');
    expect(db.prepare('SELECT count(*) FROM townships').pluck().get()).toBe(0);
  });

  it('keeps the batches made while PostgreSQL is busy, and sends them in table order once it is free', () => {
    const { db } = freshRecord();
    const pgDb = db as unknown as PgDatabase;
    const square = '{"type":"Polygon","coordinates":[[[120,30],[120.01,30],[120.01,30.01],[120,30]]]}';
    db.exec('BEGIN');
    // A village refers to its township: sent before it, the village would break the foreign key.
    const rows = copyBatches(
      pgDb,
      {
        townships: 'id, code, name, geometry',
        villages: 'code, name, kind, township_id, area_km2, geometry',
      },
      1,
      { later: true },
    );
    pgDb.pg.queryLater('SELECT pg_sleep(1.5)');
    const started = performance.now();
    for (let i = 1; i <= 20; i++) {
      rows.add('townships', [i, `3301000000${String(i).padStart(2, '0')}`, `镇${i}`, square]);
      rows.add('villages', [`3301000000${String(i).padStart(2, '0')}001`, `村${i}`, 'village', i, 1, square]);
    }
    // Forty batches made while the statement before them ran: none of them waited for it.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(pgDb.pg.busy()).toBe(true);
    rows.flush();
    expect(db.prepare('SELECT count(*) FROM villages').pluck().get()).toBe(20);
    expect(db.prepare('SELECT count(*) FROM townships').pluck().get()).toBe(20);
    db.exec('ROLLBACK');
  });

  it("stamps a seed's rows with the time of its transaction, as the columns' default would", async () => {
    const { db, schema } = freshRecord();
    await seedFromDir(db, districtDir());
    const stamps = await admin.query(
      `SELECT created_at FROM ${schema}.premises UNION SELECT updated_at FROM ${schema}.premises
       UNION SELECT created_at FROM ${schema}.events`,
    );
    expect(stamps.rows).toHaveLength(1);
    const stamp: string = stamps.rows[0].created_at;
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(stamp) - Date.now())).toBeLessThan(5 * 60_000);
  });
});
