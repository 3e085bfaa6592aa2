/** Small timing helpers for the benchmark table. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i];
}

export async function timeRuns(runs: number, fn: (i: number) => unknown | Promise<unknown>) {
  return (await timeInTurns(runs, [fn]))[0];
}

/**
 * Times several ways of doing the same thing in turns (a, b, c, a, b, c, …), so that whatever else
 * the machine does meanwhile (PostgreSQL vacuuming a table just copied, a collection) falls on
 * each alike: a p50 and p95 for each.
 */
export async function timeInTurns(runs: number, fns: readonly ((i: number) => unknown | Promise<unknown>)[]) {
  const ms = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn(i);
      ms[k].push(performance.now() - t);
    }
  }
  return ms.map((m) => {
    m.sort((a, b) => a - b);
    return { p50: percentile(m, 50), p95: percentile(m, 95) };
  });
}

export const round = (x: number, digits = 2) => Number(x.toFixed(digits));
