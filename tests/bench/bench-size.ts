import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../server/src/app';
import { boot } from '../../server/src/boot';
import { openStore } from '../../server/src/db/open-database';
import { day, formatDay } from '../../server/src/domain/dates';
import { tally } from '../../server/src/domain/tally';
import { seedFromDir } from '../../server/src/seed/seed-from-dir';
import { accountToken, actingAs } from '../helpers/test-app';
import { benchPolygonStats } from './polygon-bench';
import { benchAgainstPostgis, seedIntoPostgres } from './postgis-bench';
import { round, timeRuns } from './stats';

const GENERATOR = join(import.meta.dirname, '../../data/generate.ts');

export interface BenchRow {
  premises: number;
  measure: string;
  value: number;
  p95?: number;
  unit: string;
  budget?: string;
  ok?: boolean;
}

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/**
 * Generates, seeds, starts and measures one township size in `dir`. A `dir` that already holds the
 * seeded record of an earlier run (`--keep`) is started as it is: no generating, seeding or cold start.
 */
export async function benchOneSize(premises: number, dir: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const add = (row: Omit<BenchRow, 'premises'>) => rows.push({ premises, ...row });
  const townships = premises >= 500_000 ? 20 : 1;
  const file = join(dir, 'bench.sqlite');
  let t = performance.now();

  if (existsSync(file) && existsSync(`${file}.model`)) {
    console.error(`  reusing the record in ${dir}`);
  } else {
    // In a process of its own, as `npm run gen:demo` is: the seed below then starts as a server's
    // does, not in a heap still holding millions of generated objects for the collector to walk.
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        GENERATOR,
        ...['--premises', String(premises), '--townships', String(townships), '--seed', '2008', '--out', dir],
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    add({
      measure: `generate (${townships} township${townships > 1 ? 's' : ''})`,
      value: round((performance.now() - t) / 1000),
      unit: 's',
    });

    // The seed alone (DESIGN §5: a million premises with their records in ≤ 60 s on either store),
    // then the first start on what it wrote.
    const seedBudget = (s: number) =>
      premises >= 1_000_000 ? { budget: '≤ 60 s', ok: s <= 60 } : { budget: undefined, ok: undefined };
    t = performance.now();
    const fresh = openStore(file);
    await seedFromDir(fresh, dir);
    fresh.close();
    const seedS = (performance.now() - t) / 1000;
    add({ measure: 'seed from files (SQLite)', value: round(seedS), unit: 's', ...seedBudget(seedS) });
    const pgUrl = process.env.BENCH_PG_URL ?? process.env.PG_TEST_URL;
    if (pgUrl) {
      const pgSeedS = (await seedIntoPostgres(pgUrl, dir)) / 1000;
      add({
        measure: 'seed from files (PostgreSQL store, COPY)',
        value: round(pgSeedS),
        unit: 's',
        ...seedBudget(pgSeedS),
      });
    }

    t = performance.now();
    (await boot(file, null)).db.close();
    add({
      measure: 'first start on the seeded record (model built, snapshot kept)',
      value: round((performance.now() - t) / 1000),
      unit: 's',
    });

    // Cold: no snapshot, every event folded again. Warm: the snapshot the cold start wrote.
    rmSync(`${file}.model`, { force: true });
    t = performance.now();
    (await boot(file, null)).db.close();
    add({
      measure: 'start-up, cold (fold all events + index)',
      value: round((performance.now() - t) / 1000),
      unit: 's',
    });
  }

  t = performance.now();
  const { db, ctx } = await boot(file, null);
  const startupS = (performance.now() - t) / 1000;
  const budgetStartup = premises >= 1_000_000 ? 5 : undefined;
  add({
    measure: 'start-up, warm (load snapshot + index)',
    value: round(startupS, 3),
    unit: 's',
    budget: budgetStartup ? `≤ ${budgetStartup} s` : undefined,
    ok: budgetStartup ? startupS <= budgetStartup : undefined,
  });
  add({ measure: 'status intervals in memory', value: ctx.model.columns.intervalCount, unit: 'rows' });
  const cols = ctx.model.columns;
  const columnBytes = Object.values(cols).reduce(
    (sum, v) => sum + (ArrayBuffer.isView(v) ? v.byteLength : 0),
    cols.index.data.byteLength,
  );
  add({ measure: 'model columns + spatial index', value: mb(columnBytes), unit: 'MB' });

  const app = actingAs(createApp(ctx), accountToken(db, `bench-${Date.now()}`, 'admin'));
  const start = ctx.startDay;
  const dates = Array.from({ length: 200 }, (_, i) => formatDay(start + ((i * 37) % 1096)));
  let statsBytes = 0;
  const stats = await timeRuns(dates.length, async (i) => {
    const res = await app.request(`/api/stats?at=${dates[i]}`);
    statsBytes = (await res.arrayBuffer()).byteLength;
  });
  const statsBudget = premises === 50_000 ? 5 : undefined;
  add({
    measure: '/api/stats latency',
    value: round(stats.p50),
    p95: round(stats.p95),
    unit: 'ms',
    budget: statsBudget ? `p50 ≤ ${statsBudget} ms` : undefined,
    ok: statsBudget ? stats.p50 <= statsBudget : undefined,
  });
  add({ measure: '/api/stats bytes', value: statsBytes, unit: 'B' });

  let layerBytes = 0;
  t = performance.now();
  layerBytes = (await (await app.request('/api/layers/premises')).arrayBuffer()).byteLength;
  add({ measure: 'map payload, first (encode)', value: round(performance.now() - t), unit: 'ms' });
  const layer = await timeRuns(20, async () => {
    await (await app.request('/api/layers/premises')).arrayBuffer();
  });
  add({ measure: 'map payload, cached', value: round(layer.p50), p95: round(layer.p95), unit: 'ms' });
  add({ measure: 'map payload bytes', value: mb(layerBytes), unit: 'MB' });

  // The whole ledger as GeoJSON: streamed, never one string (at 1M it is past Node's 512 MB limit).
  t = performance.now();
  const exported = await app.request(`/api/exports/premises.geojson?at=${formatDay(ctx.endDay)}`);
  let exportBytes = 0;
  let exportChunks = 0;
  const reader = (exported.body as ReadableStream<Uint8Array>).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    exportBytes += r.value.byteLength;
    exportChunks++;
  }
  add({
    measure: `GeoJSON export of every premise, streamed (${Number(exported.headers.get('x-row-count')).toLocaleString('en')} features, ${exportChunks.toLocaleString('en')} chunks, ${mb(exportBytes)} MB)`,
    value: round((performance.now() - t) / 1000),
    unit: 's',
  });

  const fold = await timeRuns(30, (i) => tally(ctx.model.columns, day('2008-01-01') + i * 36));
  add({
    measure: 'status of every premise on one date',
    value: round(fold.p50),
    p95: round(fold.p95),
    unit: 'ms',
  });

  if (premises >= 50_000) {
    for (const r of await benchPolygonStats(ctx)) {
      const budget = premises >= 1_000_000 ? (r.name.includes('medium') ? 25 : undefined) : 3;
      add({
        measure: `polygon stats, ${r.name} (${r.premisesInside.toLocaleString('en')} inside)`,
        value: round(r.p50Ms),
        p95: round(r.p95Ms),
        unit: 'ms',
        budget: budget ? `p50 ≤ ${budget} ms` : undefined,
        ok: budget ? r.p50Ms <= budget : undefined,
      });
    }
    const pgUrl = process.env.BENCH_PG_URL ?? process.env.PG_TEST_URL;
    if (pgUrl) {
      const { rows: pgRows, store, stats: statsVs } = await benchAgainstPostgis(ctx, app, pgUrl);
      add({
        measure: `/api/stats beside PostgreSQL counting the same (each premise's latest record up to the date, by village; p50 ${round(statsVs.postgresP50)} ms, p95 ${round(statsVs.postgresP95)} ms), counts equal`,
        value: round(statsVs.oursP50),
        p95: round(statsVs.oursP95),
        unit: 'ms',
        budget: premises >= 1_000_000 ? 'faster than PostgreSQL' : undefined,
        ok: premises >= 1_000_000 ? statsVs.oursP50 <= statsVs.postgresP50 : undefined,
      });
      const bigStart = (ms: number) => ({
        budget: premises >= 1_000_000 ? '≤ 10 s' : undefined,
        ok: premises >= 1_000_000 ? ms <= 10_000 : undefined,
      });
      add({
        measure: 'PostgreSQL store (DATABASE_URL): first start on a copy, model built from every premise',
        value: round(store.coldStartMs),
        unit: 'ms',
        ...bigStart(store.coldStartMs),
      });
      add({
        measure: 'PostgreSQL store: start from the snapshot kept in the record',
        value: round(store.snapshotStartMs),
        unit: 'ms',
        ...bigStart(store.snapshotStartMs),
      });
      add({
        measure: `PostgreSQL store: start after another server changed ${store.caughtUp} premises since the snapshot`,
        value: round(store.catchUpStartMs),
        unit: 'ms',
        ...bigStart(store.catchUpStartMs),
      });
      add({
        measure: 'PostgreSQL store: /api/stats',
        value: round(store.statsP50),
        p95: round(store.statsP95),
        unit: 'ms',
      });
      for (const r of pgRows) {
        const tenth = r.name.includes('medium');
        add({
          measure: `area stats over HTTP vs PostGIS, ${r.name} (${r.inside.toLocaleString('en')} inside; PostGIS p50 ${round(r.postgisP50)} ms, p95 ${round(r.postgisP95)} ms; on the PostgreSQL store p50 ${round(r.pgStoreP50)} ms)`,
          value: round(r.oursP50),
          p95: round(r.oursP95),
          unit: 'ms',
          budget:
            premises >= 1_000_000 ? (tenth ? '≥ 5× faster than PostGIS' : 'faster than PostGIS') : undefined,
          ok: premises >= 1_000_000 ? r.oursP50 * (tenth ? 5 : 1) <= r.postgisP50 : undefined,
        });
        add({
          measure: `area stats over HTTP, ${r.name}, on the PostgreSQL store (timed in turns with the SQLite store's ${round(r.oursP50)} ms)`,
          value: round(r.pgStoreP50),
          unit: 'ms',
          budget: premises >= 1_000_000 ? 'within 1.5× of SQLite' : undefined,
          ok: premises >= 1_000_000 ? r.pgStoreP50 <= 1.5 * r.oursP50 : undefined,
        });
      }
    } else console.error('  PostGIS side by side: not measured (set BENCH_PG_URL=postgres://…)');
  }

  global.gc?.();
  const mem = process.memoryUsage();
  const memBudget = premises >= 1_000_000 ? 1536 : undefined;
  add({
    measure: 'server memory (RSS)',
    value: mb(mem.rss),
    unit: 'MB',
    budget: memBudget ? '≤ 1536 MB' : undefined,
    ok: memBudget ? mb(mem.rss) <= memBudget : undefined,
  });
  db.close();
  return rows;
}
