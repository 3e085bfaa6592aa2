/**
 * Many big screens on the live stream: opens 200 SSE clients on a real server, records a few
 * supervision events through the API, and measures how long each write takes to reach each screen
 * (write sent → `changed` event read), plus the server's memory with all of them connected.
 * Loopback only; bounded in time; stops everything it started.
 */
import { readFileSync } from 'node:fs';
import { type RunningServer, startServer } from '../helpers/server-process';
import { percentile, round } from './stats';

const CLIENTS = 200;
const WRITES = 5;
const DELIVERY_TIMEOUT_MS = 10_000;

export interface DisplayStreamBench {
  clients: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  serverRssMb: number;
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? round(Number(line.replace(/\D+/g, '')) / 1024, 1) : Number.NaN;
}

/** One screen's stream: resolves `hello`, and reports the time each `changed` version arrives. */
function openScreen(url: string, signal: AbortSignal, onChanged: (version: number, atMs: number) => void) {
  return new Promise<void>((helloed, failed) => {
    fetch(`${url}/api/display/stream`, { signal })
      .then(async (res) => {
        if (!res.ok || !res.body) throw new Error(`stream: ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            const event = /^event: (\w+)$/m.exec(message)?.[1];
            const data = /^data: (.*)$/m.exec(message)?.[1];
            if (event === 'hello') helloed();
            if (event === 'changed' && data)
              onChanged((JSON.parse(data) as { version: number }).version, performance.now());
          }
        }
      })
      .catch((e: unknown) => {
        if (!signal.aborted) failed(e);
      });
  });
}

async function postEvent(
  server: RunningServer,
  premiseId: number,
  date: string,
  type: string,
): Promise<void> {
  const res = await fetch(`${server.url}/api/premises/${premiseId}/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ date, type }),
  });
  if (res.status !== 201) throw new Error(`POST event: ${res.status} ${await res.text()}`);
}

export async function benchDisplayStream(): Promise<DisplayStreamBench> {
  const server = await startServer();
  const abort = new AbortController();
  try {
    // version → arrival time per client
    const arrivals = Array.from({ length: CLIENTS }, () => new Map<number, number>());
    await Promise.all(
      arrivals.map((seen) =>
        openScreen(server.url, abort.signal, (version, atMs) => {
          if (!seen.has(version)) seen.set(version, atMs);
        }),
      ),
    );
    const rssConnected = rssMb(server.pid);

    const latencies: number[] = [];
    let version = 0;
    for (let w = 0; w < WRITES; w++) {
      const sentAt = performance.now();
      await postEvent(server, w + 1, '2010-12-30', w % 2 ? 'upgraded' : 'model');
      version++;
      const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
      const reached = () => arrivals.filter((seen) => [...seen.keys()].some((v) => v >= version)).length;
      while (reached() < CLIENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const seen of arrivals) {
        const at = [...seen].find(([v]) => v >= version)?.[1];
        latencies.push(at === undefined ? Number.POSITIVE_INFINITY : at - sentAt);
      }
      // past the debounce window, so the next write is a separate message
      await new Promise((r) => setTimeout(r, 400));
    }
    latencies.sort((a, b) => a - b);
    return {
      clients: CLIENTS,
      p50Ms: round(percentile(latencies, 50), 1),
      p95Ms: round(percentile(latencies, 95), 1),
      maxMs: round(latencies[latencies.length - 1], 1),
      serverRssMb: Math.max(rssConnected, rssMb(server.pid)),
    };
  } finally {
    abort.abort();
    await server.stop();
  }
}

if (import.meta.filename === process.argv[1]) {
  console.log(await benchDisplayStream());
}
