import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot } from '../../server/src/boot';
import { dialectOf } from '../../server/src/db/open-database';
import type { PgDatabase } from '../../server/src/db/pg/pg-database';
import { eventInserter } from '../../server/src/db/premises';
import { day } from '../../server/src/domain/dates';
import { tally } from '../../server/src/domain/tally';
import { followDatabase } from '../../server/src/follow-database';
import { DEMO_DIR } from '../helpers/test-app';
import { connectTestPostgres, PG_URL, testSchemaName } from '../helpers/test-postgres';

/** One schema of the test PostgreSQL, dropped after. */
const SCHEMA = testSchemaName('reconnect');
const AT = day('2010-12-31');

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

describe('a server whose PostgreSQL connection breaks', () => {
  let admin: pg.Client;
  const url = new URL(PG_URL);
  url.searchParams.set('schema', SCHEMA);
  const opened: { close(): void }[] = [];

  beforeAll(async () => {
    admin = await connectTestPostgres();
  });
  afterAll(async () => {
    for (const db of opened) db.close();
    await admin?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await admin?.end();
  });

  it('connects again by itself and reads what others changed while it was cut off', async () => {
    const server = await boot(url.toString(), DEMO_DIR);
    opened.push(server.db);
    expect(dialectOf(server.db)).toBe('postgres');
    const stop = followDatabase(server.ctx);
    const pgDb = server.db as unknown as PgDatabase;
    const before = tally(server.ctx.model.columns, AT).byStatus.closed;
    const premise = server.ctx.model.columns.id[7];
    const oldPid = pgDb.pg.backendPid;

    // Another server closes a premise in the very transaction that cuts this one off (waiting for
    // its backend to be gone): the notice goes out when nobody of this server is listening.
    await admin.query('BEGIN');
    await admin.query(`SET LOCAL search_path TO ${SCHEMA}, public`); // the triggers' tables
    await admin.query(`INSERT INTO ${SCHEMA}.events (premise_id, day, type) VALUES ($1, $2, 'closed')`, [
      premise,
      day('2010-06-01'),
    ]);
    const cut = await admin.query('SELECT pg_terminate_backend($1, 5000) AS done', [oldPid]);
    expect(cut.rows[0].done).toBe(true);
    await admin.query('COMMIT');
    // This server writes first (its request waits for the new connection): its own change must not
    // hide the other's from the catch-up.
    const own = server.ctx.model.columns.id[8];
    eventInserter(server.db)(own, { day: day('2010-06-02'), type: 'closed' });
    server.ctx.model.refresh(own);

    expect(
      await until(() => tally(server.ctx.model.columns, AT).byStatus.closed === before + 2, 10_000),
    ).toBe(true);
    // Kept when it stops, the snapshot holds both: a server starting from it counts the same.
    await server.ctx.model.catchUp();
    server.ctx.model.saveSnapshot();
    const next = await boot(url.toString(), null);
    opened.push(next.db);
    expect(next.ctx.model.start.from).toBe('snapshot');
    expect(tally(next.ctx.model.columns, AT).byStatus.closed).toBe(before + 2);
    expect(pgDb.pg.backendPid).not.toBe(oldPid);
    // Requests are answered on the new connection, in the record's own schema.
    expect(
      server.db.prepare('SELECT count(*) FROM events WHERE premise_id = ?').pluck().get(premise),
    ).toBeGreaterThan(0);
    stop();
  });

  it('refuses the rest of a transaction the lost connection took with it, and writes none of it', async () => {
    const server = await boot(url.toString(), null);
    opened.push(server.db);
    const db = server.db;
    const premise = server.ctx.model.columns.id[9];
    const count = () =>
      Number(db.prepare('SELECT count(*) FROM events WHERE premise_id = ?').pluck().get(premise));
    const before = count();
    const insert = db.prepare("INSERT INTO events (premise_id, day, type) VALUES (?, ?, 'inspected')");
    db.exec('BEGIN');
    insert.run(premise, day('2010-07-01'));
    const pid = (db as unknown as PgDatabase).pg.backendPid;
    const cut = await admin.query('SELECT pg_terminate_backend($1, 5000) AS done', [pid]);
    expect(cut.rows[0].done).toBe(true);
    // Long enough for the connection to be made again before the transaction's next statement.
    await new Promise((r) => setTimeout(r, 1000));
    expect(() => insert.run(premise, day('2010-07-02'))).toThrow(/lost during a transaction/);
    expect(() => db.exec('COMMIT')).toThrow(/lost during a transaction/);
    expect(db.inTransaction).toBe(false);
    // Back on a new connection, outside any transaction: nothing of the cut one was kept.
    expect(count()).toBe(before);
  });

  it('ends a read cut off mid-way with a clear error, and answers the next query', async () => {
    const server = await boot(url.toString(), null);
    opened.push(server.db);
    const db = server.db;
    const rows = db
      .prepare('SELECT id FROM premises ORDER BY id')
      .pluck()
      .iterate() as IterableIterator<number>;
    expect(rows.next().done).toBe(false);
    const pid = (db as unknown as PgDatabase).pg.backendPid;
    await admin.query('SELECT pg_terminate_backend($1, 5000)', [pid]);
    expect(() => [...rows]).toThrow(/lost while reading rows|Connection terminated/);
    expect(Number(db.prepare('SELECT count(*) FROM premises').pluck().get())).toBeGreaterThan(0);
  });
});
