import { z } from 'zod';
import { actorOf as accountActor } from '../auth/accounts';
import type { AppContext } from '../context';
import { getVillage } from '../db/geography';
import type { AssigneeRef, StoredAssignee, TaskRow } from '../db/tasks';
import { getUserByName } from '../db/users';
import { type Actor, inScope, type Scope, scopeOf } from '../domain/auth/policy';
import {
  DEPARTMENT_CODES,
  DEPARTMENTS,
  type DepartmentCode,
  departmentCategories,
} from '../domain/auth/roles';
import type { CategoryCode } from '../domain/categories';
import { formatDay } from '../domain/dates';
import { ApiError } from '../http/api-error';

/** Who a task is given to: checked against who may record where, matched to an asker, answered. */

export const assigneeBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('department'),
      code: z.enum(DEPARTMENT_CODES, { message: `expected a department: ${DEPARTMENT_CODES.join(', ')}` }),
    }),
    z.object({ kind: z.literal('village'), id: z.number().int().positive() }),
    z.object({ kind: z.literal('user'), username: z.string().trim().min(1).max(40) }),
  ],
  { message: "expected { kind: 'department', code } | { kind: 'village', id } | { kind: 'user', username }" },
);

/** Who may record on which premises: a person through their role's scope, a department through its trades, a village through itself. */
export interface ResolvedAssignee {
  ref: AssigneeRef;
  label: string;
  reaches: (premise: { villageId: number; category: CategoryCode }) => boolean;
}

/** A person the work may be given to: an active account whose role records inspections, and within what scope. */
export function resolveUser(
  ctx: AppContext,
  username: string,
): { userId: number; username: string; scope: Scope } {
  const user = getUserByName(ctx.db, username);
  if (!user || user.disabled)
    throw new ApiError(
      422,
      'unknown_user',
      `no active account named ${username}; see 数据管理 → 账号`,
      undefined,
      `没有名为 ${username} 的在用账号；请到 数据管理 → 账号 中核对`,
    );
  const scope = scopeOf(accountActor(ctx.db, user, 'token'), 'premise.write');
  if (!scope)
    throw new ApiError(
      422,
      'cannot_record',
      `${user.username} (${user.role}) may not record inspections, so cannot be given one`,
      undefined,
      `${user.username} 的账号无权记录检查，不能接收检查任务；请选择检查人员或村（社区）干部`,
    );
  return { userId: user.id, username: user.username, scope };
}

export function resolveAssignee(ctx: AppContext, a: z.infer<typeof assigneeBody>): ResolvedAssignee {
  if (a.kind === 'department') {
    const trades = new Set<string>(departmentCategories(a.code));
    const name = DEPARTMENTS.find((d) => d.code === a.code)?.name ?? a.code;
    return { ref: { kind: 'department', code: a.code }, label: name, reaches: (p) => trades.has(p.category) };
  }
  if (a.kind === 'village') {
    const village = getVillage(ctx.db, a.id);
    if (!village)
      throw new ApiError(
        422,
        'unknown_village',
        `assignee: there is no village ${a.id}`,
        undefined,
        `接收人：没有编号为 ${a.id} 的村（社区），请重新选择`,
      );
    return {
      ref: { kind: 'village', villageId: a.id },
      label: village.name,
      reaches: (p) => p.villageId === a.id,
    };
  }
  const user = resolveUser(ctx, a.username);
  return {
    ref: { kind: 'user', userId: user.userId },
    label: user.username,
    reaches: (p) => inScope(user.scope, p),
  };
}

const departmentName = new Map<string, string>(DEPARTMENTS.map((d) => [d.code, d.name]));

function assigneeJson(a: StoredAssignee) {
  if (a.kind === 'department')
    return { kind: a.kind, code: a.code, name: departmentName.get(a.code) ?? a.code };
  if (a.kind === 'village') return { kind: a.kind, id: a.villageId, name: a.name };
  return { kind: a.kind, username: a.username, displayName: a.displayName };
}

/** A task as the API answers it. */
export function taskJson(t: TaskRow) {
  const assignees = t.assignees.map(assigneeJson);
  return {
    id: t.id,
    premise: {
      id: t.premise.id,
      archiveNo: t.premise.archiveNo,
      name: t.premise.name,
      address: t.premise.address,
      village: { id: t.premise.villageId, name: t.premise.villageName },
      category: t.premise.category,
      lngLat: [t.premise.lng, t.premise.lat] as [number, number],
    },
    assignee: assignees[0] ?? null,
    assignees,
    due: formatDay(t.dueDay),
    note: t.note,
    status: t.status,
    origin: t.origin,
    areaId: t.areaId,
    drawId: t.drawId,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    closedBy: t.closedBy,
    closedAt: t.closedAt,
    eventId: t.eventId,
  };
}

/** Whether the actor is among those a task asks: by name, by department, or by one of their villages. */
export function asks(t: TaskRow, actor: Actor & { userId: number }): boolean {
  return t.assignees.some(
    (a) =>
      (a.kind === 'user' && a.userId === actor.userId) ||
      (a.kind === 'department' && a.code === actor.department) ||
      (a.kind === 'village' && actor.villages.includes(a.villageId)),
  );
}

export function assigneeFilter(ctx: AppContext, text: string): AssigneeRef {
  const [kind, value] = [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)];
  if (kind === 'department') {
    if (!(DEPARTMENT_CODES as readonly string[]).includes(value))
      throw new ApiError(
        400,
        'bad_request',
        `assignee: no department ${value}`,
        undefined,
        `接收人：没有 ${value} 这个部门，请重新选择`,
      );
    return { kind, code: value as DepartmentCode };
  }
  if (kind === 'village') {
    const id = Number(value);
    if (!Number.isInteger(id) || id <= 0)
      throw new ApiError(
        400,
        'bad_request',
        'assignee: village:ID needs a numeric id',
        undefined,
        '接收人：村（社区）须按编号指定（village:编号）',
      );
    return { kind, villageId: id };
  }
  const user = getUserByName(ctx.db, value);
  // an unknown name matches no task rather than any
  return { kind: 'user', userId: user?.id ?? 0 };
}
