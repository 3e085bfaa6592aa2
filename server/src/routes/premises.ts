import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { getVillage } from '../db/geography';
import { listEvents } from '../db/premises';
import { personalView } from '../domain/auth/personal-data';
import { formatDay, parseDay } from '../domain/dates';
import { stateAt, statusAt } from '../domain/status-at';
import { type AppEnv, actorName, actorOf } from '../http/auth';
import { premiseInScope } from '../http/premise-in-scope';
import { idParam, isoDate, validate } from '../http/validate';

const optionalDay = (d: number | undefined) => (d === undefined ? undefined : formatDay(d));

/**
 * The premise file (一户一档): what the premise is, its licences and records. Personal data as the
 * role may see it; the full ID number only through unmask, which the audit log records.
 */
export function premiseRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get(
      '/:id',
      validate('param', z.object({ id: idParam })),
      validate('query', z.object({ at: isoDate.optional() })),
      (c) => {
        const premise = premiseInScope(ctx, c, c.req.valid('param').id);
        const personal = personalView(actorOf(c).role, premise);
        const village = getVillage(ctx.db, premise.villageId);
        const events = listEvents(ctx.db, premise.id);
        const { at } = c.req.valid('query');
        const atDay = at ? (parseDay(at) as number) : Math.max(ctx.endDay, events.at(-1)?.day ?? 0);
        const licences = [...stateAt(events, atDay).licences.values()].map((l) => ({
          licence: l.licence,
          licenceNo: l.licenceNo ?? null,
          from: formatDay(l.fromDay),
          to: Number.isFinite(l.toDay) ? formatDay(l.toDay) : null,
        }));
        return c.json({
          id: premise.id,
          archiveNo: premise.archiveNo,
          name: premise.name,
          operator: personal.operator,
          phone: personal.phone,
          idNumber: personal.idNumber,
          address: premise.address,
          village: village ? { id: village.id, code: village.code, name: village.name } : null,
          category: premise.category,
          lngLat: [premise.lng, premise.lat],
          crs: premise.crs,
          geocodeMethod: premise.geocodeMethod,
          keyObject: premise.keyObject,
          areaM2: premise.areaM2,
          staff: premise.staff,
          notes: premise.notes,
          licences,
          events: events.map((e) => ({
            id: e.id,
            date: formatDay(e.day),
            type: e.type,
            problems: e.problems ?? [],
            deadline: optionalDay(e.deadlineDay),
            passed: e.passed,
            licence: e.licence,
            licenceNo: e.licenceNo,
            validTo: optionalDay(e.validToDay),
            note: e.note,
          })),
          ...(at ? { state: { at, ...statusAt(premise.category, events, atDay) } } : {}),
        });
      },
    )
    .post('/:id/unmask', validate('param', z.object({ id: idParam })), (c) => {
      const premise = premiseInScope(ctx, c, c.req.valid('param').id);
      // Who saw whose full personal data, and when, is itself on the record.
      audit(ctx.db, { actor: actorName(c), action: 'unmask', entity: 'premise', entityId: premise.id });
      return c.json({
        id: premise.id,
        operator: premise.operator,
        phone: premise.phone,
        idNumber: premise.idNumber,
      });
    });
}
