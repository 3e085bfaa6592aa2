import type { AppContext } from '../context';
import { getVillage, listVillages } from '../db/geography';
import { streamPremisesForExport } from '../db/premise-export';
import { personalView } from '../domain/auth/personal-data';
import { type Action, EVERYWHERE, inScope, PERSONAL_FIELDS, POLICY, type Scope } from '../domain/auth/policy';
import type { Role } from '../domain/auth/roles';
import { type CategoryCode, categoryByCode, categoryIndex } from '../domain/categories';
import { formatDay, parseDay, todayInChina } from '../domain/dates';
import { type LedgerEntry, ledgerEntry } from '../domain/export/premise-ledger';
import { premisesOnMap } from '../domain/export/premises-on-map';
import { ImportError } from '../domain/import/import-error';
import { STATUS_KEYS, STATUSES, type Status, statusIndex } from '../domain/statuses';
import { ApiError } from '../http/api-error';
import { columnsFor } from '../scoped-columns';

/** A filter value as a list: `a,b` → [a, b]; absent → null (no filter). */
function listOf(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export interface PremiseExportQuery {
  /** YYYY-MM-DD; today (China) when absent. */
  at?: string;
  villageId?: number;
  /** One category code, or several separated by commas. */
  category?: string;
  /** One status key, or several separated by commas. */
  status?: string;
  /**
   * Every personal field in full, ID numbers included, instead of as the role sees them: the
   * 'export.full' action (the admin's), refused with 403 for any other role.
   */
  fullIdNumbers?: boolean;
  /** Who asks, for the audit log (`'cli'` from the command line). */
  actor?: string | null;
  /** Whose eyes the personal data is shown for (personalView); the admin's when absent. */
  role?: Role;
  /** The premises the requester may see (a village officer's villages, an inspector's trades); all when absent. */
  scope?: Scope;
}

const FULL: Action = 'export.full';

/** A filter the scope cannot reach is refused rather than answered with an empty ledger. */
function outsideScope(what: { en: string; zh: string }): ApiError {
  return new ApiError(
    403,
    'forbidden',
    `${what.en} is outside the villages or trades this account keeps`,
    undefined,
    `${what.zh}不在本账号负责的村（社区）或行业范围内`,
  );
}

/** What the ledger's subtitle says of the personal data in it. */
function personalNote(role: Role, full: boolean): string {
  if (full) return '含完整身份证号等个人信息（内部资料，注意保密）';
  const fields = PERSONAL_FIELDS[role];
  const masked = [
    fields.operator === 'masked' ? '经营者姓名' : null,
    fields.phone === 'masked' ? '联系电话' : null,
    '身份证号',
  ].filter((f) => f !== null);
  return `${masked.join('、')}已脱敏`;
}

interface CheckedFilters {
  at: string;
  day: number;
  village: { id: number; name: string } | null;
  categories: string[] | null;
  statuses: string[] | null;
  scope: Scope;
  role: Role;
  full: boolean;
}

/** The query checked: a real date, filters that name something within the scope, full only for the admin. */
function checkFilters(ctx: AppContext, q: PremiseExportQuery): CheckedFilters {
  const at = q.at ?? formatDay(todayInChina());
  const day = parseDay(at);
  if (day === null)
    throw new ImportError(
      {
        en: `at: expected a real date as YYYY-MM-DD, got ${JSON.stringify(at)}`,
        zh: `日期应为 YYYY-MM-DD 格式的真实日期，收到的是“${at}”`,
      },
      400,
      'bad_request',
    );
  const scope = q.scope ?? EVERYWHERE;
  const role = q.role ?? 'admin';
  const full = q.fullIdNumbers === true;
  if (full && POLICY[FULL][role] === null)
    throw new ApiError(
      403,
      'forbidden',
      `the role ${role} may not export full personal data (${FULL}); leave out full=1 for the ledger as this account sees it`,
      undefined,
      '当前角色不能导出完整个人信息；去掉“完整导出”即可导出本账号可见的台账',
    );
  const village = q.villageId === undefined ? null : getVillage(ctx.db, q.villageId);
  if (q.villageId !== undefined && !village)
    throw new ImportError(
      { en: `village ${q.villageId} not found`, zh: `找不到编号为 ${q.villageId} 的村（社区）` },
      404,
      'not_found',
    );
  if (village && scope.villages && !scope.villages.has(village.id))
    throw outsideScope({ en: `village ${village.id} (${village.name})`, zh: village.name });
  const categories = listOf(q.category);
  for (const c of categories ?? []) {
    const category = categoryByCode(c);
    if (!category)
      throw new ImportError({ en: `category ${c} not found`, zh: `没有“${c}”这个行业` }, 404, 'not_found');
    if (scope.categories && !scope.categories.has(category.code as CategoryCode))
      throw outsideScope({ en: `category ${c}`, zh: `“${category.name}”行业` });
  }
  const statuses = listOf(q.status);
  for (const s of statuses ?? []) {
    if (!STATUS_KEYS.includes(s as Status))
      throw new ImportError(
        {
          en: `status: expected one of ${STATUS_KEYS.join(', ')} (got ${s})`,
          zh: `整治状态应为以下之一：${STATUS_KEYS.join('、')}（收到的是“${s}”）`,
        },
        400,
        'bad_request',
      );
  }
  return { at, day, village, categories, statuses, scope, role, full };
}

/** The ledger's subtitle: the date, what was chosen (or the account's own villages or trades), what is masked. */
function subtitle(ctx: AppContext, f: CheckedFilters, count: number): string {
  const { scope } = f;
  const villages = f.village
    ? f.village.name
    : scope.villages
      ? `${listVillages(ctx.db)
          .filter((v) => scope.villages?.has(v.id))
          .map((v) => v.name)
          .join('、')}（本账号负责）`
      : '全部';
  const categories = f.categories
    ? f.categories.map((c) => categoryByCode(c as CategoryCode)?.name).join('、')
    : scope.categories
      ? `${[...scope.categories].map((c) => categoryByCode(c)?.name ?? c).join('、')}（本部门负责）`
      : '全部';
  const statuses = f.statuses
    ? f.statuses.map((k) => STATUSES.find((s) => s.key === k)?.name).join('、')
    : '全部';
  return [
    `状态截至 ${f.at}`,
    `村社区：${villages}`,
    `行业：${categories}`,
    `状态：${statuses}`,
    `共 ${count} 户`,
    personalNote(f.role, f.full),
  ].join('；');
}

/**
 * The premises on the map on `at` under the filters and within the requester's scope, each with its
 * status and licences that day, and its personal data as the requester's role may see it.
 */
export function selectPremises(
  ctx: AppContext,
  q: PremiseExportQuery,
): { at: string; entries: LedgerEntry[]; filterText: string } {
  const f = checkFilters(ctx, q);
  const entries: LedgerEntry[] = [];
  const category = f.categories?.length === 1 ? f.categories[0] : undefined;
  for (const { premise, events } of streamPremisesForExport(ctx.db, { villageId: q.villageId, category })) {
    if (f.categories && !f.categories.includes(premise.category)) continue;
    if (!inScope(f.scope, premise)) continue;
    // Masked here, once: every format is written from these entries.
    const seen = f.full ? premise : { ...premise, ...personalView(f.role, premise) };
    const entry = ledgerEntry(seen, events, f.day);
    if (entry && (!f.statuses || f.statuses.includes(entry.status))) entries.push(entry);
  }
  return { at: f.at, entries, filterText: subtitle(ctx, f, entries.length) };
}

/** A premise export worked out before any row is read: who asks, for which day, which premises. */
export interface PremiseExportPlan {
  at: string;
  day: number;
  /** The premises on the map that day under the filters and scope, in id order. */
  ids: Uint32Array;
  role: Role;
  full: boolean;
}

/**
 * The premises an export will hold, picked from the in-memory model (as the map counts them), so a
 * streamed export knows its row count before its first row; throws as selectPremises does.
 */
export function planPremiseExport(ctx: AppContext, q: PremiseExportQuery): PremiseExportPlan {
  const f = checkFilters(ctx, q);
  const ids = premisesOnMap(columnsFor(ctx, f.scope), f.day, {
    villageId: f.village?.id,
    categories: f.categories ? new Set(f.categories.map(categoryIndex)) : undefined,
    statuses: f.statuses ? new Set(f.statuses.map((s) => statusIndex(s as Status))) : undefined,
  });
  return { at: f.at, day: f.day, ids, role: f.role, full: f.full };
}

/**
 * The ledger entries of the plan's premises ids[from..to), read from the database as they are now
 * (personal data masked for the plan's role). A premise deleted since the plan was made is left out.
 */
export function planEntries(
  ctx: AppContext,
  plan: PremiseExportPlan,
  from: number,
  to: number,
): LedgerEntry[] {
  const wanted = plan.ids.subarray(from, to);
  if (wanted.length === 0) return [];
  const picked = new Set(wanted);
  const entries: LedgerEntry[] = [];
  const rows = streamPremisesForExport(ctx.db, { fromId: wanted[0], toId: wanted[wanted.length - 1] });
  for (const { premise, events } of rows) {
    if (!picked.has(premise.id)) continue;
    const seen = plan.full ? premise : { ...premise, ...personalView(plan.role, premise) };
    const entry = ledgerEntry(seen, events, plan.day);
    if (entry) entries.push(entry);
  }
  return entries;
}
