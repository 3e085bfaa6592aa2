import type { AppContext } from '../context';
import { getVillage } from '../db/geography';
import { listPhotos } from '../db/photos';
import { premiseFieldEdits } from '../db/premise-history';
import { listEventRecords, type PremiseRow, premiseUpdatedAt } from '../db/premises';
import { personalView } from '../domain/auth/personal-data';
import type { Role } from '../domain/auth/roles';
import { formatDay, parseDay } from '../domain/dates';
import { stateAt, statusAt } from '../domain/status-at';
import { eventView, fieldEditViews, photosByEvent, photoView } from './premise-views';

const NOBODY = { operator: null, phone: null, idNumber: null };

/**
 * The premise file (一户一档) as `role` may see it: its fields (personal data masked as the policy
 * says), licences held on `at` (default: the campaign's end or the last record, whichever is later),
 * its records with who made them and which departments took part, its photos, and the edits of its
 * fields (before → after). `updatedAt` is what an edit sends back as `baseUpdatedAt`.
 */
export function premiseFile(ctx: AppContext, premise: PremiseRow, role: Role, at?: string) {
  const personal = personalView(role, premise);
  const village = getVillage(ctx.db, premise.villageId);
  const records = listEventRecords(ctx.db, premise.id);
  const photos = listPhotos(ctx.db, premise.id);
  const byEvent = photosByEvent(photos);
  const atDay = at ? (parseDay(at) as number) : Math.max(ctx.endDay, records.at(-1)?.day ?? 0);
  const licences = [...stateAt(records, atDay).licences.values()].map((l) => ({
    licence: l.licence,
    licenceNo: l.licenceNo ?? null,
    from: formatDay(l.fromDay),
    to: Number.isFinite(l.toDay) ? formatDay(l.toDay) : null,
  }));
  return {
    id: premise.id,
    archiveNo: premise.archiveNo,
    name: premise.name,
    operator: personal.operator,
    phone: personal.phone,
    idNumber: personal.idNumber,
    address: premise.address,
    village: village ? { id: village.id, code: village.code, name: village.name } : null,
    category: premise.category,
    lngLat: [premise.lng, premise.lat] as [number, number],
    crs: premise.crs,
    geocodeMethod: premise.geocodeMethod,
    keyObject: premise.keyObject,
    areaM2: premise.areaM2,
    staff: premise.staff,
    notes: premise.notes,
    updatedAt: premiseUpdatedAt(ctx.db, premise.id) as string,
    licences,
    // 责任人 is mostly the operator: named as the role sees the operator's name
    events: records.map((r) => {
      const e = eventView(r, byEvent.get(r.id));
      const responsible =
        e.responsible && personalView(role, { ...NOBODY, operator: e.responsible }).operator;
      return { ...e, responsible: responsible ?? undefined };
    }),
    photos: photos.map(photoView),
    edits: fieldEditViews(premiseFieldEdits(ctx.db, premise.id), role),
    ...(at ? { state: { at, ...statusAt(premise.category, records, atDay) } } : {}),
  };
}

export type PremiseFile = ReturnType<typeof premiseFile>;
