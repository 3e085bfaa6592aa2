/**
 * Polygon stats side by side with PostGIS (DESIGN §5): the same record copied into PostgreSQL with
 * `migrate --to`'s COPY, then for each shape POST /api/areas/stats (in-process HTTP) against one
 * PostGIS query doing the same work — ST_Contains on the GiST-indexed points, and each premise's
 * latest record up to the date — the counts checked equal. Needs BENCH_PG_URL (or PG_TEST_URL).
 */
import pg from 'pg';
import { createApp } from '../../server/src/app';
import { boot } from '../../server/src/boot';
import type { AppContext } from '../../server/src/context';
import { listVillages } from '../../server/src/db/geography';
import { openStore } from '../../server/src/db/open-database';
import { copyRecordToPostgres } from '../../server/src/db/pg/copy-to-postgres';
import { eventInserter } from '../../server/src/db/premises';
import { formatDay } from '../../server/src/domain/dates';
import { seedFromDir } from '../../server/src/seed/seed-from-dir';
import { accountToken, actingAs } from '../helpers/test-app';
import { benchShapes } from './polygon-bench';
import { timeInTurns, timeRuns } from './stats';

const RUNS = 30;

export interface PostgisRow {
  name: string;
  inside: number;
  oursP50: number;
  oursP95: number;
  postgisP50: number;
  postgisP95: number;
  /** The same request to a server running on the PostgreSQL store (DATABASE_URL) holding the copy. */
  pgStoreP50: number;
  copyMs: number;
}

/** The same API calls on the PostgreSQL store: its cold start, and GET /api/stats. */
export interface PgStoreFigures {
  coldStartMs: number;
  /** The next start: from the snapshot the first one kept in the record. */
  snapshotStartMs: number;
  /** A start after another server changed premises since the snapshot was kept. */
  catchUpStartMs: number;
  caughtUp: number;
  statsP50: number;
  statsP95: number;
}

const STATUS_AS_OF = (schema: string) => `
  SELECT count(*)::int AS surveyed FROM (
    SELECT DISTINCT ON (e.premise_id) e.type
      FROM ${schema}.premises p JOIN ${schema}.events e ON e.premise_id = p.id
     WHERE ST_Contains(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), p.geom) AND e.day <= $2
     ORDER BY e.premise_id, e.day DESC, e.id DESC) latest`;

/** Seeds the files in `dir` into a new schema of the PostgreSQL store, then drops it: the seed's ms. */
export async function seedIntoPostgres(url: string, dir: string): Promise<number> {
  const schema = `bench_seed_${process.pid}`;
  const target = new URL(url);
  target.searchParams.set('schema', schema);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    const db = openStore(target.toString());
    try {
      const started = performance.now();
      await seedFromDir(db, dir);
      return performance.now() - started;
    } finally {
      db.close();
    }
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
  }
}

/**
 * A first start on the copy (no snapshot: the model built from every premise), and the next (from
 * the snapshot the first kept in the record). Each server is closed and let go before the next
 * measure, so this process holds no model but the SQLite one and the one it times.
 */
async function timeStarts(url: string): Promise<{ coldStartMs: number; snapshotStartMs: number }> {
  let started = performance.now();
  const first = await boot(url, null);
  const coldStartMs = performance.now() - started;
  const from = first.ctx.model.start.from;
  first.db.close();
  if (from !== 'store') throw new Error('the first start on the copy found a snapshot');
  started = performance.now();
  const second = await boot(url, null);
  const snapshotStartMs = performance.now() - started;
  const again = second.ctx.model.start.from;
  second.db.close();
  if (again !== 'snapshot') throw new Error('the second start did not use the snapshot');
  return { coldStartMs, snapshotStartMs };
}

/** /api/stats's surveyed counts, by village, as PostgreSQL works them out: each premise's latest record up to the date. */
const SURVEYED_BY_VILLAGE = (schema: string) => `
  SELECT village_id, count(*)::int AS surveyed FROM (
    SELECT DISTINCT ON (e.premise_id) p.village_id, e.type
      FROM ${schema}.premises p JOIN ${schema}.events e ON e.premise_id = p.id
     WHERE e.day <= $1
     ORDER BY e.premise_id, e.day DESC, e.id DESC) latest
  GROUP BY village_id`;

/** GET /api/stats beside the same surveyed counts by village in PostgreSQL: the counts checked equal. */
export interface StatsRow {
  oursP50: number;
  oursP95: number;
  postgresP50: number;
  postgresP95: number;
}

export async function benchAgainstPostgis(
  ctx: AppContext,
  app: ReturnType<typeof createApp>,
  url: string,
): Promise<{ rows: PostgisRow[]; store: PgStoreFigures; stats: StatsRow }> {
  const schema = `bench_${process.pid}`;
  const copy = await copyRecordToPostgres(ctx.db, url, { schema, replace: true });
  console.error(`  copied to PostGIS in ${(copy.ms / 1000).toFixed(1)} s`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A server on the PostgreSQL store holding the copy: started cold (the model built from PostgreSQL).
  const storeUrl = new URL(url);
  storeUrl.searchParams.set('schema', schema);
  const { coldStartMs, snapshotStartMs } = await timeStarts(storeUrl.toString());
  {
    // Another server closes 1,000 premises; a server starting now reads those and no other.
    const other = await boot(storeUrl.toString(), null);
    const step = Math.floor(other.ctx.model.columns.count / 1000);
    const changed = Array.from({ length: 1000 }, (_, i) => other.ctx.model.columns.id[i * step]);
    const closeOne = eventInserter(other.db);
    other.db.transaction(() => {
      for (const id of changed) closeOne(id, { day: ctx.startDay + 1000, type: 'closed' });
    })();
    other.db.close();
  }
  const started = performance.now();
  const onPg = await boot(storeUrl.toString(), null);
  const catchUpStartMs = performance.now() - started;
  const caughtUp = onPg.ctx.model.start.caughtUp;
  const pgApp = actingAs(createApp(onPg.ctx), accountToken(onPg.db, 'bench-pg', 'admin'));
  try {
    const statsAt = (i: number) => formatDay(ctx.startDay + ((i * 37) % 1096));
    const statsRuns = await timeRuns(RUNS, async (i) => {
      const res = await pgApp.request(`/api/stats?at=${statsAt(i)}`);
      if (!res.ok) throw new Error(`PostgreSQL store /api/stats: ${res.status}`);
      return res.json();
    });
    const store = {
      coldStartMs,
      snapshotStartMs,
      catchUpStartMs,
      caughtUp,
      statsP50: statsRuns.p50,
      statsP95: statsRuns.p95,
    };
    const villages = listVillages(ctx.db);
    const largest = villages.reduce((a, b) => (b.areaKm2 > a.areaKm2 ? b : a));
    const shapes = [
      ...benchShapes(ctx),
      { name: `one village (${largest.name})`, geometry: largest.geometry },
    ];
    const rows: PostgisRow[] = [];
    for (const { name, geometry } of shapes) {
      const json = JSON.stringify(geometry);
      const dayAt = (i: number) => ctx.startDay + ((i * 37) % 1096);
      // inside: surveyed by the campaign's last day
      const oursOn = async (day: number, on = app) => {
        const res = await on.request('/api/areas/stats', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ geometry, at: formatDay(day) }),
        });
        if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { surveyed: number }).surveyed;
      };
      const ours = (i: number) => oursOn(dayAt(i));
      const theirs = async (i: number) =>
        (await client.query(STATUS_AS_OF(schema), [json, dayAt(i)])).rows[0].surveyed as number;
      for (let i = 0; i < 3; i++) {
        const [a, b] = [await ours(i), await theirs(i)];
        if (a !== b) throw new Error(`${name} on ${formatDay(dayAt(i))}: we count ${a}, PostGIS ${b}`);
      }
      if ((await oursOn(dayAt(0), pgApp)) !== (await ours(0)))
        throw new Error(`${name}: the PostgreSQL store counts differently`);
      // Both stores in turns (this process holds both models), then PostGIS.
      const [o, s] = await timeInTurns(RUNS, [ours, (i) => oursOn(dayAt(i), pgApp)]);
      const p = await timeRuns(RUNS, theirs);
      rows.push({
        name,
        inside: await oursOn(ctx.startDay + 1095),
        oursP50: o.p50,
        oursP95: o.p95,
        postgisP50: p.p50,
        postgisP95: p.p95,
        pgStoreP50: s.p50,
        copyMs: copy.ms,
      });
    }
    return { rows, store, stats: await statsAgainstPostgres(ctx, app, client, schema) };
  } finally {
    onPg.db.close();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
  }
}

async function statsAgainstPostgres(
  ctx: AppContext,
  app: ReturnType<typeof createApp>,
  client: pg.Client,
  schema: string,
): Promise<StatsRow> {
  const dayAt = (i: number) => ctx.startDay + ((i * 37) % 1096);
  const ours = async (i: number) => {
    const res = await app.request(`/api/stats?at=${formatDay(dayAt(i))}`);
    if (!res.ok) throw new Error(`/api/stats: ${res.status}`);
    return (await res.json()) as { surveyed: number; byVillage: Record<string, { surveyed: number }> };
  };
  const theirs = async (i: number) =>
    (await client.query(SURVEYED_BY_VILLAGE(schema), [dayAt(i)])).rows as {
      village_id: string | number;
      surveyed: number;
    }[];
  for (let i = 1; i <= 3; i++) {
    const [a, b] = [await ours(i), await theirs(i)];
    const total = b.reduce((sum, r) => sum + r.surveyed, 0);
    const differs = b.find((r) => a.byVillage[String(r.village_id)]?.surveyed !== r.surveyed);
    if (a.surveyed !== total || differs)
      throw new Error(`/api/stats on ${formatDay(dayAt(i))}: we count ${a.surveyed}, PostgreSQL ${total}`);
  }
  const o = await timeRuns(RUNS, ours);
  // Seconds a run at a million premises: a few runs tell enough.
  const p = await timeRuns(5, theirs);
  return { oursP50: o.p50, oursP95: o.p95, postgresP50: p.p50, postgresP95: p.p95 };
}
