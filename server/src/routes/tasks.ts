import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppContext } from '../context';
import { getArea } from '../db/areas';
import { listTownships } from '../db/geography';
import {
  closeTask,
  eventOfPremise,
  getTask,
  insertTasks,
  listTasks,
  TASK_STATUSES,
  type TaskOrigin,
  type TaskRow,
} from '../db/tasks';
import { areaShape } from '../domain/areas/area-stats';
import { validatePolygon } from '../domain/areas/polygon-validation';
import { premisesInside } from '../domain/areas/premises-inside';
import { grant, inScope, type Scope } from '../domain/auth/policy';
import { CATEGORY_CODES, type CategoryCode } from '../domain/categories';
import { parseDay } from '../domain/dates';
import { ApiError, notFound } from '../http/api-error';
import { type AppEnv, actorOf } from '../http/auth';
import { polygonProblemsZh } from '../http/polygon-refusal';
import { idParam, isoDate, validate } from '../http/validate';
import { columnsFor } from '../scoped-columns';
import { asks, assigneeBody, assigneeFilter, resolveAssignee, taskJson } from './task-assignees';
import { liveDayOf } from './worklists';

/** At most this many tasks in one dispatch (a whole township at once is a campaign, not a task). */
const MAX_TASKS = 5000;

const createBody = z
  .object({
    premises: z.array(z.number().int().positive()).min(1).max(MAX_TASKS).optional(),
    area: z.number().int().positive().optional(),
    geometry: z.unknown().optional(),
    at: isoDate.optional(),
    assignee: assigneeBody,
    due: isoDate,
    note: z.string().trim().max(2000, 'at most 2,000 characters').default(''),
  })
  .strict()
  .superRefine((b, ctx) => {
    const given = [b.premises, b.area, b.geometry].filter((v) => v !== undefined).length;
    if (given !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['premises'],
        message: 'give exactly one of premises (ids), area (a saved key area) or geometry (a drawn shape)',
      });
  });

const updateBody = z
  .object({
    status: z.enum(['done', 'cancelled'], { message: 'expected done or cancelled' }),
    eventId: z.number().int().positive().optional(),
  })
  .strict();

const listQuery = z.object({
  status: z.enum(TASK_STATUSES, { message: 'expected open, done or cancelled' }).optional(),
  assignee: z
    .string()
    .regex(/^(user|department|village):.+$/, 'expected user:NAME, department:CODE or village:ID')
    .optional(),
  premise: idParam.optional(),
  draw: idParam.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_TASKS).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * Tasks (任务): a department, a village or a person asked to inspect one premise by a due date —
 * given from a list of premises, a saved key area or a drawn shape, one task per premise; each
 * person's phone lists what it asks of them; the assignee (or a dispatcher) closes it.
 */
export function taskRoutes(ctx: AppContext) {
  const today = liveDayOf(ctx);

  const scopeLists = (scope: Scope) => ({
    villages: scope.villages ? [...scope.villages] : null,
    categories: scope.categories ? [...scope.categories] : null,
  });

  /** The premises a dispatch is about, each with its village and trade, within the dispatcher's scope. */
  const premisesFor = (c: Context<AppEnv>, body: z.infer<typeof createBody>) => {
    const scope = c.get('scope');
    const cols = columnsFor(ctx, scope);
    const day = body.at === undefined ? today() : (parseDay(body.at) as number);
    if (body.premises) {
      const all = ctx.model.columns;
      const ids = [...new Set(body.premises)];
      const missing = ids.filter((id) => !all.rowOf.has(id));
      if (missing.length) throw notFound(`premise ${missing.slice(0, 20).join(', ')}`);
      const outside = ids.filter((id) => !cols.rowOf.has(id));
      if (outside.length)
        throw new ApiError(
          403,
          'forbidden',
          `premises ${outside.slice(0, 20).join(', ')} are outside your scope`,
          undefined,
          `经营户 ${outside.slice(0, 20).join('、')} 不在本账号负责的范围内，不能为其派发任务`,
        );
      return {
        origin: 'premises' as TaskOrigin,
        areaId: null,
        premises: ids.map((id) => {
          const row = all.rowOf.get(id) as number;
          return { id, villageId: all.villageId[row], category: CATEGORY_CODES[all.category[row]] };
        }),
      };
    }
    if (body.area !== undefined) {
      const area = getArea(ctx.db, body.area);
      if (!area) throw notFound(`area ${body.area}`);
      return {
        origin: 'area' as TaskOrigin,
        areaId: area.id,
        premises: premisesInside(cols, areaShape(area.geometry), day),
      };
    }
    const checked = validatePolygon(body.geometry, {
      township: listTownships(ctx.db).map((t) => t.geometry),
    });
    if (!checked.ok) {
      const [first] = checked.problems;
      const message = first.message.startsWith('geometry') ? first.message : `geometry, ${first.message}`;
      throw new ApiError(
        400,
        'invalid_geometry',
        message,
        { problems: checked.problems },
        polygonProblemsZh(checked.problems),
      );
    }
    return {
      origin: 'shape' as TaskOrigin,
      areaId: null,
      premises: premisesInside(cols, areaShape(checked.geometry), day),
    };
  };

  const oneTask = (c: Context<AppEnv>, id: number): TaskRow => {
    const task = getTask(ctx.db, id);
    if (!task) throw notFound(`task ${id}`);
    const actor = actorOf(c);
    if (
      !asks(task, actor) &&
      !inScope(c.get('scope'), {
        villageId: task.premise.villageId,
        category: task.premise.category as CategoryCode,
      })
    )
      throw new ApiError(
        403,
        'forbidden',
        `task ${id} is about a premise outside your scope`,
        undefined,
        `任务 ${id} 的经营户不在本账号负责的范围内`,
      );
    return task;
  };

  return new Hono<AppEnv>()
    .use(
      bodyLimit({
        maxSize: 2 * 1024 * 1024,
        onError: (c) =>
          c.json(
            new ApiError(
              413,
              'payload_too_large',
              'the request body is over the 2 MB limit',
              undefined,
              '提交的内容超过 2 MB 上限，请画得简单一些或分几次派发',
            ).toJSON(),
            413,
          ),
      }),
    )
    .post('/', validate('json', createBody), (c) => {
      const body = c.req.valid('json');
      const assignee = resolveAssignee(ctx, body.assignee);
      const { origin, areaId, premises } = premisesFor(c, body);
      if (premises.length === 0)
        throw new ApiError(
          422,
          'no_premises',
          'no premises there on that day: nothing to give',
          undefined,
          '该范围内当日没有经营户，无任务可派发；请换一个范围或日期',
        );
      if (premises.length > MAX_TASKS)
        throw new ApiError(
          422,
          'too_many',
          `${premises.length} premises there; at most ${MAX_TASKS} tasks at once — draw a smaller shape`,
          undefined,
          `该范围内有 ${premises.length} 户经营户，一次最多派发 ${MAX_TASKS} 个任务；请画小一些的范围`,
        );
      const unreachable = premises.filter((p) => !assignee.reaches(p)).map((p) => p.id);
      if (unreachable.length)
        throw new ApiError(
          422,
          'assignee_out_of_scope',
          `${assignee.label} cannot record on ${unreachable.length} of these premises (${unreachable.slice(0, 10).join(', ')}${unreachable.length > 10 ? ', …' : ''}); give them to someone who keeps them`,
          { premises: unreachable },
          `${assignee.label}不能记录其中 ${unreachable.length} 户经营户的检查（${unreachable.slice(0, 10).join('、')}${unreachable.length > 10 ? '等' : ''}）；请把任务派给负责这些经营户的人`,
        );
      const dueDay = parseDay(body.due) as number;
      const ids = insertTasks(
        ctx.db,
        premises.map((p) => ({
          premiseId: p.id,
          dueDay,
          note: body.note,
          origin,
          areaId,
          drawId: null,
          assignees: [assignee.ref],
        })),
        actorOf(c).username,
      );
      const { items } = listTasks(ctx.db, { ids, limit: ids.length, offset: 0 });
      return c.json({ count: ids.length, tasks: items.map(taskJson) }, 201);
    })
    .get('/', validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      const { total, items } = listTasks(ctx.db, {
        status: q.status,
        assignee: q.assignee ? assigneeFilter(ctx, q.assignee) : undefined,
        premiseId: q.premise,
        drawId: q.draw,
        ...scopeLists(c.get('scope')),
        limit: q.limit,
        offset: q.offset,
      });
      return c.json({ total, items: items.map(taskJson) });
    })
    .get('/mine', validate('query', listQuery.pick({ status: true, limit: true, offset: true })), (c) => {
      const q = c.req.valid('query');
      const actor = actorOf(c);
      const { total, items } = listTasks(ctx.db, {
        status: q.status,
        mine: { userId: actor.userId, department: actor.department, villages: actor.villages },
        limit: q.limit,
        offset: q.offset,
      });
      return c.json({ total, items: items.map(taskJson) });
    })
    .get('/:id', validate('param', z.object({ id: idParam })), (c) => {
      return c.json(taskJson(oneTask(c, c.req.valid('param').id)));
    })
    .put('/:id', validate('param', z.object({ id: idParam })), validate('json', updateBody), (c) => {
      const body = c.req.valid('json');
      const task = oneTask(c, c.req.valid('param').id);
      const actor = actorOf(c);
      const dispatcher = grant(actor, 'task.dispatch') !== null;
      if (!dispatcher && !asks(task, actor))
        throw new ApiError(
          403,
          'forbidden',
          `task ${task.id} is not given to you; its assignee or a dispatcher closes it`,
          undefined,
          `任务 ${task.id} 不是派给您的；只能由接收人或派发人办结`,
        );
      if (body.status === 'cancelled' && !dispatcher)
        throw new ApiError(
          403,
          'forbidden',
          'only a dispatcher (the office or the leading group) cancels a task',
          undefined,
          '只有派发人（整治办或领导小组）可以撤销任务',
        );
      if (body.eventId !== undefined && !eventOfPremise(ctx.db, body.eventId, task.premise.id))
        throw new ApiError(
          400,
          'bad_request',
          `eventId: record ${body.eventId} is not one of premise ${task.premise.id}’s`,
          undefined,
          `记录 ${body.eventId} 不是经营户 ${task.premise.id} 的记录，请选择该经营户的检查记录`,
        );
      if (!closeTask(ctx.db, task.id, body.status, actor.username, body.eventId ?? null)) {
        const now = getTask(ctx.db, task.id) as TaskRow;
        throw new ApiError(
          409,
          'task_closed',
          `task ${task.id} is already ${now.status} (by ${now.closedBy} at ${now.closedAt})`,
          undefined,
          `任务 ${task.id} 已${now.status === 'cancelled' ? '撤销' : '办结'}（${now.closedBy}，${now.closedAt}），请刷新任务列表`,
        );
      }
      return c.json(taskJson(getTask(ctx.db, task.id) as TaskRow));
    });
}
