import type { AppContext } from '../context';
import type { AuditItem } from '../db/audit';
import type { PhotoRow } from '../db/photos';
import { type EventRecord, listEvents, type PremiseRow } from '../db/premises';
import { personalView } from '../domain/auth/personal-data';
import { DEPARTMENTS, type Role } from '../domain/auth/roles';
import { formatDay, todayInChina } from '../domain/dates';
import { statusAt } from '../domain/status-at';

const optionalDay = (d: number | undefined) => (d === undefined ? undefined : formatDay(d));

/** A record as the API shows it: what happened, who recorded it, which departments took part. */
export function eventView(r: EventRecord, photoIds: readonly number[] = []) {
  return {
    id: r.id,
    date: formatDay(r.day),
    type: r.type,
    problems: r.problems ?? [],
    deadline: optionalDay(r.deadlineDay),
    passed: r.passed,
    licence: r.licence,
    licenceNo: r.licenceNo,
    validTo: optionalDay(r.validToDay),
    note: r.note,
    actor: r.actor,
    departments: r.departments.map((code) => {
      const d = DEPARTMENTS.find((x) => x.code === code);
      return { code, name: d?.name ?? code, nameEn: d?.nameEn ?? code };
    }),
    responsible: r.responsible ?? undefined,
    checklist: r.checklist ?? undefined,
    parentEventId: r.parentEventId ?? undefined,
    clientId: r.clientId ?? undefined,
    recordedAt: r.recordedAt,
    photoIds: [...photoIds],
  };
}

export type EventView = ReturnType<typeof eventView>;

/** The photos of each record, by record id. */
export function photosByEvent(photos: readonly PhotoRow[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const p of photos) if (p.eventId !== null) out.set(p.eventId, [...(out.get(p.eventId) ?? []), p.id]);
  return out;
}

export function photoView(p: PhotoRow) {
  return {
    id: p.id,
    premiseId: p.premiseId,
    eventId: p.eventId,
    mime: p.mime,
    bytes: p.bytes,
    width: p.width,
    height: p.height,
    thumb: { mime: p.thumbMime, width: p.thumbWidth, height: p.thumbHeight },
    uploadedBy: p.uploadedBy,
    createdAt: p.createdAt,
    url: `/api/photos/${p.id}`,
    thumbUrl: `/api/photos/${p.id}/thumb`,
  };
}

/** Where the premise stands today (China's calendar), after the record just made. */
export function stateToday(ctx: AppContext, premise: PremiseRow) {
  const today = todayInChina();
  return { at: formatDay(today), ...statusAt(premise.category, listEvents(ctx.db, premise.id), today) };
}

const PERSONAL = new Set(['operator', 'phone', 'idNumber']);
/** Bookkeeping in audit rows that is not a field of the premise. */
const NOT_FIELDS = new Set(['importId', 'addressPointId', 'premiseId']);

/** A value of an edited field as `role` may see it (personal data masked as in the file). */
function shown(role: Role, field: string, value: unknown): unknown {
  if (!PERSONAL.has(field) || (typeof value !== 'string' && value !== null)) return value;
  const v = value as string | null;
  const masked = personalView(role, { operator: v, phone: v, idNumber: v });
  return masked[field as 'operator' | 'phone' | 'idNumber'];
}

/**
 * The before or after of an audit row as `role` may see it: a premise's personal fields masked as
 * in the file (ID numbers always; full ones only through the logged unmask), anything else as kept.
 */
export function auditValuesAs(role: Role, values: unknown): unknown {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return values;
  return Object.fromEntries(Object.entries(values).map(([field, v]) => [field, shown(role, field, v)]));
}

/** The file's field edits from the audit log: who changed what, from what to what. */
export function fieldEditViews(items: readonly AuditItem[], role: Role) {
  return items.map((item) => {
    const before = (item.before ?? {}) as Record<string, unknown>;
    const after = (item.after ?? {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (f) => !NOT_FIELDS.has(f),
    );
    return {
      at: item.at,
      actor: item.actor,
      action: item.action,
      changes: fields.map((field) => ({
        field,
        before: field in before ? shown(role, field, before[field]) : null,
        after: field in after ? shown(role, field, after[field]) : null,
      })),
    };
  });
}
