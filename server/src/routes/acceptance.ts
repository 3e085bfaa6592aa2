import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { type AcceptanceRecord, acceptanceRecord, saveAcceptanceRecord } from '../db/acceptance';
import { audit } from '../db/audit';
import { getVillage } from '../db/geography';
import { ADJUSTMENT_ITEMS } from '../domain/acceptance/scorecard';
import { yearTargetsSchema } from '../domain/acceptance/targets';
import type { Scope } from '../domain/auth/policy';
import { ApiError } from '../http/api-error';
import { type AppEnv, actorName } from '../http/auth';
import { idParam, validate } from '../http/validate';
import { rescored, villageAcceptance, villageScorecard } from '../pipelines/acceptance';
import {
  campaignYear,
  campaignYears,
  currentTargets,
  liveCampaignYear,
  targetHistory,
  writeTargets,
} from '../pipelines/acceptance-targets';
import { accountability } from '../pipelines/accountability';
import { scopeOfTownship } from '../township-scope';

const yearQuery = z.object({ year: z.string().optional() });
/** The list and 问责 of one township of the district (its id); without it every village the account sees. */
const townshipQuery = z.object({ township: idParam.optional() });
const villageParam = z.object({ villageId: idParam });

const adjustment = z.strictObject(
  {
    item: z.enum(ADJUSTMENT_ITEMS, {
      message: `expected one of ${ADJUSTMENT_ITEMS.join(', ')} (调整项目应为评分项之一或 other)`,
    }),
    points: z
      .number({ message: 'expected points to add, or take off when negative (调整分值应为数字)' })
      .min(-100, 'at least -100 points (调整分值不低于 -100)')
      .max(100, 'at most 100 points (调整分值不超过 100)')
      .refine((n) => n !== 0, 'an adjustment of 0 points changes nothing (调整分值不能为 0)'),
    remark: z
      .string({ message: 'expected the reason for the adjustment (请填写调整理由)' })
      .trim()
      .min(1, 'expected the reason for the adjustment (请填写调整理由)')
      .max(500, 'at most 500 characters (理由不超过 500 字)'),
  },
  { message: 'expected an adjustment as { item, points, remark } (每项调整应包含 item、points 和 remark)' },
);

const remarksText = z
  .string({ message: 'expected the remarks as text (意见应为文字)' })
  .trim()
  .max(4000, 'at most 4000 characters (意见不超过 4000 字)');

/** The team's working notes on a village: adjustments and remarks (not yet a decision). */
const notesBody = z.strictObject(
  {
    adjustments: z
      .array(adjustment, { message: 'expected a list of adjustments (调整应为列表)' })
      .max(20, 'at most 20 adjustments (调整不超过 20 项)')
      .default([]),
    remarks: remarksText.default(''),
  },
  { message: 'expected { adjustments, remarks } (请求内容只能包含 adjustments 和 remarks)' },
);

const signOffBody = z.strictObject(
  {
    passed: z.boolean({ message: 'expected passed: true or false (请选择通过或不通过)' }),
    remarks: remarksText.optional(),
  },
  { message: 'expected { passed, remarks } (请求内容只能包含 passed 和 remarks)' },
);

const targetsBody = z.strictObject(
  {
    ...yearTargetsSchema.omit({ year: true }).shape,
    year: z
      .number({ message: 'expected the year as a number, e.g. 2009 (年度应为数字，如 2009)' })
      .int('expected the year as a number, e.g. 2009 (年度应为数字，如 2009)')
      .optional(),
    note: z
      .string({ message: 'expected the note as text (说明应为文字)' })
      .trim()
      .max(2000, 'at most 2000 characters (说明不超过 2000 字)')
      .default(''),
  },
  {
    message:
      'expected the targets as { village, villageOverrides, pilotVillages, pilot, passMark, trades, note } (目标内容只能包含 village、villageOverrides、pilotVillages、pilot、passMark、trades 和 note)',
  },
);

const accountabilityQuery = yearQuery.merge(townshipQuery).extend({
  days: z.coerce
    .number({ message: 'expected a number of days (天数应为数字)' })
    .int('expected whole days (天数应为整数)')
    .min(1, 'days: 1 or more (天数至少为 1)')
    .max(1095, 'days: at most 1095 (天数不超过 1095)')
    .default(60),
});

/** A 403 for a village outside the reader's villages, a 404 for one that does not exist. */
function checkVillage(ctx: AppContext, scope: Scope, id: number): void {
  if (!getVillage(ctx.db, id))
    throw new ApiError(
      404,
      'not_found',
      `village ${id} not found`,
      undefined,
      `找不到编号为 ${id} 的村（社区）`,
    );
  if (scope.villages && !scope.villages.has(id))
    throw new ApiError(
      403,
      'forbidden',
      `village ${id} is not one of the villages this account keeps`,
      undefined,
      `村（社区）${id} 不在本账号负责的范围内`,
    );
}

function signedOff(r: AcceptanceRecord | null): r is AcceptanceRecord & { signedOffAt: string } {
  return r?.signedOffAt != null;
}

/**
 * 年度验收: each village's scorecard for a campaign year, computed from the record as of the year's
 * end against the year's targets; the acceptance team's adjustments and remarks (PUT), its
 * sign-off (POST …/sign-off) and, to correct one, the sign-off taken back (DELETE …/sign-off).
 */
export function acceptanceRoutes(ctx: AppContext) {
  /** Writes a village's record in one transaction with its audit entry; answers the new scorecard. */
  const write = (
    year: number,
    villageId: number,
    actor: string | null,
    action: string,
    change: (
      before: AcceptanceRecord | null,
    ) => Omit<Parameters<typeof saveAcceptanceRecord>[1], 'year' | 'villageId' | 'updatedBy'>,
  ) => {
    ctx.db.transaction(() => {
      const before = acceptanceRecord(ctx.db, year, villageId);
      const after = saveAcceptanceRecord(ctx.db, { year, villageId, updatedBy: actor, ...change(before) });
      audit(ctx.db, {
        actor,
        action,
        entity: 'acceptance',
        entityId: after.id,
        before: before ?? undefined,
        after,
      });
    })();
    return villageScorecard(ctx, year, villageId);
  };
  const refuseSigned = (r: AcceptanceRecord | null, year: number) => {
    if (signedOff(r))
      throw new ApiError(
        409,
        'signed_off',
        `the ${year} acceptance was signed off by ${r.signedOffBy} on ${r.signedOffAt.slice(0, 10)}; take the sign-off back first`,
        undefined,
        `${year} 年度验收已由 ${r.signedOffBy} 于 ${r.signedOffAt.slice(0, 10)} 签署，请先撤回签署再修改`,
      );
  };

  return new Hono<AppEnv>()
    .get('/', validate('query', yearQuery.merge(townshipQuery)), (c) => {
      const q = c.req.valid('query');
      const year = campaignYear(ctx, q.year);
      return c.json(villageAcceptance(ctx, year, scopeOfTownship(ctx, c.get('scope'), q.township)));
    })
    .get('/:villageId', validate('param', villageParam), validate('query', yearQuery), (c) => {
      const year = campaignYear(ctx, c.req.valid('query').year);
      const { villageId } = c.req.valid('param');
      checkVillage(ctx, c.get('scope'), villageId);
      return c.json(villageScorecard(ctx, year, villageId));
    })
    .put(
      '/:villageId',
      validate('param', villageParam),
      validate('query', yearQuery),
      validate('json', notesBody),
      (c) => {
        const year = campaignYear(ctx, c.req.valid('query').year);
        const { villageId } = c.req.valid('param');
        checkVillage(ctx, c.get('scope'), villageId);
        const body = c.req.valid('json');
        const card = write(year, villageId, actorName(c), 'update', (before) => {
          refuseSigned(before, year);
          return { ...body, passed: null, signedOffBy: null, signedOffAt: null, snapshot: null };
        });
        return c.json(card);
      },
    )
    .post(
      '/:villageId/sign-off',
      validate('param', villageParam),
      validate('query', yearQuery),
      validate('json', signOffBody),
      (c) => {
        const year = campaignYear(ctx, c.req.valid('query').year);
        const { villageId } = c.req.valid('param');
        checkVillage(ctx, c.get('scope'), villageId);
        const body = c.req.valid('json');
        const actor = actorName(c);
        const now = villageScorecard(ctx, year, villageId);
        const card = write(year, villageId, actor, 'sign_off', (before) => {
          refuseSigned(before, year);
          const adjustments = before?.adjustments ?? [];
          const scored = rescored(now, adjustments);
          return {
            adjustments,
            remarks: body.remarks ?? before?.remarks ?? '',
            passed: body.passed,
            signedOffBy: actor ?? 'unknown',
            signedOffAt: new Date().toISOString(),
            // What the scorecard said when it was signed: later records cannot change the decision's grounds.
            snapshot: {
              asOf: now.asOf,
              computed: scored.computed,
              adjusted: scored.adjusted,
              meetsTargets: scored.meetsTargets,
              targetsVersion: now.targetsVersion,
            },
          };
        });
        return c.json(card, 201);
      },
    )
    .delete('/:villageId/sign-off', validate('param', villageParam), validate('query', yearQuery), (c) => {
      const year = campaignYear(ctx, c.req.valid('query').year);
      const { villageId } = c.req.valid('param');
      checkVillage(ctx, c.get('scope'), villageId);
      const card = write(year, villageId, actorName(c), 'reopen', (before) => {
        if (!signedOff(before))
          throw new ApiError(
            409,
            'not_signed_off',
            `the ${year} acceptance of village ${villageId} is not signed off`,
            undefined,
            `该村（社区）${year} 年度验收尚未签署`,
          );
        return {
          adjustments: before.adjustments,
          remarks: before.remarks,
          passed: null,
          signedOffBy: null,
          signedOffAt: null,
          snapshot: null,
        };
      });
      return c.json(card);
    });
}

/** 目标考核: the targets each campaign year holds villages and trades to, in versions the admin adds. */
export function targetRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', validate('query', yearQuery), (c) => {
      const year = campaignYear(ctx, c.req.valid('query').year);
      return c.json({
        year,
        years: campaignYears(ctx),
        current: currentTargets(ctx, year),
        history: targetHistory(ctx, year),
      });
    })
    .put('/', validate('query', yearQuery), validate('json', targetsBody), (c) => {
      const { note, year: bodyYear, ...targets } = c.req.valid('json');
      const year = campaignYear(ctx, c.req.valid('query').year ?? bodyYear);
      if (bodyYear !== undefined && bodyYear !== year) {
        throw new ApiError(
          400,
          'bad_request',
          `year: the body says ${bodyYear}, the query ${year}`,
          undefined,
          `年度不一致：请求体为 ${bodyYear}，查询参数为 ${year}`,
        );
      }
      const actor = actorName(c);
      const written = ctx.db.transaction(() => {
        const version = writeTargets(ctx, year, { ...targets, year }, note, actor);
        audit(ctx.db, {
          actor,
          action: 'create',
          entity: 'acceptance_targets',
          entityId: year,
          after: { year, version: version.version, targets: version.targets, note },
        });
        return version;
      })();
      return c.json(written, 201);
    });
}

/**
 * 问责: what leaders are asked to act on for a campaign year (the one running, by default) —
 * orders `days` or more past their deadline, incidents, failed acceptances — with who answers.
 */
export function accountabilityRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/', validate('query', accountabilityQuery), (c) => {
    const q = c.req.valid('query');
    const year = q.year === undefined ? liveCampaignYear(ctx) : campaignYear(ctx, q.year);
    return c.json(accountability(ctx, year, q.days, scopeOfTownship(ctx, c.get('scope'), q.township)));
  });
}
