import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { listEvents, recordEvent } from '../db/premises';
import { parseDay } from '../domain/dates';
import { EVENT_TYPE_KEYS, PROBLEM_KEYS } from '../domain/event-types';
import { LICENCE_CODES } from '../domain/licences';
import type { PremiseEvent } from '../domain/premise-event';
import { ApiError } from '../http/api-error';
import { type AppEnv, actorName, actorOf } from '../http/auth';
import { premiseInScope } from '../http/premise-in-scope';
import { departmentsFor } from '../http/record-guards';
import { idParam, isoDate, validate } from '../http/validate';

const eventBody = z
  .object({
    date: isoDate,
    type: z.enum(EVENT_TYPE_KEYS, { message: `expected one of ${EVENT_TYPE_KEYS.join(', ')}` }),
    problems: z
      .array(z.enum(PROBLEM_KEYS, { message: `expected problems from ${PROBLEM_KEYS.join(', ')}` }))
      .optional(),
    deadline: isoDate.optional(),
    passed: z.boolean().optional(),
    licence: z
      .enum(LICENCE_CODES, { message: `expected a licence from ${LICENCE_CODES.join(', ')}` })
      .optional(),
    licenceNo: z.string().trim().max(64).optional(),
    validTo: isoDate.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if ((e.type === 'licence_obtained' || e.type === 'licence_expired') && !e.licence) {
      ctx.addIssue({
        code: 'custom',
        path: ['licence'],
        message: `a ${e.type} record needs the licence type`,
      });
    }
    if (e.type === 'ordered' && !e.deadline) {
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'an order to rectify needs a deadline' });
    }
    if (e.type === 'reinspected' && e.passed === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['passed'],
        message: 'a re-inspection needs passed: true or false',
      });
    }
    if (e.deadline && e.deadline < e.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['deadline'],
        message: `the deadline ${e.deadline} is before the record date ${e.date}`,
      });
    }
    if (e.validTo && e.validTo < e.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: `validTo ${e.validTo} is before the record date ${e.date}`,
      });
    }
  });

/** Recording supervision events (inspections, orders, licences, outcomes) on a premise's file. */
export function premiseEventRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().post(
    '/:id/events',
    validate('param', z.object({ id: idParam })),
    validate('json', eventBody),
    (c) => {
      const premiseId = premiseInScope(ctx, c, c.req.valid('param').id).id;
      const body = c.req.valid('json');
      const event: PremiseEvent = {
        day: parseDay(body.date) as number,
        type: body.type,
        problems: body.problems,
        deadlineDay: body.deadline ? (parseDay(body.deadline) as number) : undefined,
        passed: body.passed,
        licence: body.licence,
        licenceNo: body.licenceNo,
        validToDay: body.validTo ? (parseDay(body.validTo) as number) : undefined,
        note: body.note,
      };
      const first = listEvents(ctx.db, premiseId)[0];
      if (first && event.day < first.day && body.type !== 'surveyed') {
        throw new ApiError(
          400,
          'bad_request',
          `date: ${body.date} is before this premise was surveyed`,
          undefined,
          `日期：${body.date} 早于该经营户建档日期，请核对日期`,
        );
      }
      const id = ctx.db.transaction(() => {
        const actor = actorOf(c);
        const newId = recordEvent(ctx.db, premiseId, event, {
          actor: actor.username,
          departments: departmentsFor(actor, undefined),
        });
        audit(ctx.db, {
          actor: actorName(c),
          action: 'create',
          entity: 'event',
          entityId: newId,
          after: { premiseId, ...body },
        });
        return newId;
      })();
      ctx.model.refresh(premiseId);
      return c.json({ id, premiseId, ...body }, 201);
    },
  );
}
