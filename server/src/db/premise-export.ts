import type { CategoryCode } from '../domain/categories';
import type { EventType, Problem } from '../domain/event-types';
import type { LicenceType } from '../domain/licences';
import type { PremiseEvent } from '../domain/premise-event';
import type { Db } from './open-database';
import type { GeocodeMethod, PremiseRow } from './premises';

/** A premise with its village and its records, as an export needs it. */
export interface PremiseForExport {
  premise: PremiseRow & { villageName: string; villageCode: string };
  /** Sorted by day, then as recorded. */
  events: PremiseEvent[];
}

/**
 * Streams every premise (optionally of one village / one category / with an id in `fromId..toId`)
 * with its village and events, in id order, through one cursor.
 */
export function* streamPremisesForExport(
  db: Db,
  filter: { villageId?: number; category?: string; fromId?: number; toId?: number } = {},
): Generator<PremiseForExport> {
  const rows = db
    .prepare(
      `SELECT p.id, p.archive_no, p.name, p.operator, p.phone, p.id_number, p.address, p.village_id, p.category,
              p.lng, p.lat, p.crs, p.geocode_method, p.key_object, p.area_m2, p.staff, p.notes, v.name, v.code,
              e.day, e.type, e.licence, e.licence_no, e.valid_to_day, e.passed, e.problems, e.deadline_day
       FROM premises p JOIN villages v ON v.id = p.village_id
       LEFT JOIN events e ON e.premise_id = p.id
       WHERE (? IS NULL OR p.village_id = ?) AND (? IS NULL OR p.category = ?)
         AND p.id BETWEEN ? AND ?
       ORDER BY p.id, e.day, e.id`,
    )
    .raw()
    .iterate(
      filter.villageId ?? null,
      filter.villageId ?? null,
      filter.category ?? null,
      filter.category ?? null,
      filter.fromId ?? 0,
      filter.toId ?? Number.MAX_SAFE_INTEGER,
    ) as IterableIterator<unknown[]>;
  let current: PremiseForExport | null = null;
  for (const r of rows) {
    const id = Number(r[0]);
    if (!current || current.premise.id !== id) {
      if (current) yield current;
      current = {
        premise: {
          id,
          archiveNo: String(r[1]),
          name: String(r[2]),
          operator: r[3] as string | null,
          phone: r[4] as string | null,
          idNumber: r[5] as string | null,
          address: String(r[6]),
          villageId: Number(r[7]),
          category: r[8] as CategoryCode,
          lng: Number(r[9]),
          lat: Number(r[10]),
          crs: String(r[11]),
          geocodeMethod: r[12] as GeocodeMethod,
          keyObject: r[13] === 1,
          areaM2: r[14] as number | null,
          staff: r[15] as number | null,
          notes: r[16] as string | null,
          villageName: String(r[17]),
          villageCode: String(r[18]),
        },
        events: [],
      };
    }
    if (r[19] !== null) {
      const e: PremiseEvent = { day: Number(r[19]), type: r[20] as EventType };
      if (r[21]) e.licence = r[21] as LicenceType;
      if (r[22]) e.licenceNo = String(r[22]);
      if (r[23] !== null) e.validToDay = Number(r[23]);
      if (r[24] !== null) e.passed = r[24] === 1;
      if (r[25]) e.problems = String(r[25]).split(';') as Problem[];
      if (r[26] !== null) e.deadlineDay = Number(r[26]);
      current.events.push(e);
    }
  }
  if (current) yield current;
}
