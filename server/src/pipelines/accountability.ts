import type { AppContext } from '../context';
import { acceptanceRecords, incidentsBetween, orderResponsibles } from '../db/acceptance';
import { premiseSummaries } from '../db/areas';
import { listVillageRefs } from '../db/geography';
import { listUsers } from '../db/users';
import { openOrders } from '../db/worklists';
import { acceptanceDay } from '../domain/acceptance/year-end';
import { EVERYWHERE, type Scope } from '../domain/auth/policy';
import { DEPARTMENTS, departmentOf } from '../domain/auth/roles';
import { CATEGORY_CODES, type CategoryCode } from '../domain/categories';
import { day as dayOf, formatDay, todayInChina } from '../domain/dates';
import { PROBLEMS } from '../domain/event-types';
import { overdueItems } from '../domain/worklists/work-lists';
import { columnsFor } from '../scoped-columns';
import { campaignYear } from './acceptance-targets';

export type AccountabilityKind = 'incident' | 'acceptance_failed' | 'overdue';

/** One thing the plan asks leaders to act on (问责), with who answers for it. */
export interface AccountabilityItem {
  kind: AccountabilityKind;
  village: { id: number; name: string };
  premise?: { id: number; name: string; archiveNo: string; category: CategoryCode };
  /** Since when: an overdue order's deadline, an incident's day, a failed acceptance's sign-off day. */
  since: string;
  /** Days past the deadline (overdue), or since the incident, on `asOf`. */
  days?: number;
  responsible: {
    /** The village keeps its premises (属地管理). */
    village?: { id: number; name: string };
    /** The department that regulates the premise's trade. */
    department?: { code: string; name: string };
    /** 责任人: who the premise's latest order to rectify named, or the village's officers for a failed acceptance. */
    person?: string;
  };
  /** What happened, in Chinese (the page writes its own from the fields below). */
  detail: string;
  order?: { orderedOn: string; deadline: string };
  incident?: { problems: string[]; note: string | null };
  acceptance?: { score: number; remarks: string; signedOffBy: string | null };
}

export interface AccountabilityAnswer {
  year: number;
  asOf: string;
  final: boolean;
  /** Orders count once they are this many days past their deadline. */
  days: number;
  total: number;
  counts: Record<AccountabilityKind, number>;
  items: AccountabilityItem[];
}

const problemName = new Map<string, string>(PROBLEMS.map((p) => [p.key, p.name]));
const KIND_ORDER: AccountabilityKind[] = ['incident', 'acceptance_failed', 'overdue'];

/**
 * 问责: for a campaign year, as of its end (or today while it runs) — premises whose order to
 * rectify is `days` or more past its deadline with no re-inspection, premises where an incident
 * happened in the year, and villages whose acceptance the team failed; each with the village, the
 * department and the person who answer for it. Only what `scope` reaches: a village officer their
 * villages, an inspector their trades (a failed acceptance is a village's, not a trade's).
 */
export function accountability(
  ctx: AppContext,
  year: number,
  days: number,
  scope: Scope = EVERYWHERE,
  todayDay: number = todayInChina(),
): AccountabilityAnswer {
  campaignYear(ctx, year);
  const { day, final } = acceptanceDay(year, todayDay);
  const cols = columnsFor(ctx, scope);
  const villages = new Map(listVillageRefs(ctx.db).map((v) => [v.id, v]));
  const villageRef = (id: number) => ({ id, name: villages.get(id)?.name ?? '' });
  const department = (category: CategoryCode) => {
    const d = DEPARTMENTS.find((x) => x.code === departmentOf(category));
    return d ? { code: d.code, name: d.name } : undefined;
  };
  const items: AccountabilityItem[] = [];

  const overdue = overdueItems(
    cols,
    () => true,
    day,
    openOrders(ctx.db, day, Number.MIN_SAFE_INTEGER, day - Math.max(days, 1)),
  );
  const incidents = incidentsBetween(ctx.db, dayOf(`${year}-01-01`), day).filter((i) =>
    cols.rowOf.has(i.premiseId),
  );
  const ids = [...new Set([...overdue.map((o) => o.premiseId), ...incidents.map((i) => i.premiseId)])];
  const files = premiseSummaries(ctx.db, ids);
  const persons = orderResponsibles(ctx.db, day, ids);
  const premiseRef = (id: number) => {
    const row = cols.rowOf.get(id) as number;
    const category = CATEGORY_CODES[cols.category[row]];
    const file = files.get(id);
    return {
      premise: { id, name: file?.name ?? '', archiveNo: file?.archiveNo ?? '', category },
      village: villageRef(cols.villageId[row]),
      category,
    };
  };

  for (const i of incidents) {
    const { premise, village, category } = premiseRef(i.premiseId);
    const person = persons.get(i.premiseId);
    const problems = i.problems.map((p) => problemName.get(p) ?? p).join('、');
    items.push({
      kind: 'incident',
      village,
      premise,
      since: formatDay(i.day),
      days: day - i.day,
      responsible: { village, department: department(category), ...(person ? { person } : {}) },
      detail: `发生质量安全事故${problems ? `（${problems}）` : ''}${i.note ? `：${i.note}` : ''}`,
      incident: { problems: i.problems, note: i.note },
    });
  }

  if (!scope.categories) {
    const officers = listUsers(ctx.db).filter((u) => u.role === 'village' && !u.disabled);
    for (const r of acceptanceRecords(ctx.db, year).values()) {
      if (r.passed !== false || (scope.villages && !scope.villages.has(r.villageId))) continue;
      const village = villageRef(r.villageId);
      const code = villages.get(r.villageId)?.code;
      const names = officers
        .filter((u) => code !== undefined && u.villageCodes.includes(code))
        .map((u) => u.displayName || u.username);
      const score = r.snapshot?.adjusted ?? 0;
      items.push({
        kind: 'acceptance_failed',
        village,
        since: (r.signedOffAt ?? r.updatedAt).slice(0, 10),
        responsible: { village, ...(names.length ? { person: names.join('、') } : {}) },
        detail: `${year} 年度验收未通过（得分 ${score}）${r.remarks ? `：${r.remarks}` : ''}`,
        acceptance: { score, remarks: r.remarks, signedOffBy: r.signedOffBy },
      });
    }
  }

  for (const o of overdue) {
    if (o.daysOverdue < days) continue;
    const { premise, village, category } = premiseRef(o.premiseId);
    const person = persons.get(o.premiseId);
    const order = { orderedOn: o.orderedOn ?? '', deadline: o.deadline ?? '' };
    items.push({
      kind: 'overdue',
      village,
      premise,
      since: order.deadline,
      days: o.daysOverdue,
      responsible: { village, department: department(category), ...(person ? { person } : {}) },
      detail: `${order.orderedOn} 责令整改，期限 ${order.deadline}，逾期 ${o.daysOverdue} 天未复查`,
      order,
    });
  }

  items.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (b.days ?? 0) - (a.days ?? 0) ||
      a.village.id - b.village.id,
  );
  const counts = { incident: 0, acceptance_failed: 0, overdue: 0 };
  for (const i of items) counts[i.kind]++;
  return { year, asOf: formatDay(day), final, days, total: items.length, counts, items };
}
