/**
 * Soak test of the big screen: `npx tsx tests/soak/display-soak.ts --minutes N [--mode replay|live]
 * [--cycle SECONDS] [--write-every SECONDS]`. Starts the real server, opens /display in Chromium
 * (replay by default, so the screen works the whole time), and samples the page's JS heap (after a
 * forced GC, so the figures are what is kept, not what is waiting for collection) and its DOM
 * counters through the DevTools protocol: at start, every minute, and at the end.
 */
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startServer } from '../helpers/server-process';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    mode: { type: 'string', default: 'replay' },
    cycle: { type: 'string', default: '60' },
    'write-every': { type: 'string', default: '0' },
  },
});
const minutes = Number(values.minutes);
const writeEverySeconds = Number(values['write-every']);
if (!(minutes > 0)) throw new Error('--minutes must be a positive number');

interface Sample {
  atS: number;
  heapUsedMb: number;
  heapTotalMb: number;
  nodes: number;
  documents: number;
  listeners: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;

async function sample(cdp: CDPSession, startedAt: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return {
    atS: Math.round((Date.now() - startedAt) / 1000),
    heapUsedMb: mb(heap.usedSize),
    heapTotalMb: mb(heap.totalSize),
    nodes: dom.nodes,
    documents: dom.documents,
    listeners: dom.jsEventListeners,
  };
}

const print = (label: string, s: Sample) =>
  console.log(
    `${label.padEnd(6)} t=${String(s.atS).padStart(5)} s  heap ${s.heapUsedMb.toFixed(2)} MB used / ${s.heapTotalMb.toFixed(2)} MB  DOM nodes ${s.nodes}  documents ${s.documents}  listeners ${s.listeners}`,
  );

const server = await startServer();
const browser = await launchChromium();
let writes = 0;
let writer: ReturnType<typeof setInterval> | undefined;
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // each one after the first is a reconnect: there should be none while the server stays up
  let streams = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/display/stream') streams++;
  });
  const path = `/display?mode=${values.mode}&cycle=${values.cycle}`;
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('[data-testid="display-map"][data-ready="true"]', { timeout: 90_000 });
  const cdp = await page.context().newCDPSession(page);
  // a first replay cycle (play + hold) warms the caches (font atlas, GPU buffers) before the baseline
  const cycleS = Number(values.cycle);
  await page.waitForTimeout(
    values.mode === 'replay' ? (cycleS + Math.max(8, cycleS / 4) + 5) * 1000 : 15_000,
  );
  const startedAt = Date.now();
  const first = await sample(cdp, startedAt);
  print('start', first);
  if (writeEverySeconds > 0) {
    writer = setInterval(() => {
      writes++;
      void fetch(`${server.url}/api/premises/${(writes % 50) + 1}/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ date: '2010-12-30', type: writes % 2 ? 'upgraded' : 'model' }),
      });
    }, writeEverySeconds * 1000);
  }
  const samples = [first];
  const endAt = startedAt + minutes * 60_000;
  while (Date.now() < endAt) {
    await page.waitForTimeout(Math.min(60_000, endAt - Date.now()));
    const s = await sample(cdp, startedAt);
    samples.push(s);
    print(Date.now() >= endAt ? 'end' : '', s);
  }
  const last = samples[samples.length - 1];
  const replayedAt = await page.getAttribute('[data-testid="display-date"]', 'data-value');
  console.log(
    `\n${path} for ${minutes} min${writes ? ` with ${writes} writes` : ''}: heap ${first.heapUsedMb} → ${last.heapUsedMb} MB (${(last.heapUsedMb - first.heapUsedMb).toFixed(2)}), DOM nodes ${first.nodes} → ${last.nodes} (${last.nodes - first.nodes}), listeners ${first.listeners} → ${last.listeners}; stream connections ${streams}; screen at ${replayedAt}; page errors: ${errors.length}`,
  );
  console.log(
    `SOAK_JSON ${JSON.stringify({ path, minutes, writes, streams, start: first, end: last, pageErrors: errors })}`,
  );
} finally {
  if (writer) clearInterval(writer);
  await browser.close();
  await server.stop();
}
