import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Jimp } from 'jimp';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { boot } from '../../server/src/boot';
import { listVillages } from '../../server/src/db/geography';
import { copyRecordToPostgres } from '../../server/src/db/pg/copy-to-postgres';
import { day as dayOf } from '../../server/src/domain/dates';
import { runCli } from '../helpers/run-cli';
import { bringInShitang } from '../helpers/second-township';
import { accountToken, actingAs } from '../helpers/test-app';
import { connectTestPostgres, PG_URL, testSchemaName } from '../helpers/test-postgres';

/** Each run writes its own schema of the test PostgreSQL and drops it. */
const SCHEMA = testSchemaName('test');
const AT = '2010-12-31';

describe('migrate --to postgres: the record copied into PostGIS', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sx-pg-'));
  let client: pg.Client;

  beforeAll(async () => {
    client = await connectTestPostgres();
  });
  afterAll(async () => {
    await client?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await client?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('copies a second township with COPY, the counts equal, and PostGIS counts each village as our area stats do', async () => {
    const { db, ctx } = await boot(join(dataDir, 'shixiao.sqlite'), null);
    await bringInShitang(ctx, { survey: 'fixed' });
    const app = actingAs(createApp(ctx), accountToken(db, 'pg-admin', 'admin'));

    // A photo on a premise file, a file under DATA_DIR/photos on SQLite.
    const photoOf = db.prepare('SELECT id FROM premises ORDER BY id LIMIT 1').pluck().get() as number;
    const jpeg = new Uint8Array(
      await new Jimp({ width: 80, height: 60, color: 0x884422ff }).getBuffer('image/jpeg'),
    );
    const form = new FormData();
    form.append('file', new File([jpeg], 'door.jpg'));
    const sent = await app.request(`/api/premises/${photoOf}/photos`, { method: 'POST', body: form });
    expect(sent.status).toBe(201);
    const [photo] = ((await sent.json()) as { photos: { url: string }[] }).photos;

    ctx.model.saveSnapshot(); // as the server does when it stops
    const run = await runCli(dataDir, ['migrate', '--to', PG_URL, '--schema', SCHEMA]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the model snapshot went along');
    expect(run.stdout).toContain('photos: 2 files (photos and thumbnails) into the record');
    const premises = db.prepare('SELECT count(*) FROM premises').pluck().get() as number;
    expect(premises).toBeGreaterThan(700);
    expect(run.stdout).toContain(`premises\t${premises} rows (equal)`);
    expect(run.stdout).not.toContain('postgres:postgres@'); // the password is never printed

    const premiseAt = db.prepare('SELECT lng, lat FROM premises LIMIT 1').get() as {
      lng: number;
      lat: number;
    };
    const pgCount = await client.query(`SELECT count(geom)::int AS n FROM ${SCHEMA}.premises`);
    expect(pgCount.rows[0].n).toBe(premises);

    // Each village's shape: our point-in-polygon (POST /api/areas/stats) against ST_Contains.
    const day = dayOf(AT);
    for (const village of listVillages(db)) {
      const res = await app.request('/api/areas/stats', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ geometry: village.geometry, at: AT }),
      });
      expect(res.status).toBe(200);
      const ours = (await res.json()) as { surveyed: number };
      const theirs = await client.query(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.premises p, ${SCHEMA}.villages v
          WHERE v.id = $1 AND ST_Contains(v.geom, p.geom)
            AND EXISTS (SELECT 1 FROM ${SCHEMA}.events e WHERE e.premise_id = p.id AND e.day <= $2)`,
        [village.id, day],
      );
      expect({ village: village.name, surveyed: ours.surveyed }).toEqual({
        village: village.name,
        surveyed: theirs.rows[0].n,
      });
    }

    // The copy is a record the server runs on (DATABASE_URL=…?schema=…): the same numbers, and it takes writes.
    expect(run.stdout).toContain(`?schema=${SCHEMA}`);
    const onPg = await boot(`${PG_URL}?schema=${SCHEMA}`, null);
    expect(onPg.ctx.model.start).toMatchObject({ from: 'snapshot', caughtUp: 0 });
    const pgApp = actingAs(createApp(onPg.ctx), accountToken(onPg.db, 'pg-admin-2', 'admin'));
    for (const path of [`/api/stats?at=${AT}`, '/api/villages', '/api/campaign'])
      expect(await (await pgApp.request(path)).json()).toEqual(await (await app.request(path)).json());
    // The photo came along into the record: the server on it shows the same bytes.
    const shown = await pgApp.request(photo.url);
    expect(shown.status).toBe(200);
    expect(new Uint8Array(await shown.arrayBuffer())).toEqual(jpeg);
    const moved = await pgApp.request('/api/premises', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '迁移后新店',
        category: 'grocery',
        address: '迁移后测试路1号',
        lngLat: [premiseAt.lng, premiseAt.lat],
      }),
    });
    expect(moved.status).toBe(201);
    expect(((await moved.json()) as { id: number }).id).toBeGreaterThan(premises); // ids carry on
    onPg.db.close();
    db.close();
  });

  it('refuses to overwrite a schema that exists, and leaves it as it was', async () => {
    const before = await client.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.premises`);
    const run = await runCli(dataDir, ['migrate', '--to', PG_URL, '--schema', SCHEMA]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`schema ${SCHEMA} already exists`);
    expect(run.stderr).toContain('--replace');
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack
    const after = await client.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.premises`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses a value PostgreSQL cannot hold, naming it, and keeps nothing', async () => {
    const db = new Database(':memory:');
    db.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO notes VALUES (7, 'a' || char(0) || 'b')",
    );
    await expect(copyRecordToPostgres(db, PG_URL, { schema: `${SCHEMA}_nul` })).rejects.toThrow(
      'notes.note holds a NUL character (row 7)',
    );
    const left = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [`${SCHEMA}_nul`]);
    expect(left.rowCount).toBe(0);
    db.close();
  });

  it('says what is wrong with an unreachable database, without its password', async () => {
    const run = await runCli(dataDir, ['migrate', '--to', 'postgres://someone:s3cret@127.0.0.1:1/none']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot connect to postgres://someone:***@127.0.0.1:1/none');
    expect(run.stderr).not.toContain('s3cret');
    const usage = await runCli(dataDir, ['migrate', '--to', 'mysql://x']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('migrate needs --to postgres://');
  });
});
