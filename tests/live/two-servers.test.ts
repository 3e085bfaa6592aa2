import pointOnFeature from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay, todayInChina } from '../../server/src/domain/dates';
import { TEST_ADMIN_PASSWORD } from '../helpers/app-in-browser';
import { type RunningServer, startServer } from '../helpers/server-process';
import { connectTestPostgres, PG_URL, testSchemaName } from '../helpers/test-postgres';

/** The servers share one schema of the test PostgreSQL, dropped after. */
const SCHEMA = testSchemaName('two');

interface Stats {
  surveyed: number;
  byVillage: Record<string, { surveyed: number }>;
}

// The server's today is China's (UTC+8): from 16:00 UTC it is already tomorrow there.
const today = () => formatDay(todayInChina());

/** Reads server-sent events from a running stream until one named `name` comes, or `ms` pass. */
async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, name: string, ms: number) {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
    ]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
    if (text.includes(`event: ${name}`)) return true;
  }
  return false;
}

describe('two servers on one PostgreSQL record (DATABASE_URL)', () => {
  let a: RunningServer;
  let b: RunningServer;
  let cookie = '';
  let admin: pg.Client;

  beforeAll(async () => {
    admin = await connectTestPostgres();
    const url = new URL(PG_URL);
    url.searchParams.set('schema', SCHEMA);
    const env = { DATABASE_URL: url.toString(), ADMIN_PASSWORD: TEST_ADMIN_PASSWORD };
    // Both start at once on an empty database: one migrates and seeds it, the other waits for that.
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    const res = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: a.url },
      body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    });
    expect(res.status).toBe(200);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await admin?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await admin?.end();
  });

  const on =
    (server: RunningServer) =>
    (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      headers.set('origin', server.url);
      if (init.body) headers.set('content-type', 'application/json');
      return fetch(`${server.url}${path}`, { ...init, headers });
    };
  const stats = async (server: RunningServer) => {
    const res = await on(server)(`/api/stats?at=${today()}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Stats;
  };

  it('seeds the record once, and a session made on one server is good on the other', async () => {
    const [onA, onB] = await Promise.all([stats(a), stats(b)]);
    expect(onA.surveyed).toBeGreaterThan(0);
    expect(onB).toEqual(onA);
    // Seeded once: one township, each migration applied once.
    const townships = await admin.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.townships`);
    expect(townships.rows[0].n).toBe(1);
    const versions = await admin.query(
      `SELECT count(*)::int AS n, count(DISTINCT version)::int AS d FROM ${SCHEMA}.schema_migrations`,
    );
    expect(versions.rows[0].n).toBe(versions.rows[0].d);
  });

  it('a premise written through one server is on the other’s map, numbers and big screen within a second', async () => {
    const villages = (await (await on(b)('/api/villages')).json()) as FeatureCollection<Polygon>;
    const village = villages.features[0] as Feature<Polygon>;
    const villageId = String(village.properties?.id);
    const before = await stats(b);

    const screen = await fetch(`${b.url}/api/display/stream`);
    const reader = (screen.body as ReadableStream<Uint8Array>).getReader();
    expect(await nextEvent(reader, 'hello', 5000)).toBe(true);

    const written = await on(a)('/api/premises', {
      method: 'POST',
      body: JSON.stringify({
        name: '两台服务器测试店',
        category: 'grocery',
        address: '测试路1号',
        lngLat: pointOnFeature(village).geometry.coordinates,
      }),
    });
    expect(written.status).toBe(201);
    const { id } = (await written.json()) as { id: number };
    const t0 = Date.now();

    let after = before;
    while (Date.now() - t0 < 5000 && after.surveyed === before.surveyed) {
      await new Promise((r) => setTimeout(r, 25));
      after = await stats(b);
    }
    const elapsed = Date.now() - t0;
    expect(after.surveyed).toBe(before.surveyed + 1);
    expect(after.byVillage[villageId].surveyed).toBe(before.byVillage[villageId].surveyed + 1);
    expect(elapsed).toBeLessThan(1000);
    // The big screen held by the other server was told to read again.
    expect(await nextEvent(reader, 'changed', 3000)).toBe(true);
    await reader.cancel();
    // The file itself, read through the other server.
    const file = await on(b)(`/api/premises/${id}`);
    expect(file.status).toBe(200);
    expect(((await file.json()) as { name: string }).name).toBe('两台服务器测试店');
    console.info(`[two servers] a write on A was in B's /api/stats after ${elapsed} ms`);
  });
});
