import { CATEGORY_CODES, type CategoryCode } from '../categories';
import { formatDay } from '../dates';
import type { LicenceType } from '../licences';
import type { PremiseColumns } from '../premise-columns';
import { NOT_OPERATING, type Status } from '../statuses';
import { firstDayOnMap, statusOnDay } from './premise-on-day';
import type { KeyedContact, MatchField, ReboundMatch } from './rebound-matches';

/** A premise's latest order to rectify on a day, and whether nothing has answered it since. */
export interface OrderFacts {
  orderedOn: number;
  deadline: number | null;
  open: boolean;
}

/**
 * What every work list says of a premise. The premise's archive number and name and its village's
 * name are the record's, not the columns': they are left empty here for the route to fill in.
 */
export interface WorkItem {
  premiseId: number;
  archiveNo: string;
  name: string;
  village: { id: number; name: string };
  category: CategoryCode;
  status: Status | null;
  /** The latest order to rectify on or before the day, or null. */
  orderedOn: string | null;
  deadline: string | null;
  /** Days past the deadline of that order if it is still open; 0 otherwise. */
  daysOverdue: number;
}

/** The rows a list may hold: in the requester's (scoped) columns and through the filters. */
export type RowFilter = (row: number) => boolean;

/** The village, trade (category indices) and department filters as one row test. */
export function rowFilter(
  cols: PremiseColumns,
  f: { villageId?: number; categories?: ReadonlySet<number> },
): RowFilter {
  return (row) =>
    (f.villageId === undefined || cols.villageId[row] === f.villageId) &&
    (f.categories === undefined || f.categories.has(cols.category[row]));
}

function item(cols: PremiseColumns, row: number, day: number, order: OrderFacts | undefined): WorkItem {
  const overdue = order?.open && order.deadline !== null && order.deadline < day;
  return {
    premiseId: cols.id[row],
    archiveNo: '',
    name: '',
    village: { id: cols.villageId[row], name: '' },
    category: CATEGORY_CODES[cols.category[row]],
    status: statusOnDay(cols, row, day),
    orderedOn: order ? formatDay(order.orderedOn) : null,
    deadline: order?.deadline != null ? formatDay(order.deadline) : null,
    daysOverdue: overdue ? day - (order.deadline as number) : 0,
  };
}

/** Rows of `ids` that are in the columns and pass the filter, with the value each id came with. */
function* kept<T extends { premiseId: number }>(cols: PremiseColumns, keep: RowFilter, facts: Iterable<T>) {
  for (const f of facts) {
    const row = cols.rowOf.get(f.premiseId);
    if (row !== undefined && keep(row)) yield { row, f };
  }
}

const operating = (s: Status | null) => s !== null && !NOT_OPERATING.includes(s);

/** 逾期未复查: open orders whose deadline is before `day`, longest overdue first. */
export function overdueItems(
  cols: PremiseColumns,
  keep: RowFilter,
  day: number,
  open: Iterable<{ premiseId: number; orderedOn: number; deadline: number }>,
): WorkItem[] {
  const out: WorkItem[] = [];
  for (const { row, f } of kept(cols, keep, open)) {
    if (f.deadline < day) out.push(item(cols, row, day, { ...f, open: true }));
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.premiseId - b.premiseId);
}

/** 即将到期: open orders due from `day` to `day + days`, soonest first. */
export function dueSoonItems(
  cols: PremiseColumns,
  keep: RowFilter,
  day: number,
  days: number,
  open: Iterable<{ premiseId: number; orderedOn: number; deadline: number }>,
): (WorkItem & { daysLeft: number })[] {
  const out: (WorkItem & { daysLeft: number })[] = [];
  for (const { row, f } of kept(cols, keep, open)) {
    if (f.deadline >= day && f.deadline <= day + days)
      out.push(Object.assign(item(cols, row, day, { ...f, open: true }), { daysLeft: f.deadline - day }));
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.premiseId - b.premiseId);
}

/**
 * 屡次整改仍达不到要求: premises failed at re-inspection at least twice and still not up to standard
 * on `day` (pending or rectifying — not since put right, closed or converted). Most failures first.
 */
export function repeatFailureItems(
  cols: PremiseColumns,
  keep: RowFilter,
  day: number,
  failures: Iterable<{ premiseId: number; failures: number; lastFailedOn: number }>,
  orders: ReadonlyMap<number, OrderFacts>,
): (WorkItem & { failures: number; lastFailedOn: string })[] {
  const out: (WorkItem & { failures: number; lastFailedOn: string })[] = [];
  for (const { row, f } of kept(cols, keep, failures)) {
    const base = item(cols, row, day, orders.get(f.premiseId));
    if (base.status !== 'pending' && base.status !== 'rectifying') continue;
    out.push(Object.assign(base, { failures: f.failures, lastFailedOn: formatDay(f.lastFailedOn) }));
  }
  return out.sort(
    (a, b) =>
      b.failures - a.failures || b.lastFailedOn.localeCompare(a.lastFailedOn) || a.premiseId - b.premiseId,
  );
}

/** 证照即将到期: licences of operating premises valid on `day` that end within the window, soonest first. */
export function expiringLicenceItems(
  cols: PremiseColumns,
  keep: RowFilter,
  day: number,
  licences: Iterable<{ premiseId: number; licence: LicenceType; licenceNo: string | null; validTo: number }>,
  orders: ReadonlyMap<number, OrderFacts>,
): (WorkItem & { licence: LicenceType; licenceNo: string | null; validTo: string; daysLeft: number })[] {
  const out: (WorkItem & {
    licence: LicenceType;
    licenceNo: string | null;
    validTo: string;
    daysLeft: number;
  })[] = [];
  for (const { row, f } of kept(cols, keep, licences)) {
    const base = item(cols, row, day, orders.get(f.premiseId));
    if (!operating(base.status)) continue;
    out.push(
      Object.assign(base, {
        licence: f.licence,
        licenceNo: f.licenceNo,
        validTo: formatDay(f.validTo),
        daysLeft: f.validTo - day,
      }),
    );
  }
  return out.sort(
    (a, b) => a.daysLeft - b.daysLeft || a.premiseId - b.premiseId || a.licence.localeCompare(b.licence),
  );
}

/**
 * Who may have come back (回潮): the premises closed or converted on `day` (anywhere: an operator
 * closed in one village may reopen in the next), with the day of that closure; and the premises of
 * the list's rows that came onto the map after the earliest of those closures, on or before `day` —
 * each with its contact, for reboundMatches.
 */
export function reboundCandidates(
  all: PremiseColumns,
  cols: PremiseColumns,
  keep: RowFilter,
  day: number,
  closedOn: ReadonlyMap<number, number>,
  contactOf: (id: number) => KeyedContact | undefined,
): {
  closed: { contact: KeyedContact; closedOn: number }[];
  fresh: { contact: KeyedContact; surveyedOn: number }[];
} {
  const closed: { contact: KeyedContact; closedOn: number }[] = [];
  let earliest = Number.POSITIVE_INFINITY;
  for (const [id, on] of closedOn) {
    const row = all.rowOf.get(id);
    const contact = contactOf(id);
    if (row === undefined || contact === undefined) continue;
    const status = statusOnDay(all, row, day);
    if (status !== 'closed' && status !== 'converted') continue; // reopened since
    closed.push({ contact, closedOn: on });
    earliest = Math.min(earliest, on);
  }
  const fresh: { contact: KeyedContact; surveyedOn: number }[] = [];
  for (let row = 0; row < cols.count; row++) {
    const first = firstDayOnMap(cols, row);
    if (first === null || first <= earliest || first > day || !keep(row)) continue;
    const contact = contactOf(cols.id[row]);
    if (contact) fresh.push({ contact, surveyedOn: first });
  }
  return { closed, fresh };
}

/** The rebound list's items: one per pair, the new premise as the item (it is where the work is). */
export function reboundItems(
  cols: PremiseColumns,
  day: number,
  matches: readonly ReboundMatch[],
  orders: ReadonlyMap<number, OrderFacts>,
): (WorkItem & {
  surveyedOn: string;
  closedPremiseId: number;
  closedArchiveNo: string;
  closedOn: string;
  matchedOn: MatchField;
  matches: MatchField[];
  newPremiseId: number;
})[] {
  return matches.flatMap((m) => {
    const row = cols.rowOf.get(m.newId);
    if (row === undefined) return [];
    return [
      Object.assign(item(cols, row, day, orders.get(m.newId)), {
        newPremiseId: m.newId,
        surveyedOn: formatDay(m.surveyedOn),
        closedPremiseId: m.closedId,
        closedArchiveNo: '',
        closedOn: formatDay(m.closedOn),
        matchedOn: m.matchedOn,
        matches: m.matches,
      }),
    ];
  });
}
