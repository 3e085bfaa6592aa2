import { redactPersonal } from './domain/redact-personal';

/**
 * Logs an unexpected error for the operator: where, the error's name, message and stack — and
 * nothing else. Not the error object itself (its other properties and causes may hold the SQL
 * values or request body it failed on), never a body, and numbers that look personal blotted out
 * of the message too (a library may quote the value it choked on).
 */
export function logError(where: string, err: unknown): void {
  const e = err instanceof Error ? err : new Error(String(err));
  const head = `${e.name}: ${e.message}`;
  const text = e.stack?.includes(e.message) ? e.stack : `${head}\n${e.stack ?? ''}`;
  console.error(`${where}: ${redactPersonal(text.trimEnd())}`);
}
