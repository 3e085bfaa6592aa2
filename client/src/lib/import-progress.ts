/** Progress of an import step as the server reports it (GET /api/imports/:id/progress). */
export interface ImportProgressReport {
  phase: string;
  total: number;
  validated: number;
  written: number;
  message?: string;
}

/**
 * How far along a commit is, 0–1: checking and placing the rows is the first half, writing them
 * the second (a commit re-checks every row before it writes, in one transaction).
 */
export function commitFraction(p: ImportProgressReport): number {
  if (p.phase === 'committed') return 1;
  if (p.total <= 0) return 0;
  const checked = Math.min(p.validated, p.total) / p.total;
  const written = Math.min(p.written, p.total) / p.total;
  if (p.phase === 'writing') return 0.5 + written / 2;
  return checked / 2;
}

/** Whether the step has finished, well or badly. */
export function progressSettled(p: ImportProgressReport): boolean {
  return p.phase === 'committed' || p.phase === 'failed' || p.phase === 'undone';
}
