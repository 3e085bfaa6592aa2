import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { listEvents } from '../db/premises';
import { categoryByCode } from '../domain/categories';
import { formatDay, parseDay, todayInChina } from '../domain/dates';
import { surveyDayOf } from '../domain/inspection/record-date';
import { LICENCE_CODES, LICENCE_TYPES } from '../domain/licences';
import { stateAt } from '../domain/status-at';
import { ApiError } from '../http/api-error';
import { type AppEnv, actorOf } from '../http/auth';
import { premiseInScope } from '../http/premise-in-scope';
import { departmentsFor, newerRecords, offlineFields, recordDay, replayed } from '../http/record-guards';
import { stepAnswer, writeStep } from '../http/record-steps';
import { badDate, idParam, validate } from '../http/validate';

const licenceCode = z.enum(LICENCE_CODES, { message: `expected a licence from ${LICENCE_CODES.join(', ')}` });

const addBody = z
  .object({
    licence: licenceCode,
    licenceNo: z
      .string({ message: 'expected the licence number' })
      .trim()
      .min(1, 'expected the licence number')
      .max(64, 'a licence number has at most 64 characters'),
    validFrom: z.string({ message: 'expected the first valid day as YYYY-MM-DD' }),
    /** Omitted: valid without end (长期). */
    validTo: z.string().optional(),
    note: z.string().trim().max(2000).optional(),
    ...offlineFields,
  })
  .strict();

const endBody = z
  .object({
    date: z.string({ message: 'expected the date as YYYY-MM-DD' }),
    note: z.string().trim().max(2000).optional(),
    ...offlineFields,
  })
  .strict();

const realDay = (field: string, text: string) => {
  const day = parseDay(text);
  if (day === null) throw badDate(field);
  return day;
};

/**
 * Licences on a premise's file, checked as the import checks them: a licence its trade needs, a
 * number of at most 64 characters, a period whose end is after its start. A licence valid from
 * before the survey is recorded on the survey day with a note of its real start, as the import does.
 */
export function premiseLicenceRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/:id/licences', validate('param', z.object({ id: idParam })), validate('json', addBody), (c) => {
      const premise = premiseInScope(ctx, c, c.req.valid('param').id);
      const body = c.req.valid('json');
      const again = replayed(ctx, premise.id, body.clientId, ['licence_obtained']);
      if (again) return c.json(stepAnswer(ctx, premise, again, { replayed: true }), 200);
      const category = categoryByCode(premise.category);
      if (category && !category.licences.includes(body.licence)) {
        const names = category.licences.map((l) => `${l} (${LICENCE_TYPES.find((t) => t.code === l)?.name})`);
        throw new ApiError(
          400,
          'bad_request',
          `licence: a ${category.name} needs ${names.join(', ')}, not ${body.licence}`,
          undefined,
          `证照：${category.name}应办理的是${category.licences.map((l) => LICENCE_TYPES.find((t) => t.code === l)?.name ?? l).join('、')}，不是 ${body.licence}；请重新选择证照类型`,
        );
      }
      const from = realDay('validFrom', body.validFrom);
      const to = body.validTo === undefined ? undefined : realDay('validTo', body.validTo);
      if (from > todayInChina()) {
        throw new ApiError(
          400,
          'bad_request',
          `validFrom: ${body.validFrom} is in the future; record a licence once it is issued`,
          undefined,
          `发证日期：${body.validFrom} 晚于今天；请在证照核发后再登记`,
        );
      }
      if (to !== undefined && to < from) {
        throw new ApiError(
          400,
          'bad_request',
          `validTo: ${body.validTo} is before validFrom ${body.validFrom}`,
          undefined,
          `有效期至：${body.validTo} 早于发证日期 ${body.validFrom}，请核对证照上的日期`,
        );
      }
      const surveyDay = surveyDayOf(listEvents(ctx.db, premise.id)) ?? from;
      const day = Math.max(from, surveyDay);
      const note = [from < surveyDay ? `有效期自 ${formatDay(from)}` : '', body.note ?? '']
        .filter(Boolean)
        .join('；');
      const actor = actorOf(c);
      const newer = newerRecords(ctx, premise.id, body.basedOnEventId);
      const record = writeStep(
        ctx,
        premise.id,
        actor.username,
        {
          event: {
            day,
            type: 'licence_obtained',
            licence: body.licence,
            licenceNo: body.licenceNo,
            validToDay: to,
            note: note || undefined,
          },
          meta: { departments: departmentsFor(actor, undefined), clientId: body.clientId },
        },
        null,
        [],
      );
      return c.json(stepAnswer(ctx, premise, record, { newer }), 201);
    })
    .post(
      '/:id/licences/:licence/end',
      validate('param', z.object({ id: idParam, licence: licenceCode })),
      validate('json', endBody),
      (c) => {
        const { id, licence } = c.req.valid('param');
        const premise = premiseInScope(ctx, c, id);
        const body = c.req.valid('json');
        const again = replayed(ctx, premise.id, body.clientId, ['licence_expired']);
        if (again) return c.json(stepAnswer(ctx, premise, again, { replayed: true }), 200);
        const day = recordDay(ctx, premise.id, 'date', body.date);
        const held = stateAt(listEvents(ctx.db, premise.id), day).licences.get(licence);
        if (!held || held.toDay < day) {
          throw new ApiError(
            409,
            'not_held',
            `licence: premise ${premise.id} holds no valid ${licence} licence on ${body.date}`,
            undefined,
            `证照：经营户 ${premise.id} 在 ${body.date} 没有有效的${LICENCE_TYPES.find((t) => t.code === licence)?.name ?? licence}，不能登记其失效；请核对证照和日期`,
          );
        }
        const actor = actorOf(c);
        const newer = newerRecords(ctx, premise.id, body.basedOnEventId);
        const record = writeStep(
          ctx,
          premise.id,
          actor.username,
          {
            event: { day, type: 'licence_expired', licence, licenceNo: held.licenceNo, note: body.note },
            meta: { departments: departmentsFor(actor, undefined), clientId: body.clientId },
          },
          null,
          [],
        );
        return c.json(stepAnswer(ctx, premise, record, { newer }), 201);
      },
    );
}
