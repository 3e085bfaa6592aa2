import type { Db } from './open-database';

/** Appends one row to the audit log (append-only: triggers refuse updates and deletes). */
export function audit(
  db: Db,
  entry: {
    actor?: string | null;
    action: string;
    entity: string;
    entityId?: number | null;
    before?: unknown;
    after?: unknown;
  },
): void {
  db.prepare(
    'INSERT INTO audit_log (actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    entry.actor ?? null,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}
