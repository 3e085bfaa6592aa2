/**
 * `npm run bench`: builds townships of 1,200, 50,000 and 1,000,000 premises and prints a table of
 * seed time, start-up, API latencies, payload sizes and memory against the budgets in DESIGN §5.
 * Each size runs in its own process so memory readings are its own. `--sizes 1200,50000` picks sizes;
 * `--display`, `--geocoder` and `--import-stall` pick those parts. Without any of them, everything runs.
 * `--page` opens the dashboard in Chromium instead, at `--sizes` (default 50,000): first numbers, map
 * drawn, bytes, long tasks (tests/bench/page-bench.ts; run `npx vite build` first); `--root DIR` measures
 * another checkout's server and built client (a worktree of an earlier commit, for before/after).
 * `--keep DIR` keeps each size's generated and seeded record in DIR/<size> and starts from it on the
 * next run with the same DIR (a million premises take minutes to generate and seed).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchRow, benchOneSize } from './bench-size';
import { benchDisplayStream } from './display-bench';
import {
  benchGeocoder,
  benchGeocoderIndependent,
  type GeocodeBench,
  type IndependentGeocodeBench,
} from './geocode-bench';
import { measureImportStall } from './import-stall';
import { benchPage } from './page-bench';
import { round } from './stats';

const SIZES = [1200, 50_000, 1_000_000];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const one = arg('size');
  const keep = arg('keep');
  if (one) {
    const dir = keep ? join(keep, one) : mkdtempSync(join(tmpdir(), 'sx-bench-'));
    if (keep) mkdirSync(dir, { recursive: true });
    try {
      const rows = await benchOneSize(Number(one), dir);
      process.stdout.write(`BENCH_JSON ${JSON.stringify(rows)}\n`);
    } finally {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  if (process.argv.includes('--page')) {
    const rows: BenchRow[] = [];
    for (const size of arg('sizes')?.split(',').map(Number) ?? [50_000]) {
      console.error(`… the page on ${size.toLocaleString('en')} premises`);
      rows.push(...(await benchPage(size, keep)));
    }
    printTable(rows);
    return;
  }
  const picked = {
    display: process.argv.includes('--display'),
    geocoder: process.argv.includes('--geocoder'),
    importStall: process.argv.includes('--import-stall'),
  };
  const everything = !arg('sizes') && !picked.display && !picked.geocoder && !picked.importStall;
  const sizes = arg('sizes')?.split(',').map(Number) ?? (everything ? SIZES : []);
  const all: BenchRow[] = [];
  for (const size of sizes) {
    console.error(`… ${size.toLocaleString('en')} premises`);
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--size', String(size), ...(keep ? ['--keep', keep] : [])],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
    if (!line) throw new Error(`size ${size}: no result`);
    all.push(...(JSON.parse(line.slice('BENCH_JSON '.length)) as BenchRow[]));
  }
  if (all.length > 0) printTable(all);

  if (everything || picked.display) {
    console.error('… 200 big screens on the live stream');
    const d = await benchDisplayStream();
    console.log(`\nBig screen live stream, ${d.clients} clients, write → every client received:`);
    printTable([
      {
        premises: 1200,
        measure: 'delivery latency',
        value: d.p50Ms,
        p95: d.p95Ms,
        unit: 'ms',
        budget: 'within 2 s',
        ok: d.maxMs <= 2000,
      },
      { premises: 1200, measure: 'delivery latency, max', value: d.maxMs, unit: 'ms' },
      { premises: 1200, measure: 'server memory (RSS) with 200 streams', value: d.serverRssMb, unit: 'MB' },
    ]);
  }

  if (everything || picked.importStall) {
    console.error('… GET /api/stats while a 20,000-row import commits');
    const stall = await measureImportStall(20_000);
    console.log(`\nOthers answered while an import commits (real server, demo township):`);
    printTable([
      {
        premises: 1200,
        measure: `GET /api/stats during a ${stall.rows.toLocaleString('en')}-row commit (${stall.answers} answers in ${round(stall.commitMs / 1000, 1)} s)`,
        value: stall.p50Ms,
        p95: stall.p95Ms,
        unit: 'ms',
        budget: 'p95 ≤ 500 ms',
        ok: stall.p95Ms <= 500,
      },
      {
        premises: 1200,
        measure: 'GET /api/stats during the commit, slowest',
        value: stall.maxMs,
        unit: 'ms',
      },
    ]);
  }

  if (everything || picked.geocoder) {
    console.error('… geocoder on the noisy demo address set');
    const demo = benchGeocoder();
    console.error('… geocoder on the independent set (石塘镇 brought in through set-up and import)');
    const independent = await benchGeocoderIndependent();
    console.log('\nOffline geocoder:');
    printGeocoderComparison(demo, independent);
  }
}

const spreadText = (s: { p50M: number; p90M: number; p99M: number; addresses: number }) =>
  `${s.p50M} / ${s.p90M} / ${s.p99M} (${s.addresses.toLocaleString('en')})`;
const methodsText = (byMethod: Record<string, number>) =>
  Object.entries(byMethod)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** The two address sets side by side; the budgets (DESIGN §5) hold for the independent set. */
function printGeocoderComparison(demo: GeocodeBench, ind: IndependentGeocodeBench) {
  const yesNo = (ok: boolean) => (ok ? 'yes' : 'NO');
  printGrid(
    ['measure', "demo's own addresses", 'independent set (石塘镇)', 'unit', 'budget', 'ok'],
    [
      ['addresses', demo.addresses.toLocaleString('en'), ind.addresses.toLocaleString('en'), '', '', ''],
      [
        'village correct',
        String(round(demo.villageCorrect * 100, 1)),
        String(round(ind.villageCorrect * 100, 1)),
        '%',
        '≥ 97',
        yesNo(ind.villageCorrect >= 0.97),
      ],
      [
        'distance p50 / p90 / p99 (n), plate in gazetteer',
        spreadText(demo.plateInGazetteer),
        spreadText(ind.plateInGazetteer),
        'm',
        'p90 ≤ 30',
        yesNo(ind.plateInGazetteer.p90M <= 30),
      ],
      [
        'distance p50 / p90 / p99 (n), plate not in gazetteer',
        spreadText(demo.plateNotInGazetteer),
        spreadText(ind.plateNotInGazetteer),
        'm',
        '',
        '',
      ],
      [
        'distance p50 / p90 / p99 (n), all placed',
        spreadText(demo.placed),
        spreadText(ind.placed),
        'm',
        '',
        '',
      ],
      [
        'throughput',
        demo.perSecond.toLocaleString('en'),
        ind.perSecond.toLocaleString('en'),
        'addr/s',
        '≥ 20,000',
        yesNo(demo.perSecond >= 20_000 && ind.perSecond >= 20_000),
      ],
    ],
  );
  const kinds = Object.entries(ind.byKind)
    .map(([k, v]) => `${k} ${v.villageCorrect}/${v.addresses}`)
    .join(', ');
  console.log(`\nIndependent set by kind (village correct / addresses): ${kinds}`);
  console.log(`Methods, demo: ${methodsText(demo.byMethod)}`);
  console.log(`Methods, independent: ${methodsText(ind.byMethod)}`);
}

function printTable(rows: BenchRow[]) {
  const header = ['premises', 'measure', 'p50 / value', 'p95', 'unit', 'budget', 'ok'];
  printGrid(
    header,
    rows.map((r) => [
      r.premises.toLocaleString('en'),
      r.measure,
      String(r.value),
      r.p95 === undefined ? '' : String(r.p95),
      r.unit,
      r.budget ?? '',
      r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
    ]),
  );
}

/** Columns wide enough for their longest cell; a CJK character takes two columns in a terminal. */
function printGrid(header: string[], body: string[][]) {
  const width = (s: string) =>
    [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/u.test(c) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]))));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
}

await main();
