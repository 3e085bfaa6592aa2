/**
 * `npm run bench`: builds townships of 1,200, 50,000 and 1,000,000 premises and prints a table of
 * seed time, start-up, API latencies, payload sizes and memory against the budgets in DESIGN §5.
 * Each size runs in its own process so memory readings are its own. `--sizes 1200,50000` picks sizes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchRow, benchOneSize } from './bench-size';
import { benchDisplayStream } from './display-bench';
import { benchGeocoder } from './geocode-bench';
import { round } from './stats';

const SIZES = [1200, 50_000, 1_000_000];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const one = arg('size');
  if (one) {
    const dir = mkdtempSync(join(tmpdir(), 'sx-bench-'));
    try {
      const rows = await benchOneSize(Number(one), dir);
      process.stdout.write(`BENCH_JSON ${JSON.stringify(rows)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const sizes = arg('sizes')?.split(',').map(Number) ?? SIZES;
  const all: BenchRow[] = [];
  for (const size of sizes) {
    console.error(`… ${size.toLocaleString('en')} premises`);
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--size', String(size)],
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
  printTable(all);

  if (!arg('sizes') || process.argv.includes('--display')) {
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

  if (!arg('sizes') || process.argv.includes('--geocoder')) {
    console.error('… geocoder on the noisy demo address set');
    const g = benchGeocoder();
    const methods = Object.entries(g.byMethod)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(`\nOffline geocoder, ${g.addresses.toLocaleString('en')} noisy addresses (${methods}):`);
    printTable([
      {
        premises: g.addresses,
        measure: 'geocoder throughput',
        value: Math.round(g.perSecond),
        unit: 'addr/s',
      },
      {
        premises: g.addresses,
        measure: 'village correct',
        value: round(g.villageCorrect * 100, 1),
        unit: '%',
      },
      { premises: g.addresses, measure: 'distance error p50', value: round(g.p50M, 1), unit: 'm' },
      { premises: g.addresses, measure: 'distance error p90', value: round(g.p90M, 1), unit: 'm' },
      { premises: g.addresses, measure: 'distance error p99', value: round(g.p99M, 1), unit: 'm' },
    ]);
  }
}

function printTable(rows: BenchRow[]) {
  const header = ['premises', 'measure', 'p50 / value', 'p95', 'unit', 'budget', 'ok'];
  const body = rows.map((r) => [
    r.premises.toLocaleString('en'),
    r.measure,
    String(r.value),
    r.p95 === undefined ? '' : String(r.p95),
    r.unit,
    r.budget ?? '',
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
}

await main();
