import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import type { PremiseRow } from '../db/premises';
import { currentStandard, standardVersion } from '../db/standards';
import { categoryByCode } from '../domain/categories';
import { PROBLEM_KEYS, type Problem } from '../domain/event-types';
import { type ScoredChecklist, scoreChecklist } from '../domain/inspection/score-checklist';
import { ApiError } from '../http/api-error';
import { type AppEnv, actorOf } from '../http/auth';
import { premiseInScope } from '../http/premise-in-scope';
import {
  deadlineDay,
  departmentsField,
  departmentsFor,
  newerRecords,
  offlineFields,
  photoIdsField,
  photosToFile,
  recordDay,
  replayed,
} from '../http/record-guards';
import { type Step, stepAnswer, writeStep } from '../http/record-steps';
import { idParam, validate } from '../http/validate';

const orderField = z
  .object({
    deadline: z.string({ message: 'expected the deadline as YYYY-MM-DD' }),
    responsible: z
      .string({ message: 'expected who answers for the rectification (责任人)' })
      .trim()
      .min(1, 'expected who answers for the rectification (责任人)')
      .max(100),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

const common = {
  date: z.string({ message: 'expected the date as YYYY-MM-DD' }),
  note: z.string().trim().max(2000).optional(),
  photos: photoIdsField,
  departments: departmentsField,
  ...offlineFields,
};

const checked = {
  /** The version of the trade's standard the inspector worked from (default: the current one). */
  standardVersion: z.number({ message: 'expected a version number' }).int().positive().optional(),
  items: z
    .array(
      z
        .object({
          code: z.string({ message: 'expected the item code' }),
          passed: z.boolean({ message: 'expected passed: true or false' }),
          note: z.string().trim().max(500).optional(),
        })
        .strict(),
    )
    .max(200)
    .default([]),
  /** Problems found beyond the failed items. */
  problems: z
    .array(z.enum(PROBLEM_KEYS, { message: `expected problems from ${PROBLEM_KEYS.join(', ')}` }))
    .default([]),
  order: orderField.optional(),
};

const inspectionBody = z.object({ ...common, ...checked }).strict();
const reinspectionBody = z
  .object({ ...common, ...checked, passed: z.boolean({ message: 'expected passed: true or false' }) })
  .strict();
const OUTCOMES = ['upgraded', 'model', 'closed', 'converted'] as const;
const outcomeBody = z
  .object({ ...common, outcome: z.enum(OUTCOMES, { message: `expected one of ${OUTCOMES.join(', ')}` }) })
  .strict();

/** Scores the checklist against the version of the standard used; a 400 for items it does not have. */
function score(
  ctx: AppContext,
  premise: PremiseRow,
  body: { standardVersion?: number; items: z.infer<typeof checked.items>; problems: Problem[] },
): ScoredChecklist {
  const name = categoryByCode(premise.category)?.name ?? premise.category;
  const standard =
    body.standardVersion === undefined
      ? currentStandard(ctx.db, premise.category)
      : standardVersion(ctx.db, premise.category, body.standardVersion);
  if (!standard) {
    throw new ApiError(
      400,
      'bad_request',
      `standardVersion: ${name} has no standard version ${body.standardVersion}`,
      undefined,
      `检查标准：${name}没有第 ${body.standardVersion} 版检查标准；请刷新页面，按当前标准重新检查`,
    );
  }
  const scored = scoreChecklist(standard, body.items, body.problems);
  if (scored.unknown.length > 0) {
    throw new ApiError(
      400,
      'bad_request',
      `items: ${scored.unknown.join(', ')} not in the ${name} standard version ${standard.version}`,
      undefined,
      `检查项：${scored.unknown.join('、')} 不在${name}第 ${standard.version} 版检查标准中；请刷新页面后重新检查`,
    );
  }
  if (scored.repeated.length > 0) {
    throw new ApiError(
      400,
      'bad_request',
      `items: ${scored.repeated.join(', ')} answered twice`,
      undefined,
      `检查项：${scored.repeated.join('、')} 填写了两次，每项只能填写一次`,
    );
  }
  return scored;
}

/** The order to rectify issued with a step, checked: a deadline on or after the step's day, and who answers for it. */
function orderStep(
  order: z.infer<typeof orderField>,
  day: number,
  departments: Step['meta']['departments'],
): Step {
  return {
    event: {
      day,
      type: 'ordered',
      deadlineDay: deadlineDay('order.deadline', order.deadline, day),
      note: order.note,
    },
    meta: { departments, responsible: order.responsible },
  };
}

/**
 * The rectification workflow on a premise's file: inspection (against its trade's standard, with an
 * order to rectify when problems are found) → re-inspection (passed, or failed with a new order) →
 * outcome (upgraded, model site, closed, converted). Each step is a record with its date, actor and
 * departments; a phone's step sent twice (same clientId) is recorded once, and a step based on an
 * old copy of the file is recorded and answered with what the phone did not know (conflict.newer).
 */
export function inspectionRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post(
      '/:id/inspections',
      validate('param', z.object({ id: idParam })),
      validate('json', inspectionBody),
      (c) => {
        const premise = premiseInScope(ctx, c, c.req.valid('param').id);
        const body = c.req.valid('json');
        const again = replayed(ctx, premise.id, body.clientId, ['inspected']);
        if (again) return c.json(stepAnswer(ctx, premise, again, { replayed: true }), 200);
        const day = recordDay(ctx, premise.id, 'date', body.date);
        const scored = score(ctx, premise, body);
        const problems = scored.problems;
        if (problems.length > 0 && !body.order) {
          throw new ApiError(
            400,
            'bad_request',
            `order: problems were found (${problems.join(', ')}); an inspection that finds problems issues an order to rectify: give order.deadline and order.responsible`,
            undefined,
            `整改通知：检查发现问题（${problems.join('、')}），须下达整改通知；请填写整改期限和责任人`,
          );
        }
        if (problems.length === 0 && body.order) {
          throw new ApiError(
            400,
            'bad_request',
            'order: nothing was found wrong, so there is nothing to order rectified',
            undefined,
            '整改通知：检查未发现问题，无需下达整改通知；请去掉整改通知',
          );
        }
        const actor = actorOf(c);
        const departments = departmentsFor(actor, body.departments);
        const photos = photosToFile(ctx, premise.id, body.photos);
        const newer = newerRecords(ctx, premise.id, body.basedOnEventId);
        const main: Step = {
          event: { day, type: 'inspected', problems, note: body.note },
          meta: { departments, checklist: scored.checklist, clientId: body.clientId },
        };
        const order = body.order ? orderStep(body.order, day, departments) : null;
        const record = writeStep(ctx, premise.id, actor.username, main, order, photos, actor);
        return c.json(stepAnswer(ctx, premise, record, { newer }), 201);
      },
    )
    .post(
      '/:id/reinspections',
      validate('param', z.object({ id: idParam })),
      validate('json', reinspectionBody),
      (c) => {
        const premise = premiseInScope(ctx, c, c.req.valid('param').id);
        const body = c.req.valid('json');
        const again = replayed(ctx, premise.id, body.clientId, ['reinspected']);
        if (again) return c.json(stepAnswer(ctx, premise, again, { replayed: true }), 200);
        const day = recordDay(ctx, premise.id, 'date', body.date);
        const scored = score(ctx, premise, body);
        if (body.passed && scored.problems.length > 0) {
          throw new ApiError(
            400,
            'bad_request',
            `passed: a re-inspection that passed cannot find problems (${scored.problems.join(', ')})`,
            undefined,
            `复查结果：复查发现了问题（${scored.problems.join('、')}），不能判为复查通过；请改为复查未通过并下达整改通知`,
          );
        }
        if (!body.passed && !body.order) {
          throw new ApiError(
            400,
            'bad_request',
            'order: a failed re-inspection issues a new order to rectify: give order.deadline and order.responsible',
            undefined,
            '整改通知：复查未通过须重新下达整改通知；请填写整改期限和责任人',
          );
        }
        if (body.passed && body.order) {
          throw new ApiError(
            400,
            'bad_request',
            'order: the re-inspection passed, so there is nothing to order rectified',
            undefined,
            '整改通知：复查已通过，无需下达整改通知；请去掉整改通知',
          );
        }
        const actor = actorOf(c);
        const departments = departmentsFor(actor, body.departments);
        const photos = photosToFile(ctx, premise.id, body.photos);
        const newer = newerRecords(ctx, premise.id, body.basedOnEventId);
        const main: Step = {
          event: {
            day,
            type: 'reinspected',
            passed: body.passed,
            problems: scored.problems,
            note: body.note,
          },
          meta: {
            departments,
            checklist: body.items.length > 0 ? scored.checklist : null,
            clientId: body.clientId,
          },
        };
        const order = body.order ? orderStep(body.order, day, departments) : null;
        const record = writeStep(ctx, premise.id, actor.username, main, order, photos, actor);
        return c.json(stepAnswer(ctx, premise, record, { newer }), 201);
      },
    )
    .post(
      '/:id/outcomes',
      validate('param', z.object({ id: idParam })),
      validate('json', outcomeBody),
      (c) => {
        const premise = premiseInScope(ctx, c, c.req.valid('param').id);
        const body = c.req.valid('json');
        const again = replayed(ctx, premise.id, body.clientId, OUTCOMES);
        if (again) return c.json(stepAnswer(ctx, premise, again, { replayed: true }), 200);
        const day = recordDay(ctx, premise.id, 'date', body.date);
        const actor = actorOf(c);
        const photos = photosToFile(ctx, premise.id, body.photos);
        const newer = newerRecords(ctx, premise.id, body.basedOnEventId);
        const main: Step = {
          event: { day, type: body.outcome, note: body.note },
          meta: { departments: departmentsFor(actor, body.departments), clientId: body.clientId },
        };
        const record = writeStep(ctx, premise.id, actor.username, main, null, photos, actor);
        return c.json(stepAnswer(ctx, premise, record, { newer }), 201);
      },
    );
}
