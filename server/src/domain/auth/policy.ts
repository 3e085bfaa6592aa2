import type { CategoryCode } from '../categories';
import { type DepartmentCode, departmentCategories, type Role } from './roles';

/** What a request does, as far as who may do it is concerned. */
export const ACTIONS = [
  'map.read',
  'premise.read',
  'premise.write',
  'premise.unmask',
  'area.write',
  'area.premises',
  'export.ledger',
  'export.full',
  'export.geography',
  'import',
  'geocode',
  'audit.read',
  'users.admin',
  'setup',
  'standards.edit',
  'worklist.read',
  'task.dispatch',
  'task.read',
  'task.update',
  'draw.run',
  'draw.read',
  'acceptance.read',
  'acceptance.sign',
  'targets.edit',
  'accountability.read',
] as const;
export type Action = (typeof ACTIONS)[number];

/** 'all': everywhere; 'scoped': only the user's villages (village officers) or trades (inspectors). */
export type Grant = 'all' | 'scoped' | null;

const A = 'all' as const;
const S = 'scoped' as const;
const _ = null;

/**
 * The one policy table (role × action). Every route names its action (http/route-policy.ts);
 * the middleware answers 401/403 from here, and scoped grants limit the data to the user's scope.
 */
export const POLICY: Record<Action, Record<Role, Grant>> = {
  //                 admin    leader  village  inspector  viewer
  'map.read': { admin: A, leader: A, village: S, inspector: S, viewer: A },
  'premise.read': { admin: A, leader: A, village: S, inspector: S, viewer: A },
  'premise.write': { admin: A, leader: _, village: S, inspector: S, viewer: _ },
  'premise.unmask': { admin: A, leader: _, village: S, inspector: S, viewer: _ },
  'area.write': { admin: A, leader: A, village: _, inspector: _, viewer: _ },
  'area.premises': { admin: A, leader: A, village: S, inspector: S, viewer: _ },
  'export.ledger': { admin: A, leader: A, village: S, inspector: S, viewer: _ },
  'export.full': { admin: A, leader: _, village: _, inspector: _, viewer: _ },
  'export.geography': { admin: A, leader: A, village: A, inspector: A, viewer: A },
  import: { admin: A, leader: _, village: _, inspector: _, viewer: _ },
  geocode: { admin: A, leader: _, village: _, inspector: _, viewer: _ },
  'audit.read': { admin: A, leader: A, village: _, inspector: _, viewer: _ },
  'users.admin': { admin: A, leader: _, village: _, inspector: _, viewer: _ },
  setup: { admin: A, leader: _, village: _, inspector: _, viewer: _ },
  // The standards per trade are the office's to write; every reader of premise files reads them.
  'standards.edit': { admin: A, leader: _, village: _, inspector: _, viewer: _ },
  // Work lists are for the people who act on them; a viewer reads the map, not the to-do list.
  'worklist.read': { admin: A, leader: A, village: S, inspector: S, viewer: _ },
  // Giving work (tasks from a list or a key area) is the office's and the leading group's.
  'task.dispatch': { admin: A, leader: A, village: _, inspector: _, viewer: _ },
  'task.read': { admin: A, leader: A, village: S, inspector: S, viewer: _ },
  // Closing a task: a dispatcher, or (checked by the route) one of its assignees.
  'task.update': { admin: A, leader: A, village: S, inspector: S, viewer: _ },
  'draw.run': { admin: A, leader: A, village: _, inspector: _, viewer: _ },
  // A draw is kept for anyone to re-check: every role reads and verifies it whole.
  'draw.read': { admin: A, leader: A, village: A, inspector: A, viewer: A },
  // 年度验收 is of villages: an officer reads their own villages' scorecards; an inspector, who
  // sees only some trades, would read a village's score from part of its premises, so does not.
  'acceptance.read': { admin: A, leader: A, village: S, inspector: _, viewer: A },
  // The acceptance team (the office and the leading group) adjusts, remarks and signs off.
  'acceptance.sign': { admin: A, leader: A, village: _, inspector: _, viewer: _ },
  'targets.edit': { admin: A, leader: _, village: _, inspector: _, viewer: _ },
  // 问责 names the people who answer for a problem: those who act on it read it, a viewer does not.
  'accountability.read': { admin: A, leader: A, village: S, inspector: S, viewer: _ },
};

/** How much of a person's data a role sees in a premise file and a ledger (ID numbers: see premise.unmask). */
export const PERSONAL_FIELDS: Record<Role, { operator: 'full' | 'masked'; phone: 'full' | 'masked' }> = {
  admin: { operator: 'full', phone: 'full' },
  leader: { operator: 'full', phone: 'masked' },
  village: { operator: 'full', phone: 'full' },
  inspector: { operator: 'full', phone: 'full' },
  viewer: { operator: 'masked', phone: 'masked' },
};

/** The account a request acts as. */
export interface Actor {
  username: string;
  role: Role;
  /** Village ids a village officer keeps. */
  villages: number[];
  department: DepartmentCode | null;
  /**
   * An account limited to some townships of the district: the ids of those townships' villages,
   * whatever its role grants it reaches no further. Absent or null: the whole district.
   */
  townshipVillages?: number[] | null;
}

/** The part of the record an actor may see for an action: every village and trade, or some. */
export interface Scope {
  villages: ReadonlySet<number> | null;
  categories: ReadonlySet<CategoryCode> | null;
}

export const EVERYWHERE: Scope = { villages: null, categories: null };

export function grant(actor: Actor, action: Action): Grant {
  return POLICY[action][actor.role];
}

/**
 * The scope of a grant: everything, or the officer's villages, or the inspector's department's
 * trades — and for an account limited to some townships, no further than their villages.
 */
export function scopeOf(actor: Actor, action: Action): Scope | null {
  const scope = roleScopeOf(actor, action);
  if (!scope || !actor.townshipVillages) return scope;
  const limit = new Set(actor.townshipVillages);
  const villages = scope.villages ? new Set([...scope.villages].filter((v) => limit.has(v))) : limit;
  return { villages, categories: scope.categories };
}

function roleScopeOf(actor: Actor, action: Action): Scope | null {
  const g = grant(actor, action);
  if (g === null) return null;
  if (g === 'all') return EVERYWHERE;
  if (actor.role === 'village') return { villages: new Set(actor.villages), categories: null };
  if (actor.role === 'inspector')
    return {
      villages: null,
      categories: new Set(actor.department ? departmentCategories(actor.department) : []),
    };
  return EVERYWHERE;
}

/** Whether a premise (its village and trade) lies in a scope. */
export function inScope(scope: Scope, premise: { villageId: number; category: CategoryCode }): boolean {
  return (
    (scope.villages === null || scope.villages.has(premise.villageId)) &&
    (scope.categories === null || scope.categories.has(premise.category))
  );
}
