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

export interface AuditItem {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  /** A premise: its own rows and its records' (events name their premise). */
  premise?: number;
  actor?: string;
  action?: string;
  entity?: string;
  /** Inclusive days, YYYY-MM-DD, in UTC as the log keeps time. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** The audit log, newest first, filtered; and how many rows match in all. */
export function searchAudit(db: Db, q: AuditQuery): { total: number; items: AuditItem[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    args.push(...values);
  };
  if (q.premise !== undefined) {
    add(
      "((entity = 'premise' AND entity_id = ?) OR (entity = 'event' AND json_extract(after, '$.premiseId') = ?))",
      q.premise,
      q.premise,
    );
  }
  if (q.actor) add('actor = ?', q.actor);
  if (q.action) add('action = ?', q.action);
  if (q.entity) add('entity = ?', q.entity);
  if (q.from) add('at >= ?', q.from);
  if (q.to) add("at < date(?, '+1 day')", q.to);
  const sql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number(
    db
      .prepare(`SELECT count(*) FROM audit_log ${sql}`)
      .pluck()
      .get(...args),
  );
  const rows = db
    .prepare(
      `SELECT id, at, actor, action, entity, entity_id, before, after FROM audit_log ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, q.limit, q.offset) as Record<string, unknown>[];
  return {
    total,
    items: rows.map((r) => ({
      id: Number(r.id),
      at: String(r.at),
      actor: (r.actor as string | null) ?? null,
      action: String(r.action),
      entity: String(r.entity),
      entityId: r.entity_id === null ? null : Number(r.entity_id),
      before: r.before === null ? null : JSON.parse(String(r.before)),
      after: r.after === null ? null : JSON.parse(String(r.after)),
    })),
  };
}
