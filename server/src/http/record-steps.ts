import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { attachPhotos, listPhotos } from '../db/photos';
import {
  childEventRecords,
  type EventMeta,
  type EventRecord,
  getEventRecord,
  type PremiseRow,
  recordEvent,
} from '../db/premises';
import { completeTasksFor } from '../db/tasks';
import type { Actor } from '../domain/auth/policy';
import type { PremiseEvent } from '../domain/premise-event';
import { eventView, photosByEvent, stateToday } from './premise-views';

export interface Step {
  event: PremiseEvent;
  meta: Omit<EventMeta, 'actor' | 'parentEventId'>;
}

/**
 * Writes a step of the workflow in one transaction: its main record (an inspection, a
 * re-inspection, an outcome, a licence), the order to rectify issued with it if any, the photos
 * filed under it, and an audit row for each record; then brings the map's model up to date.
 * With `closesTasksOf`, the open tasks of the premise that account was asked to do (given to them,
 * their department or their village) are marked done with the main record, in the same transaction.
 */
export function writeStep(
  ctx: AppContext,
  premiseId: number,
  actor: string | null,
  main: Step,
  order: Step | null,
  photoIds: readonly number[],
  closesTasksOf?: Pick<Actor, 'username' | 'villages' | 'department'>,
): EventRecord {
  const id = ctx.db.transaction(() => {
    const mainId = recordEvent(ctx.db, premiseId, main.event, { ...main.meta, actor });
    const written = [{ id: mainId, step: main }];
    if (order) {
      const orderId = recordEvent(ctx.db, premiseId, order.event, {
        ...order.meta,
        actor,
        parentEventId: mainId,
      });
      written.push({ id: orderId, step: order });
    }
    attachPhotos(ctx.db, photoIds, mainId);
    if (closesTasksOf) completeTasksFor(ctx.db, premiseId, closesTasksOf, mainId);
    for (const w of written) {
      audit(ctx.db, {
        actor,
        action: 'create',
        entity: 'event',
        entityId: w.id,
        after: {
          premiseId,
          ...w.step.event,
          ...w.step.meta,
          ...(w.id === mainId ? { photoIds } : { parentEventId: mainId }),
        },
      });
    }
    return mainId;
  })();
  ctx.model.refresh(premiseId);
  return getEventRecord(ctx.db, id) as EventRecord;
}

/**
 * The answer to a step, the same whether it was just recorded or sent again (`replayed`): the
 * record, the order issued with it, where the premise stands today, and — when the phone's copy of
 * the file was behind — the records it did not know of (`conflict.newer`; what it sent is recorded all the same).
 */
export function stepAnswer(
  ctx: AppContext,
  premise: PremiseRow,
  main: EventRecord,
  extra: { replayed?: boolean; newer?: readonly EventRecord[] } = {},
) {
  const byEvent = photosByEvent(listPhotos(ctx.db, premise.id));
  const order = childEventRecords(ctx.db, main.id).find((r) => r.type === 'ordered') ?? null;
  return {
    premiseId: premise.id,
    record: eventView(main, byEvent.get(main.id)),
    order: order ? eventView(order) : null,
    state: stateToday(ctx, premise),
    ...(extra.newer?.length
      ? { conflict: { newer: extra.newer.map((r) => eventView(r, byEvent.get(r.id))) } }
      : {}),
    ...(extra.replayed ? { replayed: true as const } : {}),
  };
}
