import pg from 'pg';
import { afterAll } from 'vitest';

/**
 * The PostgreSQL/PostGIS the suite may write to: .ci/run installs postgresql and
 * postgresql-15-postgis-3 and starts a cluster with this password; elsewhere set PG_TEST_URL.
 */
export const PG_URL = process.env.PG_TEST_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** A client of PG_URL, connected, or an error that says how to get the PostgreSQL the test needs. */
export async function connectTestPostgres(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect().catch((e: Error) => {
    throw new Error(
      `no PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} (${e.message}): install postgresql and postgresql-15-postgis-3 and start a cluster as .ci/run does, or set PG_TEST_URL`,
    );
  });
  return client;
}

/** A new schema's name for this test process, starting with `prefix`. */
export function testSchemaName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}`;
}

/**
 * A DATABASE_URL for server processes on a schema of their own (the first server to start creates
 * and seeds it), dropped when the test file is done. Call it before appInBrowser / startServer in the
 * file: after-all hooks run last-registered first, so the servers have stopped when it is dropped.
 */
export function serverSchemaUrl(prefix: string): string {
  const schema = testSchemaName(prefix);
  afterAll(async () => {
    const client = await connectTestPostgres();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  return url.toString();
}
