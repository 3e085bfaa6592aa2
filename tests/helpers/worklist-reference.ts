import type { Db } from '../../server/src/db/open-database';
import { getPremise, streamPremiseInputs } from '../../server/src/db/premises';
import { categoryByCode } from '../../server/src/domain/categories';
import { SIMILAR_ADDRESS } from '../../server/src/domain/import/find-duplicates';
import { addressSimilarity } from '../../server/src/domain/import/text-similarity';
import { applyEvent, initialState } from '../../server/src/domain/status-at';

/**
 * The work lists computed the slow, obvious way, for tests: every premise's records walked one by
 * one up to the day with the status fold (status-at.ts), no SQL, no intervals, no indexes, every
 * pair of closed and new premises compared (an address only with one in the same village, an
 * operator's name with one in the same village or trade unless `operatorAnywhere`).
 */
export interface ReferenceLists {
  overdue: { premiseId: number; orderedOn: number; deadline: number; daysOverdue: number }[];
  dueSoon: { premiseId: number; deadline: number; daysLeft: number }[];
  repeatFailures: { premiseId: number; failures: number; lastFailedOn: number }[];
  expiring: { premiseId: number; licence: string; validTo: number }[];
  rebound: { premiseId: number; closedPremiseId: number; matchedOn: string }[];
}

const ANSWERS_ORDER = new Set(['reinspected', 'upgraded', 'model', 'closed', 'converted']);
const plain = (s: string | null) => (s ?? '').normalize('NFKC').replace(/\s/g, '');
const dialled = (s: string | null) => plain(s).replace(/[-‐‑–—]/g, '');

export function referenceLists(
  db: Db,
  day: number,
  opts: {
    dueDays: number;
    licenceDays: number;
    keep?: (p: { villageId: number; category: string }) => boolean;
    operatorAnywhere?: boolean;
  },
): ReferenceLists {
  const out: ReferenceLists = { overdue: [], dueSoon: [], repeatFailures: [], expiring: [], rebound: [] };
  const closed: { id: number; closedOn: number }[] = [];
  const fresh: { id: number; surveyedOn: number }[] = [];
  for (const p of streamPremiseInputs(db)) {
    const state = initialState();
    let order: { orderedOn: number; deadline: number | null; open: boolean } | null = null;
    let failures = 0;
    let lastFailedOn = 0;
    let closedOn: number | null = null;
    let surveyedOn: number | null = null;
    for (const e of p.events) {
      if (e.day > day) break;
      applyEvent(state, e);
      if (surveyedOn === null && state.status !== null) surveyedOn = e.day;
      if (e.type === 'ordered') order = { orderedOn: e.day, deadline: e.deadlineDay ?? null, open: true };
      else if (ANSWERS_ORDER.has(e.type) && order) order.open = false;
      if (e.type === 'reinspected' && e.passed === false) {
        failures++;
        lastFailedOn = e.day;
      }
      if (e.type === 'closed' || e.type === 'converted') closedOn = e.day;
    }
    const status = state.status;
    if ((status === 'closed' || status === 'converted') && closedOn !== null)
      closed.push({ id: p.id, closedOn });
    if (opts.keep && !opts.keep({ villageId: p.villageId, category: p.category })) continue;
    if (surveyedOn !== null) fresh.push({ id: p.id, surveyedOn });
    if (order?.open && order.deadline !== null) {
      if (order.deadline < day)
        out.overdue.push({
          premiseId: p.id,
          orderedOn: order.orderedOn,
          deadline: order.deadline,
          daysOverdue: day - order.deadline,
        });
      else if (order.deadline <= day + opts.dueDays)
        out.dueSoon.push({ premiseId: p.id, deadline: order.deadline, daysLeft: order.deadline - day });
    }
    if (failures >= 2 && (status === 'pending' || status === 'rectifying'))
      out.repeatFailures.push({ premiseId: p.id, failures, lastFailedOn });
    const operating = status !== null && status !== 'closed' && status !== 'converted';
    if (operating && categoryByCode(p.category)) {
      for (const held of state.licences.values()) {
        if (held.fromDay <= day && day <= held.toDay && held.toDay <= day + opts.licenceDays)
          out.expiring.push({ premiseId: p.id, licence: held.licence, validTo: held.toDay });
      }
    }
  }
  const files = new Map<number, ReturnType<typeof getPremise>>();
  const file = (id: number) => {
    if (!files.has(id)) files.set(id, getPremise(db, id));
    return files.get(id);
  };
  for (const n of fresh) {
    if (n.surveyedOn > day) continue;
    for (const c of closed) {
      if (c.id === n.id || n.surveyedOn <= c.closedOn) continue;
      const np = file(n.id);
      const cp = file(c.id);
      if (!np || !cp) continue;
      const same: string[] = [];
      const near = opts.operatorAnywhere || np.villageId === cp.villageId || np.category === cp.category;
      if (plain(np.operator) && plain(np.operator) === plain(cp.operator) && near) same.push('operator');
      if (dialled(np.phone) && dialled(np.phone) === dialled(cp.phone)) same.push('phone');
      if (np.villageId === cp.villageId && addressSimilarity(np.address, cp.address) >= SIMILAR_ADDRESS)
        same.push('address');
      if (same.length > 0) out.rebound.push({ premiseId: n.id, closedPremiseId: c.id, matchedOn: same[0] });
    }
  }
  return out;
}
