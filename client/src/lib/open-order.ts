/** A supervision record as the premise file lists it (by date, then as entered). */
export interface RecordLike {
  id: number;
  date: string;
  type: string;
  deadline?: string | null;
}

/** Records that answer an order to rectify: a re-inspection, or an outcome that ends it. */
const ANSWERS = new Set(['reinspected', 'upgraded', 'model', 'closed', 'converted']);

/**
 * The premise's open order to rectify (责令整改): its latest order with no re-inspection or ending
 * outcome after it, as the server's work lists read it; null when there is none.
 */
export function openOrder<T extends RecordLike>(records: readonly T[]): T | null {
  let open: T | null = null;
  for (const r of records) {
    if (r.type === 'ordered') open = r;
    else if (ANSWERS.has(r.type)) open = null;
  }
  return open;
}

/** Days from `today` to the deadline (negative: overdue), both YYYY-MM-DD. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
