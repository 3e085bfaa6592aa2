import type { Actor } from '../domain/auth/policy';
import type { DepartmentCode } from '../domain/auth/roles';
import { audit } from './audit';
import type { Db } from './open-database';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskOrigin = 'premises' | 'area' | 'shape' | 'draw';

/** Who a task asks: a department, a village, or one person (by account). */
export type AssigneeRef =
  | { kind: 'department'; code: DepartmentCode }
  | { kind: 'village'; villageId: number }
  | { kind: 'user'; userId: number };

export type StoredAssignee =
  | { kind: 'department'; code: DepartmentCode }
  | { kind: 'village'; villageId: number; name: string }
  | { kind: 'user'; userId: number; username: string; displayName: string };

export interface NewTask {
  premiseId: number;
  dueDay: number;
  note: string;
  origin: TaskOrigin;
  areaId: number | null;
  drawId: number | null;
  assignees: AssigneeRef[];
}

export interface TaskRow {
  id: number;
  premise: {
    id: number;
    archiveNo: string;
    name: string;
    address: string;
    villageId: number;
    villageName: string;
    category: string;
    lng: number;
    lat: number;
  };
  dueDay: number;
  note: string;
  origin: TaskOrigin;
  areaId: number | null;
  drawId: number | null;
  status: TaskStatus;
  createdBy: string;
  createdAt: string;
  closedBy: string | null;
  closedAt: string | null;
  eventId: number | null;
  assignees: StoredAssignee[];
}

/** Which tasks a list holds; every part is optional and they all apply. */
export interface TaskQuery {
  ids?: readonly number[];
  status?: TaskStatus;
  assignee?: AssigneeRef;
  premiseId?: number;
  drawId?: number;
  /** Tasks given to this person, their department or one of their villages (the phone's list). */
  mine?: { userId: number; department: string | null; villages: readonly number[] };
  /** Only premises of these villages / trades (a scoped reader). */
  villages?: readonly number[] | null;
  categories?: readonly string[] | null;
  limit: number;
  offset: number;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

const TASK_COLUMNS = `t.id, t.due_day, t.note, t.origin, t.area_id, t.draw_id, t.status, t.created_by, t.created_at,
  t.closed_by, t.closed_at, t.event_id,
  p.id AS premise_id, p.archive_no, p.name, p.address, p.village_id, v.name AS village_name, p.category, p.lng, p.lat`;

/** `?` conditions on the task `t` for a query, with their values. */
function conditions(q: Omit<TaskQuery, 'limit' | 'offset'>): { where: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  if (q.ids) {
    parts.push('t.id IN (SELECT value FROM json_each(?))');
    values.push(JSON.stringify(q.ids));
  }
  if (q.status) {
    parts.push('t.status = ?');
    values.push(q.status);
  }
  if (q.premiseId !== undefined) {
    parts.push('t.premise_id = ?');
    values.push(q.premiseId);
  }
  if (q.drawId !== undefined) {
    parts.push('t.draw_id = ?');
    values.push(q.drawId);
  }
  if (q.assignee) {
    const a = q.assignee;
    const [column, value] =
      a.kind === 'department'
        ? ['department', a.code]
        : a.kind === 'village'
          ? ['village_id', a.villageId]
          : ['user_id', a.userId];
    parts.push(`EXISTS (SELECT 1 FROM task_assignees a WHERE a.task_id = t.id AND a.${column} = ?)`);
    values.push(value);
  }
  if (q.mine) {
    parts.push(`EXISTS (SELECT 1 FROM task_assignees a WHERE a.task_id = t.id
      AND (a.user_id = ? OR a.department = ? OR a.village_id IN (SELECT value FROM json_each(?))))`);
    values.push(q.mine.userId, q.mine.department, JSON.stringify(q.mine.villages));
  }
  if (q.villages) {
    parts.push('p.village_id IN (SELECT value FROM json_each(?))');
    values.push(JSON.stringify(q.villages));
  }
  if (q.categories) {
    parts.push('p.category IN (SELECT value FROM json_each(?))');
    values.push(JSON.stringify(q.categories));
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', values };
}

function assigneesOf(db: Db, taskIds: readonly number[]): Map<number, StoredAssignee[]> {
  const out = new Map<number, StoredAssignee[]>();
  const rows = db
    .prepare(
      `SELECT a.task_id, a.kind, a.department, a.village_id, v.name AS village_name, a.user_id, u.username, u.display_name
       FROM task_assignees a
       LEFT JOIN villages v ON v.id = a.village_id
       LEFT JOIN users u ON u.id = a.user_id
       WHERE a.task_id IN (SELECT value FROM json_each(?))
       ORDER BY a.task_id, a.rowid`,
    )
    .all(JSON.stringify(taskIds)) as Record<string, unknown>[];
  for (const r of rows) {
    const a: StoredAssignee =
      r.kind === 'department'
        ? { kind: 'department', code: r.department as DepartmentCode }
        : r.kind === 'village'
          ? { kind: 'village', villageId: Number(r.village_id), name: String(r.village_name ?? '') }
          : {
              kind: 'user',
              userId: Number(r.user_id),
              username: String(r.username),
              displayName: String(r.display_name ?? ''),
            };
    const list = out.get(Number(r.task_id));
    if (list) list.push(a);
    else out.set(Number(r.task_id), [a]);
  }
  return out;
}

function toTasks(db: Db, rows: Record<string, unknown>[]): TaskRow[] {
  const assignees = assigneesOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    premise: {
      id: Number(r.premise_id),
      archiveNo: String(r.archive_no),
      name: String(r.name),
      address: String(r.address),
      villageId: Number(r.village_id),
      villageName: String(r.village_name ?? ''),
      category: String(r.category),
      lng: Number(r.lng),
      lat: Number(r.lat),
    },
    dueDay: Number(r.due_day),
    note: String(r.note),
    origin: r.origin as TaskOrigin,
    areaId: r.area_id === null ? null : Number(r.area_id),
    drawId: r.draw_id === null ? null : Number(r.draw_id),
    status: r.status as TaskStatus,
    createdBy: String(r.created_by),
    createdAt: String(r.created_at),
    closedBy: (r.closed_by as string | null) ?? null,
    closedAt: (r.closed_at as string | null) ?? null,
    eventId: r.event_id === null ? null : Number(r.event_id),
    assignees: assignees.get(Number(r.id)) ?? [],
  }));
}

/** Tasks as a list: open first, then by due day, then by id; with how many match in all. */
export function listTasks(db: Db, q: TaskQuery): { total: number; items: TaskRow[] } {
  const { where, values } = conditions(q);
  const from = `FROM tasks t JOIN premises p ON p.id = t.premise_id LEFT JOIN villages v ON v.id = p.village_id ${where}`;
  const total = Number(
    db
      .prepare(`SELECT count(*) ${from}`)
      .pluck()
      .get(...values),
  );
  const rows = db
    .prepare(`SELECT ${TASK_COLUMNS} ${from} ORDER BY t.status <> 'open', t.due_day, t.id LIMIT ? OFFSET ?`)
    .all(...values, q.limit, q.offset) as Record<string, unknown>[];
  return { total, items: toTasks(db, rows) };
}

export function getTask(db: Db, id: number): TaskRow | null {
  const r = db
    .prepare(
      `SELECT ${TASK_COLUMNS} FROM tasks t JOIN premises p ON p.id = t.premise_id
       LEFT JOIN villages v ON v.id = p.village_id WHERE t.id = ?`,
    )
    .get(id) as Record<string, unknown> | undefined;
  return r ? toTasks(db, [r])[0] : null;
}

/** Writes tasks and their assignees in one transaction, each on the audit log; returns their ids. */
export function insertTasks(db: Db, tasks: readonly NewTask[], actor: string): number[] {
  const task = db.prepare(
    `INSERT INTO tasks (premise_id, due_day, note, origin, area_id, draw_id, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const assignee = db.prepare(
    'INSERT INTO task_assignees (task_id, kind, department, village_id, user_id) VALUES (?, ?, ?, ?, ?)',
  );
  return db.transaction(() =>
    tasks.map((t) => {
      const id = Number(
        task.run(t.premiseId, t.dueDay, t.note, t.origin, t.areaId, t.drawId, actor).lastInsertRowid,
      );
      for (const a of t.assignees) {
        assignee.run(
          id,
          a.kind,
          a.kind === 'department' ? a.code : null,
          a.kind === 'village' ? a.villageId : null,
          a.kind === 'user' ? a.userId : null,
        );
      }
      audit(db, { actor, action: 'create', entity: 'task', entityId: id, after: t });
      return id;
    }),
  )();
}

/**
 * Closes an open task as done or cancelled (with the record that did it, if any). Returns false
 * when the task was not open (someone closed it first).
 */
export function closeTask(
  db: Db,
  id: number,
  status: Exclude<TaskStatus, 'open'>,
  by: string,
  eventId: number | null,
): boolean {
  return db.transaction(() => {
    const changed = db
      .prepare(
        `UPDATE tasks SET status = ?, closed_by = ?, closed_at = ${NOW}, event_id = ? WHERE id = ? AND status = 'open'`,
      )
      .run(status, by, eventId, id).changes;
    if (changed === 0) return false;
    audit(db, {
      actor: by,
      action: 'update',
      entity: 'task',
      entityId: id,
      before: { status: 'open' },
      after: { status, eventId },
    });
    return true;
  })();
}

/**
 * Marks done the open tasks of a premise that `actor` is asked to do — given to them, to their
 * department or to one of their villages — with the record that did it (an inspection recorded on
 * the premise). Returns the ids of the tasks it closed.
 */
export function completeTasksFor(
  db: Db,
  premiseId: number,
  actor: Pick<Actor, 'username' | 'villages' | 'department'>,
  eventId: number | null,
): number[] {
  return db.transaction(() => {
    const ids = db
      .prepare(
        `SELECT t.id FROM tasks t WHERE t.premise_id = ? AND t.status = 'open' AND EXISTS (
           SELECT 1 FROM task_assignees a WHERE a.task_id = t.id AND (
             a.user_id = (SELECT id FROM users WHERE username = ?)
             OR a.department = ?
             OR a.village_id IN (SELECT value FROM json_each(?))))
         ORDER BY t.id`,
      )
      .pluck()
      .all(premiseId, actor.username, actor.department, JSON.stringify(actor.villages)) as number[];
    return ids.filter((id) => closeTask(db, id, 'done', actor.username, eventId));
  })();
}

/** Whether an event is one of the premise's records (a task is closed only by a record of its own premise). */
export function eventOfPremise(db: Db, eventId: number, premiseId: number): boolean {
  return (
    db.prepare('SELECT 1 FROM events WHERE id = ? AND premise_id = ?').pluck().get(eventId, premiseId) !==
    undefined
  );
}
