/**
 * `npm run bench -- --page [--sizes 50000] [--keep DIR]`: opens the dashboard in Chromium on a
 * seeded record of each size and reports what a person meets: when the first KPI numbers show,
 * when the map has drawn, the bytes the page took and the main thread's long tasks. Needs the
 * built client (`npx vite build`). The record is generated and seeded once per size into
 * DIR/<size> (the same record `--keep` gives the API bench), or into a temporary directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { demoSource } from '../../data/generator/generate-demo';
import { writeDemo } from '../../data/generator/write-demo';
import { addAccount } from '../../server/src/auth/account-changes';
import { boot } from '../../server/src/boot';
import { openStore } from '../../server/src/db/open-database';
import { getUserByName } from '../../server/src/db/users';
import { signedInPage, TEST_ADMIN_PASSWORD } from '../helpers/app-in-browser';
import { launchChromium } from '../helpers/browser';
import { freePort } from '../helpers/server-process';
import type { BenchRow } from './bench-size';
import { round } from './stats';

/** The checkout whose server and built client are measured: this one, or `--root DIR` (e.g. a worktree of an earlier commit, for a before/after table). */
const ROOT = resolve(
  process.argv.includes('--root')
    ? process.argv[process.argv.indexOf('--root') + 1]
    : resolve(import.meta.dirname, '../..'),
);

/** One opening of the page, times in ms from navigation start. */
export interface PageOpening {
  loadEventMs: number;
  firstKpiMs: number;
  mapReadyMs: number;
  bytes: number;
  largestResponse: { url: string; bytes: number };
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
}

/** Records the first KPI number and the map's readiness (ms since navigation) and every long task. */
const WATCH_SCRIPT = `
(() => {
  const w = window;
  w.__bench = { firstKpi: null, kpiSeen: false, mapReady: null, longTasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    const b = w.__bench;
    if (b.firstKpi === null && !b.kpiSeen && document.querySelector('[data-testid="kpi-surveyed"][data-value]')) {
      // The frame that paints it: a main thread busy right after the number went in delays it.
      b.kpiSeen = true;
      requestAnimationFrame(() => { b.firstKpi = performance.now(); });
    }
    if (b.mapReady === null && document.querySelector('[data-testid="map"][data-ready="true"]')) b.mapReady = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();
`;

/** Who opens the page: an admin of the bench's own, for a record the API bench kept has accounts already (no first admin is made). */
const BENCH_ACCOUNT = { username: 'page-bench', password: TEST_ADMIN_PASSWORD };

/** Gives the record the bench's account, unless it has it. Accounts do not touch the model's snapshot. */
async function withBenchAccount(record: string): Promise<void> {
  const db = openStore(record);
  try {
    if (!getUserByName(db, BENCH_ACCOUNT.username))
      await addAccount(
        db,
        { ...BENCH_ACCOUNT, displayName: '页面测速', role: 'admin', villages: [], department: null },
        'bench',
      );
  } finally {
    db.close();
  }
}

async function openOnce(browser: Browser, url: string): Promise<PageOpening> {
  const page = await signedInPage(browser, url, { viewport: { width: 1440, height: 900 } }, BENCH_ACCOUNT);
  await page.addInitScript(WATCH_SCRIPT);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  let bytes = 0;
  let largestResponse = { url: '', bytes: 0 };
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    if (e.encodedDataLength > largestResponse.bytes)
      largestResponse = { url: new URL(urls.get(e.requestId) ?? '').pathname, bytes: e.encodedDataLength };
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    () => {
      const b = (window as unknown as { __bench: { firstKpi: number | null; mapReady: number | null } })
        .__bench;
      return b.firstKpi !== null && b.mapReady !== null;
    },
    undefined,
    { timeout: 180_000, polling: 100 },
  );
  // Let the work that follows the first draw finish, so its long tasks are counted too.
  await page.waitForTimeout(1500);
  const seen = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { firstKpi: number; mapReady: number; longTasks: number[] } })
      .__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { ...b, loadEvent: nav.loadEventStart };
  });
  await page.context().close();
  return {
    loadEventMs: round(seen.loadEvent, 0),
    firstKpiMs: round(seen.firstKpi, 0),
    mapReadyMs: round(seen.mapReady, 0),
    bytes,
    largestResponse,
    longTasks: seen.longTasks.length,
    longTaskMs: round(
      seen.longTasks.reduce((a, b) => a + b, 0),
      0,
    ),
    longestTaskMs: round(Math.max(0, ...seen.longTasks), 0),
  };
}

/** A seeded record of `premises` in `dir` (bench.sqlite, as the API bench keeps it), made once. */
export async function seededRecord(premises: number, dir: string): Promise<string> {
  const file = join(dir, 'bench.sqlite');
  if (existsSync(file) && existsSync(`${file}.model`)) {
    console.error(`  reusing the record in ${dir}`);
    return file;
  }
  const townships = premises >= 500_000 ? 20 : 1;
  console.error(`  generating and seeding ${premises.toLocaleString('en')} premises…`);
  writeDemo(dir, demoSource({ seed: 2008, premises, townships }));
  (await boot(file, dir)).db.close();
  return file;
}

/** The real server (server/src/main.ts, serving dist/client) on the seeded record. */
export async function serve(
  record: string,
  dataDir: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  mkdirSync(dataDir, { recursive: true });
  for (const [name, target] of [
    ['shixiao.sqlite', record],
    ['shixiao.sqlite.model', `${record}.model`],
  ]) {
    if (!existsSync(join(dataDir, name))) symlinkSync(target, join(dataDir, name));
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: '0',
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Opens the page `runs` times (fresh context, no cache) on a record of `premises`; median of each measure. */
export async function benchPage(premises: number, keep: string | undefined, runs = 3): Promise<BenchRow[]> {
  if (!existsSync(join(ROOT, 'dist/client/index.html')))
    throw new Error('dist/client is missing: run `npx vite build` first');
  const dir = keep ? join(keep, String(premises)) : mkdtempSync(join(tmpdir(), 'sx-page-bench-'));
  mkdirSync(dir, { recursive: true });
  const record = await seededRecord(premises, dir);
  await withBenchAccount(record);
  const server = await serve(record, join(dir, 'page-data'));
  const browser = await launchChromium();
  const openings: PageOpening[] = [];
  try {
    // A first opening warms the server's caches (the encoded layer); it is not counted.
    await openOnce(browser, server.url);
    for (let i = 0; i < runs; i++) {
      const o = await openOnce(browser, server.url);
      console.error(
        `  opening ${i + 1}: numbers ${o.firstKpiMs} ms, map ${o.mapReadyMs} ms, ${round(o.bytes / 1048576, 2)} MB`,
      );
      openings.push(o);
    }
  } finally {
    await browser.close();
    await server.stop();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  const m = (pick: (o: PageOpening) => number) => median(openings.map(pick));
  const firstNumbersBudget = premises >= 1_000_000 ? 4000 : 2000;
  const largest = openings[0].largestResponse;
  return [
    { premises, measure: 'page: load event', value: m((o) => o.loadEventMs), unit: 'ms' },
    {
      premises,
      measure: 'page: first KPI numbers (kpi-surveyed has data-value)',
      value: m((o) => o.firstKpiMs),
      unit: 'ms',
      budget: `≤ ${firstNumbersBudget} ms`,
      ok: m((o) => o.firstKpiMs) <= firstNumbersBudget,
    },
    { premises, measure: 'page: map drawn (map data-ready)', value: m((o) => o.mapReadyMs), unit: 'ms' },
    {
      premises,
      measure: 'page: bytes transferred',
      value: round(m((o) => o.bytes) / 1048576, 2),
      unit: 'MB',
    },
    {
      premises,
      measure: `page: largest response (${largest.url})`,
      value: round(largest.bytes / 1048576, 2),
      unit: 'MB',
    },
    { premises, measure: 'page: main-thread long tasks', value: m((o) => o.longTasks), unit: 'tasks' },
    { premises, measure: 'page: long tasks, total', value: m((o) => o.longTaskMs), unit: 'ms' },
    { premises, measure: 'page: longest task', value: m((o) => o.longestTaskMs), unit: 'ms' },
  ];
}

/** Run alone: `npx tsx tests/bench/page-bench.ts [--sizes 50000] [--keep DIR] [--root DIR]`. */
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const at = process.argv.indexOf('--sizes');
  const keepAt = process.argv.indexOf('--keep');
  const sizes = at >= 0 ? process.argv[at + 1].split(',').map(Number) : [50_000];
  for (const size of sizes) {
    console.error(`… the page on ${size.toLocaleString('en')} premises`);
    for (const r of await benchPage(size, keepAt >= 0 ? process.argv[keepAt + 1] : undefined))
      console.log(
        `| ${r.premises} | ${r.measure} | ${r.value} | ${r.unit} | ${r.budget ?? ''} | ${r.ok ?? ''} |`,
      );
  }
}
