/**
 * How the server answers others while a large premise import commits: a real server process, a
 * survey list of `rows` new premises staged and checked, then the commit started while a reader
 * asks GET /api/stats back to back. Reports the reader's latencies during the commit.
 * Run alone: `npx tsx tests/bench/import-stall.ts [rows]`.
 */
import { signedInFetch } from '../helpers/api-session';
import { TEST_ADMIN_PASSWORD } from '../helpers/app-in-browser';
import { startServer } from '../helpers/server-process';

const CATEGORIES = ['小食杂店', '小餐饮店', '美容美发', '小药店', '小农资店'];

/** A survey list of new premises in 大唐村; every tenth without coordinates (the geocoder places it). */
export function surveyList(rows: number): string {
  const lines = ['名称,经营者,联系电话,地址,所属村社区,行业,经度,纬度,摸底日期'];
  for (let i = 0; i < rows; i++) {
    const located = i % 10 !== 0;
    const lng = located ? (120.205 + (i % 100) * 0.0001).toFixed(6) : '';
    const lat = located ? (30.335 + (i % 97) * 0.0001).toFixed(6) : '';
    lines.push(
      `压测店${i},李${i % 100},139${String(i).padStart(8, '0')},丁桥镇大唐村${(i % 9) + 1}组${i}号,大唐村,${CATEGORIES[i % 5]},${lng},${lat},2008-03-15`,
    );
  }
  return lines.join('\n');
}

export interface ImportStall {
  rows: number;
  /** From the commit request to the job's `committed`, ms. */
  commitMs: number;
  /** GET /api/stats answered during the commit. */
  answers: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Stages `rows` premises on a fresh demo server, commits them, and times GET /api/stats meanwhile. */
export async function measureImportStall(rows: number): Promise<ImportStall> {
  const server = await startServer({ ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
  try {
    const api = await signedInFetch(server.url);
    const form = new FormData();
    form.append('file', new File([surveyList(rows)], '压测.csv'));
    const staged = await (await api('/api/imports/premises', { method: 'POST', body: form })).json();
    if (staged.rowCount !== rows) throw new Error(`staged ${JSON.stringify(staged).slice(0, 300)}`);
    const checked = await (await api(`/api/imports/${staged.importId}/validate`, { method: 'POST' })).json();
    if (checked.invalidRows !== 0) throw new Error(`validation: ${JSON.stringify(checked).slice(0, 300)}`);

    // Every request sent while the commit runs counts, the one it held until the end included.
    const latencies: number[] = [];
    let committing = true;
    const reader = (async () => {
      while (committing) {
        const t = performance.now();
        const res = await api('/api/stats?at=2009-06-30');
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const started = performance.now();
    const commit = await api(`/api/imports/${staged.importId}/commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const commitMs = performance.now() - started;
    committing = false;
    await reader;
    if (commit.status !== 200) throw new Error(`commit: ${commit.status} ${await commit.text()}`);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      rows,
      commitMs: Math.round(commitMs),
      answers: latencies.length,
      p50Ms: Math.round(quantile(sorted, 0.5)),
      p95Ms: Math.round(quantile(sorted, 0.95)),
      maxMs: Math.round(sorted.at(-1) ?? Number.NaN),
    };
  } finally {
    await server.stop();
  }
}

if (import.meta.filename === process.argv[1]) {
  const rows = Number(process.argv[2] ?? 100_000);
  console.log(JSON.stringify(await measureImportStall(rows)));
}
