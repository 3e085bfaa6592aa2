import { z } from 'zod';
import type { SignedIn } from '../auth/accounts';
import type { AppContext } from '../context';
import { getPhoto } from '../db/photos';
import {
  type EventRecord,
  eventRecordByClientId,
  eventRecordsEnteredAfter,
  listEvents,
} from '../db/premises';
import { DEPARTMENT_CODES, type DepartmentCode } from '../domain/auth/roles';
import { formatDay, parseDay, todayInChina } from '../domain/dates';
import type { EventType } from '../domain/event-types';
import { recordDayProblem, surveyDayOf } from '../domain/inspection/record-date';
import { ApiError } from './api-error';
import { badDate, bilingual } from './validate';

/** Fields every record a phone may send offline carries (see replayed() and newerRecords()). */
export const offlineFields = {
  /** A UUID the phone made for this record: sent again, it is recorded once. */
  clientId: z
    .uuid({
      message: bilingual(
        'expected a UUID made on the device, e.g. 1b4e28ba-2fa1-41d2-883f-0016d3cca427',
        '应为设备生成的 UUID，如 1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      ),
    })
    .optional(),
  /** The newest record of the premise the phone knew of when it recorded this one. */
  basedOnEventId: z.number({ message: 'expected a record id' }).int().positive().optional(),
};

export const departmentsField = z
  .array(
    z.enum(DEPARTMENT_CODES, { message: `expected department codes from ${DEPARTMENT_CODES.join(', ')}` }),
  )
  .min(
    1,
    bilingual('name at least one department, or leave departments out', '请至少填写一个部门，或不填此项'),
  )
  .max(DEPARTMENT_CODES.length)
  .optional();

export const photoIdsField = z
  .array(z.number({ message: 'expected photo ids' }).int().positive())
  .max(50, bilingual('at most 50 photos per record', '每条记录最多 50 张照片'))
  .default([]);

/**
 * The record a phone already sent under this clientId, to answer again instead of recording it
 * twice; a clientId used for another premise or another kind of record is a 409.
 */
export function replayed(
  ctx: AppContext,
  premiseId: number,
  clientId: string | undefined,
  types: readonly EventType[],
): EventRecord | null {
  if (!clientId) return null;
  const found = eventRecordByClientId(ctx.db, clientId);
  if (!found) return null;
  if (found.premiseId !== premiseId || !types.includes(found.type)) {
    throw new ApiError(
      409,
      'client_id_reused',
      `clientId: ${clientId} was already used for a ${found.type} record of premise ${found.premiseId}; make a new one for each record`,
      undefined,
      `这条记录的编号已用于经营户 ${found.premiseId} 的另一条记录；每条记录需要新的编号，请刷新页面后重新填写提交`,
    );
  }
  return found;
}

/** The records entered since the one the phone knew of (none when it did not say). */
export function newerRecords(
  ctx: AppContext,
  premiseId: number,
  basedOnEventId: number | undefined,
): EventRecord[] {
  return basedOnEventId === undefined ? [] : eventRecordsEnteredAfter(ctx.db, premiseId, basedOnEventId);
}

/** The Chinese name of a record's field, for the refusals' `messageZh`. */
function fieldZh(field: string): string {
  return { date: '日期', 'order.deadline': '整改期限' }[field] ?? field;
}

/** A record's day as an epoch day: a real date, not in the future, not before the premise's survey. */
export function recordDay(ctx: AppContext, premiseId: number, field: string, text: string): number {
  const day = parseDay(text);
  if (day === null) throw badDate(field);
  const surveyDay = surveyDayOf(listEvents(ctx.db, premiseId));
  const todayDay = todayInChina();
  const problem = recordDayProblem(day, { surveyDay, todayDay });
  if (problem) {
    const zh =
      day > todayDay
        ? `${formatDay(day)} 晚于今天（${formatDay(todayDay)}），请填写实际发生的日期`
        : `${formatDay(day)} 早于该经营户建档日期（${formatDay(surveyDay ?? day)}），请核对日期`;
    throw new ApiError(400, 'bad_request', `${field}: ${problem}`, undefined, `${fieldZh(field)}：${zh}`);
  }
  return day;
}

/** A deadline: a real date on or after the record's day (it may well lie ahead). */
export function deadlineDay(field: string, text: string, recordDayValue: number): number {
  const day = parseDay(text);
  if (day === null) throw badDate(field);
  if (day < recordDayValue)
    throw new ApiError(
      400,
      'bad_request',
      `${field}: ${text} is before the record's date`,
      undefined,
      `${fieldZh(field)}：${text} 早于本次记录的日期，整改期限应在记录日期当天或之后`,
    );
  return day;
}

/**
 * The departments that took part: those named (a joint inspection, 联合执法), else the actor's own;
 * an inspector's own department is always among them (they were there).
 */
export function departmentsFor(
  actor: SignedIn,
  named: readonly DepartmentCode[] | undefined,
): DepartmentCode[] {
  const list = [...(named ?? (actor.department ? [actor.department] : []))];
  if (actor.role === 'inspector' && actor.department && !list.includes(actor.department))
    list.unshift(actor.department);
  return [...new Set(list)];
}

/** Photos to file under a new record: uploaded for this premise and not yet under another record. */
export function photosToFile(ctx: AppContext, premiseId: number, ids: readonly number[]): number[] {
  for (const id of ids) {
    const photo = getPhoto(ctx.db, id);
    if (!photo || photo.premiseId !== premiseId) {
      throw new ApiError(
        400,
        'bad_request',
        `photos: photo ${id} is not a photo of premise ${premiseId}; upload it first`,
        undefined,
        `照片：照片 ${id} 不是经营户 ${premiseId} 的照片；请先为该经营户上传照片`,
      );
    }
    if (photo.eventId !== null) {
      throw new ApiError(
        400,
        'bad_request',
        `photos: photo ${id} is already filed under record ${photo.eventId}`,
        undefined,
        `照片：照片 ${id} 已归入记录 ${photo.eventId}，不能重复使用；请另拍一张上传`,
      );
    }
  }
  return [...new Set(ids)];
}
