import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { getVillage } from '../db/geography';
import { reviewQueuer } from '../db/import-writes';
import {
  archiveNumbers,
  eventRecordByClientId,
  getPremise,
  type PremiseRow,
  premiseIdByArchiveNo,
  premiseInserter,
  premiseUpdatedAt,
  recordEvent,
  updatePremise,
} from '../db/premises';
import { inScope } from '../domain/auth/policy';
import { dayParts, formatDay, parseDay, todayInChina } from '../domain/dates';
import { REVIEW_CONFIDENCE } from '../domain/import/place-candidate';
import { fieldChanges } from '../domain/premise-file/field-changes';
import { nextArchiveNo } from '../domain/premise-file/next-archive-no';
import { ApiError } from '../http/api-error';
import { type AppEnv, actorName, actorOf } from '../http/auth';
import { createPremiseBody, editPremiseBody } from '../http/premise-fields';
import { premiseFile } from '../http/premise-file';
import { premiseInScope } from '../http/premise-in-scope';
import { departmentsFor } from '../http/record-guards';
import { badDate, idParam, isoDate, validate } from '../http/validate';
import { learnFromPin, placeNewPremise, villageAtPin } from '../pipelines/place-premise';

const outOfScope = (what: string, whatZh: string) =>
  new ApiError(
    403,
    'forbidden',
    `${what} is outside the villages or trades this account keeps`,
    undefined,
    `${whatZh}不在本账号负责的村（社区）或行业范围内；请核对所属村（社区）和行业，或请有权限的同事录入`,
  );

/** The survey date of a premise entered by hand: a real date, from the campaign's start to today. */
function surveyDay(ctx: AppContext, text: string | undefined): number {
  const today = todayInChina();
  if (text === undefined) return today;
  const day = parseDay(text);
  if (day === null) throw badDate('surveyDate');
  if (day > today)
    throw new ApiError(
      400,
      'bad_request',
      `surveyDate: ${text} is in the future (today is ${formatDay(today)})`,
      undefined,
      `建档日期：${text} 晚于今天（${formatDay(today)}），请填写实际建档的日期`,
    );
  if (day < ctx.startDay) {
    throw new ApiError(
      400,
      'bad_request',
      `surveyDate: ${text} is before the campaign started (${formatDay(ctx.startDay)})`,
      undefined,
      `建档日期：${text} 早于整治开始日期（${formatDay(ctx.startDay)}），请填写整治期间的日期`,
    );
  }
  return day;
}

function villageOr400(ctx: AppContext, id: number) {
  const village = getVillage(ctx.db, id);
  if (!village)
    throw new ApiError(
      400,
      'bad_request',
      `villageId: there is no village ${id}`,
      undefined,
      `所属村（社区）：没有编号为 ${id} 的村（社区），请从列表中选择`,
    );
  return village;
}

/**
 * The premise file (一户一档): read it, open one, edit it (with a check that no one else changed it
 * since the editor started), move its pin, and unmask it. Personal data as the role may see it; the
 * full ID number only through unmask, which the audit log records.
 */
export function premiseRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get(
      '/:id',
      validate('param', z.object({ id: idParam })),
      validate('query', z.object({ at: isoDate.optional() })),
      (c) => {
        const premise = premiseInScope(ctx, c, c.req.valid('param').id);
        return c.json(premiseFile(ctx, premise, actorOf(c).role, c.req.valid('query').at));
      },
    )
    .post('/', validate('json', createPremiseBody), (c) => {
      const body = c.req.valid('json');
      const actor = actorOf(c);
      if (body.clientId) {
        const earlier = eventRecordByClientId(ctx.db, body.clientId);
        if (earlier && earlier.type === 'surveyed') {
          const premise = premiseInScope(ctx, c, earlier.premiseId);
          return c.json({ ...premiseFile(ctx, premise, actor.role), replayed: true as const }, 200);
        }
        if (earlier) {
          throw new ApiError(
            409,
            'client_id_reused',
            `clientId: ${body.clientId} was already used for another record`,
            undefined,
            '这条记录的编号已被另一条记录使用；请刷新页面后重新填写提交',
          );
        }
      }
      const day = surveyDay(ctx, body.surveyDate);
      if (body.archiveNo) {
        const holder = premiseIdByArchiveNo(ctx.db, body.archiveNo);
        if (holder !== null) {
          throw new ApiError(
            409,
            'archive_no_taken',
            `archiveNo: ${body.archiveNo} is already the number of premise ${holder}`,
            undefined,
            `档案编号：${body.archiveNo} 已是经营户 ${holder} 的编号，请换一个编号或留空自动编号`,
          );
        }
      }
      const named = body.villageId === undefined ? null : villageOr400(ctx, body.villageId);
      const placed = placeNewPremise(ctx.db, {
        address: body.address,
        lngLat: body.lngLat ?? null,
        villageCode: named?.code ?? null,
      });
      if ('error' in placed) throw new ApiError(400, 'bad_request', placed.error, undefined, placed.errorZh);
      const p = placed.placement;
      if (!inScope(c.get('scope'), { villageId: p.villageId, category: body.category })) {
        throw outOfScope('a premise of this village and trade', '这个村（社区）和行业的经营户');
      }
      const archiveNo = body.archiveNo ?? nextArchiveNo(archiveNumbers(ctx.db), dayParts(day).year);
      const fields: Omit<PremiseRow, 'id'> = {
        archiveNo,
        name: body.name,
        operator: body.operator ?? null,
        phone: body.phone ?? null,
        idNumber: body.idNumber ?? null,
        address: body.address,
        villageId: p.villageId,
        category: body.category,
        lng: p.lngLat[0],
        lat: p.lngLat[1],
        crs: 'WGS84',
        geocodeMethod: p.method,
        keyObject: body.keyObject,
        areaM2: body.areaM2 ?? null,
        staff: body.staff ?? null,
        notes: body.notes ?? null,
      };
      const id = ctx.db.transaction(() => {
        const newId = premiseInserter(ctx.db)(fields);
        const eventId = recordEvent(
          ctx.db,
          newId,
          { day, type: 'surveyed', note: '现场建档' },
          { actor: actor.username, departments: departmentsFor(actor, undefined), clientId: body.clientId },
        );
        if (p.confidence !== null && p.confidence < REVIEW_CONFIDENCE) {
          reviewQueuer(ctx.db)({
            premiseId: newId,
            address: body.address,
            method: p.method,
            confidence: p.confidence,
            matchedText: p.matchedText,
            conflict: p.conflict,
          });
        }
        const { lng, lat, ...rest } = fields;
        audit(ctx.db, {
          actor: actor.username,
          action: 'create',
          entity: 'premise',
          entityId: newId,
          after: { ...rest, lngLat: [lng, lat], surveyDate: formatDay(day), surveyedEventId: eventId },
        });
        return newId;
      })();
      ctx.model.refresh(id);
      const file = premiseFile(ctx, getPremise(ctx.db, id) as PremiseRow, actor.role);
      return c.json(
        {
          ...file,
          placement: {
            method: p.method,
            confidence: p.confidence,
            matchedText: p.matchedText,
            conflict: p.conflict,
            warnings: placed.warnings,
          },
        },
        201,
      );
    })
    .put('/:id', validate('param', z.object({ id: idParam })), validate('json', editPremiseBody), (c) => {
      const premise = premiseInScope(ctx, c, c.req.valid('param').id);
      const { baseUpdatedAt, lngLat, villageId, ...rest } = c.req.valid('json');
      const actor = actorOf(c);
      const updatedAt = premiseUpdatedAt(ctx.db, premise.id);
      if (updatedAt !== baseUpdatedAt) {
        throw new ApiError(
          409,
          'edit_conflict',
          `premise ${premise.id} was changed by someone else since this edit started (${baseUpdatedAt}, now ${updatedAt}); compare with the current values and edit again`,
          { current: premiseFile(ctx, premise, actor.role) },
          `经营户 ${premise.id} 在您编辑期间已被他人修改（${baseUpdatedAt}，现为 ${updatedAt}）；请对照最新内容后重新编辑`,
        );
      }
      const wanted: Partial<PremiseRow> = { ...rest };
      if (villageId !== undefined) wanted.villageId = villageOr400(ctx, villageId).id;
      if (lngLat) {
        const at = villageAtPin(ctx.db, lngLat);
        if (!at && villageId === undefined) {
          throw new ApiError(
            400,
            'bad_request',
            `lngLat: [${lngLat.join(', ')}] is outside every village of the township; place the pin inside the township or name villageId`,
            undefined,
            `位置：[${lngLat.join(', ')}] 不在本镇任何村（社区）内；请把标记放在本镇范围内，或选择所属村（社区）`,
          );
        }
        Object.assign(wanted, { lng: lngLat[0], lat: lngLat[1], crs: 'WGS84', geocodeMethod: 'manual' });
        if (villageId === undefined) wanted.villageId = at?.id;
      }
      const changes = fieldChanges(premise, wanted);
      if (changes.fields.length === 0)
        return c.json({ ...premiseFile(ctx, premise, actor.role), changed: [] });
      const moved = changes.fields.includes('lngLat');
      if (
        !inScope(c.get('scope'), {
          villageId: wanted.villageId ?? premise.villageId,
          category: wanted.category ?? premise.category,
        })
      ) {
        throw outOfScope(
          'the village or trade this edit gives the premise',
          '这次修改给经营户的村（社区）或行业',
        );
      }
      ctx.db.transaction(() => {
        const learned = moved
          ? learnFromPin(ctx.db, premise, [wanted.lng as number, wanted.lat as number])
          : null;
        updatePremise(ctx.db, premise.id, changes.update);
        audit(ctx.db, {
          actor: actorName(c),
          action: 'update',
          entity: 'premise',
          entityId: premise.id,
          before: changes.before,
          after: learned === null ? changes.after : { ...changes.after, addressPointId: learned },
        });
      })();
      ctx.model.refresh(premise.id);
      return c.json({
        ...premiseFile(ctx, getPremise(ctx.db, premise.id) as PremiseRow, actor.role),
        changed: changes.fields,
      });
    })
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
