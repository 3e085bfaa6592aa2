import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { type DrawRow, drawTasks, getDraw, insertDraw, listDraws } from '../db/draws';
import { getVillage } from '../db/geography';
import { insertTasks } from '../db/tasks';
import { inScope } from '../domain/auth/policy';
import { CATEGORY_CODES, categoryIndex } from '../domain/categories';
import { formatDay, parseDay } from '../domain/dates';
import { STATUS_KEYS } from '../domain/statuses';
import { statusOnDay } from '../domain/worklists/premise-on-day';
import { DRAW_METHOD, DrawRefused, randomDraw } from '../domain/worklists/random-draw';
import { ApiError, notFound } from '../http/api-error';
import { type AppEnv, actorOf } from '../http/auth';
import { idParam, isoDate, validate } from '../http/validate';
import { columnsFor } from '../scoped-columns';
import { resolveUser } from './task-assignees';

const filterBody = z
  .object({
    villages: z.array(z.number().int().positive()).max(1000).optional(),
    categories: z
      .array(z.enum(CATEGORY_CODES, { message: `expected categories from ${CATEGORY_CODES.join(', ')}` }))
      .optional(),
    statuses: z
      .array(z.enum(STATUS_KEYS, { message: `expected statuses from ${STATUS_KEYS.join(', ')}` }))
      .optional(),
    at: isoDate,
  })
  .strict();

const drawBody = z
  .object({
    filter: filterBody,
    premises: z.number().int().min(1, 'draw at least 1 premise').max(5000),
    pool: z.array(z.string().trim().min(1).max(40)).min(1, 'name the inspectors to draw from').max(200),
    perTeam: z.number().int().min(1).max(10).default(2),
    due: isoDate,
    seed: z.string().min(1).max(128).optional(),
    note: z.string().trim().max(2000).default(''),
  })
  .strict();

function drawJson(d: DrawRow) {
  return {
    id: d.id,
    method: d.method,
    seed: d.seed,
    seedSource: d.seedSource,
    filter: d.filter,
    candidateCount: d.candidates.length,
    candidates: d.candidates,
    premises: d.premiseCount,
    pool: d.pool,
    perTeam: d.perTeam,
    picks: d.picks,
    due: formatDay(d.dueDay),
    note: d.note,
    drawnBy: d.drawnBy,
    drawnAt: d.drawnAt,
  };
}

/**
 * 双随机 (random inspections, as market supervision dispatches them): premises drawn at random from
 * those a filter matches, a team drawn at random from a pool of inspectors for each, a task for
 * every team. The draw is kept whole — candidates, seed, method, result — and cannot be changed,
 * so anyone may re-run it and see it was fair.
 */
export function drawRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/', validate('json', drawBody), (c) => {
      const body = c.req.valid('json');
      const f = body.filter;
      const day = parseDay(f.at) as number;
      for (const v of f.villages ?? [])
        if (!getVillage(ctx.db, v))
          throw new ApiError(
            422,
            'unknown_village',
            `filter.villages: there is no village ${v}`,
            undefined,
            `筛选的村（社区）：没有编号为 ${v} 的村（社区），请重新选择`,
          );
      const folded = body.pool.map((n) => n.toLowerCase());
      if (new Set(folded).size !== folded.length)
        throw new ApiError(
          400,
          'bad_request',
          'pool: an inspector is named twice',
          undefined,
          '检查人员名单中有人重复，请去掉重复的人员',
        );
      const pool = body.pool.map((name) => resolveUser(ctx, name));

      const cols = columnsFor(ctx, c.get('scope'));
      const villages = f.villages ? new Set(f.villages) : null;
      const categories = f.categories ? new Set(f.categories.map(categoryIndex)) : null;
      const statuses = f.statuses ? new Set<string>(f.statuses) : null;
      const candidates: number[] = [];
      for (let row = 0; row < cols.count; row++) {
        if (villages && !villages.has(cols.villageId[row])) continue;
        if (categories && !categories.has(cols.category[row])) continue;
        const status = statusOnDay(cols, row, day);
        if (status === null || (statuses && !statuses.has(status))) continue;
        candidates.push(cols.id[row]);
      }
      candidates.sort((a, b) => a - b);
      // everyone in the pool must be able to record on every candidate, or the draw would have to be redone
      for (const member of pool) {
        const out = candidates.filter((id) => {
          const row = cols.rowOf.get(id) as number;
          return !inScope(member.scope, {
            villageId: cols.villageId[row],
            category: CATEGORY_CODES[cols.category[row]],
          });
        });
        if (out.length)
          throw new ApiError(
            422,
            'pool_out_of_scope',
            `pool: ${member.username} cannot record on ${out.length} of the ${candidates.length} candidates; narrow the filter to their villages or trades, or leave them out`,
            undefined,
            `检查人员：${member.username} 无权检查 ${candidates.length} 户候选经营户中的 ${out.length} 户；请把筛选条件缩小到其负责的村（社区）或行业，或不选此人`,
          );
      }
      const seedSource = body.seed === undefined ? 'generated' : 'given';
      const seed = body.seed ?? randomBytes(16).toString('hex');
      const usernames = pool.map((p) => p.username);
      let picks: ReturnType<typeof randomDraw>;
      try {
        picks = randomDraw({
          candidates,
          premises: body.premises,
          pool: usernames,
          perTeam: body.perTeam,
          seed,
        });
      } catch (e) {
        if (e instanceof DrawRefused) throw new ApiError(422, e.code, e.message, undefined, e.messageZh);
        throw e;
      }
      const drawnBy = actorOf(c).username;
      const dueDay = parseDay(body.due) as number;
      const userId = new Map(pool.map((p) => [p.username, p.userId]));
      const { id, taskIds } = ctx.db.transaction(() => {
        const drawId = insertDraw(ctx.db, {
          method: DRAW_METHOD,
          seed,
          seedSource,
          filter: f,
          candidates,
          pool: usernames,
          premiseCount: body.premises,
          perTeam: body.perTeam,
          picks,
          dueDay,
          note: body.note,
          drawnBy,
        });
        const ids = insertTasks(
          ctx.db,
          picks.map((p) => ({
            premiseId: p.premiseId,
            dueDay,
            note: body.note,
            origin: 'draw',
            areaId: null,
            drawId,
            assignees: p.team.map((name) => ({ kind: 'user' as const, userId: userId.get(name) as number })),
          })),
          drawnBy,
        );
        return { id: drawId, taskIds: ids };
      })();
      return c.json({ ...drawJson(getDraw(ctx.db, id) as DrawRow), taskIds }, 201);
    })
    .get('/', (c) =>
      c.json({
        draws: listDraws(ctx.db).map((d) => ({
          id: d.id,
          drawnAt: d.drawnAt,
          drawnBy: d.drawnBy,
          filter: d.filter,
          candidateCount: d.candidates.length,
          premises: d.premiseCount,
          perTeam: d.perTeam,
          due: formatDay(d.dueDay),
        })),
      }),
    )
    .get('/:id', validate('param', z.object({ id: idParam })), (c) => {
      const draw = getDraw(ctx.db, c.req.valid('param').id);
      if (!draw) throw notFound(`draw ${c.req.valid('param').id}`);
      return c.json({ ...drawJson(draw), tasks: drawTasks(ctx.db, draw.id) });
    })
    .get('/:id/verify', validate('param', z.object({ id: idParam })), (c) => {
      const draw = getDraw(ctx.db, c.req.valid('param').id);
      if (!draw) throw notFound(`draw ${c.req.valid('param').id}`);
      const sameMethod = draw.method === DRAW_METHOD;
      const recomputed = sameMethod
        ? randomDraw({
            candidates: draw.candidates,
            premises: draw.premiseCount,
            pool: draw.pool,
            perTeam: draw.perTeam,
            seed: draw.seed,
          })
        : null;
      const same = recomputed !== null && JSON.stringify(recomputed) === JSON.stringify(draw.picks);
      const tasks = drawTasks(ctx.db, draw.id);
      return c.json({
        id: draw.id,
        method: draw.method,
        seed: draw.seed,
        same,
        // the tasks given still are the teams drawn (no premise or inspector swapped in since)
        tasksMatch: JSON.stringify(tasks) === JSON.stringify(draw.picks),
        picks: draw.picks,
        recomputed,
        ...(sameMethod ? {} : { reason: `drawn with ${draw.method}; this server runs ${DRAW_METHOD}` }),
      });
    });
}
