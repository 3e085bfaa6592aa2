import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { getVillage } from '../db/geography';
import { getPremise, listEvents } from '../db/premises';
import { formatDay, parseDay } from '../domain/dates';
import { maskIdNumber } from '../domain/mask';
import { stateAt, statusAt } from '../domain/status-at';
import { notFound } from '../http/api-error';
import { idParam, isoDate, validate } from '../http/validate';

const optionalDay = (d: number | undefined) => (d === undefined ? undefined : formatDay(d));

export function premiseRoutes(ctx: AppContext) {
  return new Hono().get(
    '/:id',
    validate('param', z.object({ id: idParam })),
    validate('query', z.object({ at: isoDate.optional() })),
    (c) => {
      const premise = getPremise(ctx.db, c.req.valid('param').id);
      if (!premise) throw notFound('premise');
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
        operator: premise.operator,
        phone: premise.phone,
        idNumber: maskIdNumber(premise.idNumber),
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
  );
}
