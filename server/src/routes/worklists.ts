import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { premiseSummaries } from '../db/areas';
import { audit } from '../db/audit';
import { getVillage, listVillages } from '../db/geography';
import { lastEventDay } from '../db/premises';
import {
  allContacts,
  closures,
  contactsStamp,
  endingLicences,
  latestOrders,
  openOrders,
  repeatedFailures,
} from '../db/worklists';
import { DEPARTMENT_CODES, DEPARTMENTS, departmentCategories } from '../domain/auth/roles';
import { CATEGORIES, categoryIndex } from '../domain/categories';
import { csvText } from '../domain/csv-text';
import { formatDay, parseDay, todayInChina } from '../domain/dates';
import { ledgerXlsx } from '../domain/export/ledger-xlsx';
import { liveDay } from '../domain/live-day';
import type { PremiseColumns } from '../domain/premise-columns';
import { type KeyedContact, keyedContact, reboundMatches } from '../domain/worklists/rebound-matches';
import {
  dueSoonItems,
  expiringLicenceItems,
  overdueItems,
  type RowFilter,
  reboundCandidates,
  reboundItems,
  repeatFailureItems,
  rowFilter,
  type WorkItem,
} from '../domain/worklists/work-lists';
import {
  WORKLISTS,
  type WorklistKey,
  worklistColumns,
  worklistRows,
} from '../domain/worklists/worklist-sheet';
import { notFound } from '../http/api-error';
import { type AppEnv, actorName } from '../http/auth';
import { idParam, isoDate, validate } from '../http/validate';
import { columnsFor } from '../scoped-columns';
import { recordName } from '../township-scope';

/** Failed re-inspections that make a premise a candidate for crackdown or closure. */
const REPEAT_FAILURES = 2;

const listQuery = z.object({
  at: isoDate.optional(),
  village: idParam.optional(),
  category: z.string().optional(),
  department: z
    .enum(DEPARTMENT_CODES, { message: `expected a department: ${DEPARTMENT_CODES.join(', ')}` })
    .optional(),
  format: z.enum(['json', 'csv', 'xlsx'], { message: 'expected json, csv or xlsx' }).optional(),
});
const windowed = (days: number) =>
  listQuery.extend({
    days: z.coerce
      .number({ message: 'expected a number of days' })
      .int('expected whole days')
      .min(0, 'days: 0 or more')
      .max(366, 'at most 366 days')
      .default(days),
  });
type ListQuery = z.infer<typeof listQuery>;
const reboundQuery = listQuery.extend({
  /** 1: an operator's name matches across villages and trades too (mostly namesakes in a big township). */
  operatorAnywhere: z.enum(['0', '1'], { message: 'expected 0 or 1' }).optional(),
});

/**
 * The live day for a list asked without `at`: today while the campaign runs, after it the day of
 * the latest record (as the big screen's live mode). The latest record is read once per change.
 */
export function liveDayOf(ctx: AppContext): () => number {
  let known = { version: -1, last: null as number | null };
  return () => {
    if (known.version !== ctx.model.version)
      known = { version: ctx.model.version, last: lastEventDay(ctx.db) };
    return liveDay(todayInChina(), ctx.endDay, known.last);
  };
}

/** One list request: the day, the requester's columns, and the rows the filters keep. */
interface ListScope {
  day: number;
  cols: PremiseColumns;
  keep: RowFilter;
  /** What the filters were, in words, for a download's subtitle. */
  filterText: string[];
}

/**
 * 工作清单: what needs doing on a day — overdue and soon-due orders to rectify, premises that keep
 * failing, closed premises that came back, licences running out. Each list holds only the
 * requester's scope (a village officer's villages, an inspector's trades), takes the filters
 * village, category and department (the trades it regulates), and downloads as CSV or XLSX.
 */
export function worklistRoutes(ctx: AppContext) {
  const today = liveDayOf(ctx);
  // Every premise's contact, normalised, until any of them changes (a trigger counts the changes):
  // reading and normalising them all takes ~0.3 s at 50,000 premises, matching them ~20 ms. Once
  // the rebound list has been asked for, they are read again soon after each change, not on the
  // next request.
  let contacts = { stamp: '', byId: new Map<number, KeyedContact>() };
  const contactsNow = () => {
    const stamp = contactsStamp(ctx.db);
    if (stamp !== contacts.stamp)
      contacts = { stamp, byId: new Map(allContacts(ctx.db).map((c) => [c.id, keyedContact(c)])) };
    return contacts.byId;
  };
  let warming: ReturnType<typeof setTimeout> | undefined;
  ctx.model.onChange(() => {
    if (contacts.stamp === '') return;
    clearTimeout(warming);
    warming = setTimeout(() => {
      if (ctx.db.open) contactsNow();
    }, 1000);
    warming.unref?.();
  });

  const scopeOf = (c: Context<AppEnv>, q: ListQuery): ListScope => {
    const day = q.at === undefined ? today() : (parseDay(q.at) as number);
    const filterText = [`截至 ${formatDay(day)}`];
    const cols = columnsFor(ctx, c.get('scope'));
    let categories: Set<number> | undefined;
    if (q.village !== undefined) {
      const village = getVillage(ctx.db, q.village);
      if (!village) throw notFound(`village ${q.village}`);
      filterText.push(`村社区：${village.name}`);
    }
    if (q.category !== undefined) {
      const index = categoryIndex(q.category);
      if (index < 0) throw notFound(`category ${q.category}`);
      categories = new Set([index]);
      filterText.push(`行业：${CATEGORIES[index].name}`);
    }
    if (q.department !== undefined) {
      const regulated = new Set(departmentCategories(q.department).map(categoryIndex));
      categories = categories ? new Set([...categories].filter((i) => regulated.has(i))) : regulated;
      filterText.push(`部门：${DEPARTMENTS.find((d) => d.code === q.department)?.name ?? q.department}`);
    }
    return { day, cols, keep: rowFilter(cols, { villageId: q.village, categories }), filterText };
  };

  /** The items, their archive number, name and village name filled in, as JSON or a download. */
  const respond = async <T extends WorkItem & { closedPremiseId?: number; closedArchiveNo?: string }>(
    c: Context<AppEnv>,
    key: WorklistKey,
    q: ListQuery,
    s: ListScope,
    items: T[],
  ) => {
    const villageName = new Map(listVillages(ctx.db).map((v) => [v.id, v.name]));
    const ids = new Set<number>();
    for (const i of items) {
      ids.add(i.premiseId);
      if (i.closedPremiseId !== undefined) ids.add(i.closedPremiseId);
    }
    const files = premiseSummaries(ctx.db, [...ids]);
    for (const i of items) {
      i.archiveNo = files.get(i.premiseId)?.archiveNo ?? '';
      i.name = files.get(i.premiseId)?.name ?? '';
      i.village.name = villageName.get(i.village.id) ?? '';
      if (i.closedPremiseId !== undefined) i.closedArchiveNo = files.get(i.closedPremiseId)?.archiveNo ?? '';
    }
    const at = formatDay(s.day);
    if (q.format === undefined || q.format === 'json') {
      return c.json({ list: key, at, total: items.length, items });
    }
    const list = WORKLISTS.find((w) => w.key === key) as (typeof WORKLISTS)[number];
    const fileName = `${list.name}-${at}.${q.format}`;
    const headers = worklistColumns(key);
    const rows = worklistRows(key, items);
    audit(ctx.db, {
      actor: actorName(c),
      action: 'export',
      entity: 'worklist',
      after: {
        list: key,
        format: q.format,
        at,
        village: q.village ?? null,
        category: q.category ?? null,
        department: q.department ?? null,
        count: rows.length,
      },
    });
    const body =
      q.format === 'csv'
        ? new TextEncoder().encode(
            csvText(
              headers.map((h) => h.header),
              rows,
            ),
          )
        : await ledgerXlsx({
            sheetName: list.name,
            title: `${recordName(ctx)}十小整治工作清单：${list.name}`,
            subtitle: [...s.filterText, `共 ${rows.length} 条`].join('；'),
            columns: headers,
            rows,
          });
    return new Response(body as Uint8Array<ArrayBuffer>, {
      headers: {
        'Content-Type':
          q.format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        // header values are Latin-1: an ASCII name for old clients, the Chinese one encoded (RFC 6266)
        'Content-Disposition': `attachment; filename="worklist-${key}-${at}.${q.format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'X-Row-Count': String(rows.length),
        'Cache-Control': 'no-store',
      },
    });
  };

  const ordersOf = (day: number, items: { premiseId: number }[]) =>
    latestOrders(
      ctx.db,
      day,
      items.map((i) => i.premiseId),
    );

  return new Hono<AppEnv>()
    .get('/overdue', validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      const s = scopeOf(c, q);
      const open = openOrders(ctx.db, s.day, Number.MIN_SAFE_INTEGER, s.day - 1);
      return respond(c, 'overdue', q, s, overdueItems(s.cols, s.keep, s.day, open));
    })
    .get('/due-soon', validate('query', windowed(7)), (c) => {
      const q = c.req.valid('query');
      const s = scopeOf(c, q);
      const open = openOrders(ctx.db, s.day, s.day, s.day + q.days);
      s.filterText.push(`${q.days} 天内到期`);
      return respond(c, 'due-soon', q, s, dueSoonItems(s.cols, s.keep, s.day, q.days, open));
    })
    .get('/repeat-failures', validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      const s = scopeOf(c, q);
      const failures = repeatedFailures(ctx.db, s.day, REPEAT_FAILURES);
      const orders = ordersOf(s.day, failures);
      return respond(c, 'repeat-failures', q, s, repeatFailureItems(s.cols, s.keep, s.day, failures, orders));
    })
    .get('/rebound', validate('query', reboundQuery), (c) => {
      const q = c.req.valid('query');
      const s = scopeOf(c, q);
      const byId = contactsNow();
      const { closed, fresh } = reboundCandidates(
        ctx.model.columns,
        s.cols,
        s.keep,
        s.day,
        closures(ctx.db, s.day),
        (id) => byId.get(id),
      );
      const matches = reboundMatches(closed, fresh, {
        operatorAnywhere: q.operatorAnywhere === '1',
      });
      const orders = ordersOf(
        s.day,
        matches.map((m) => ({ premiseId: m.newId })),
      );
      return respond(c, 'rebound', q, s, reboundItems(s.cols, s.day, matches, orders));
    })
    .get('/expiring-licences', validate('query', windowed(30)), (c) => {
      const q = c.req.valid('query');
      const s = scopeOf(c, q);
      const licences = endingLicences(ctx.db, s.day, s.day + q.days);
      const orders = ordersOf(s.day, licences);
      s.filterText.push(`${q.days} 天内到期`);
      return respond(
        c,
        'expiring-licences',
        q,
        s,
        expiringLicenceItems(s.cols, s.keep, s.day, licences, orders),
      );
    });
}
