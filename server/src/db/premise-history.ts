import type { AuditItem } from './audit';
import type { Db } from './open-database';

/** Audit actions that change a premise's own fields (not its records, not who looked at it). */
const FIELD_ACTIONS = ['create', 'update', 'geocode_correction'];

/** The audit rows that changed a premise's fields, oldest first: its file's edit history. */
export function premiseFieldEdits(db: Db, premiseId: number): AuditItem[] {
  const rows = db
    .prepare(
      `SELECT id, at, actor, action, entity, entity_id, before, after FROM audit_log
       WHERE entity = 'premise' AND entity_id = ? AND action IN (SELECT value FROM json_each(?))
       ORDER BY id`,
    )
    .all(premiseId, JSON.stringify(FIELD_ACTIONS)) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: Number(r.id),
    at: String(r.at),
    actor: (r.actor as string | null) ?? null,
    action: String(r.action),
    entity: String(r.entity),
    entityId: Number(r.entity_id),
    before: r.before === null ? null : JSON.parse(String(r.before)),
    after: r.after === null ? null : JSON.parse(String(r.after)),
  }));
}
