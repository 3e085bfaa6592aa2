import type { AppContext } from '../context';
import { audit } from '../db/audit';
import {
  type BoundaryBefore,
  type BoundaryLevel,
  currentBoundaryText,
  deleteVillages,
  premisesInVillages,
  restoreBoundary,
} from '../db/boundary-writes';
import { deleteAddressPoints } from '../db/gazetteer';
import { deleteTownship, listVillages } from '../db/geography';
import { listImportItems } from '../db/import-items';
import { getImportJob, type ImportJob, updateImportJob } from '../db/import-jobs';
import {
  countEventsOf,
  deleteEvents,
  deletePremises,
  type MergeableFields,
  premisesUpdatedAfter,
  updatePremiseFields,
} from '../db/import-writes';
import { ImportError } from '../domain/import/import-error';
import { IMPORT_STATE_ZH } from './job-runner';

export interface UndoResult {
  importId: number;
  removedPremises: number;
  revertedMerges: number;
  removedEvents: number;
  restoredBoundaries: number;
  removedVillages: number;
  removedAddressPoints: number;
}

/** SQLite's timestamps and ours compare as text: 2024-05-01T08:00:00.000Z. */
function changedSince(ctx: AppContext, job: ImportJob, ids: number[]): number[] {
  return job.committedAt ? premisesUpdatedAfter(ctx.db, ids, job.committedAt) : [];
}

/**
 * Takes back exactly what one import added, in one transaction: the premises it created (with
 * their records), the fields and licence records it merged into premises on record, the
 * boundaries it replaced, the villages and the door plates (address points) it added. Refuses with 409 when premises it touched
 * have been worked on since (new records, edits), unless `force`.
 */
export function undoImport(
  ctx: AppContext,
  id: number,
  opts: { force?: boolean; actor?: string | null } = {},
): UndoResult {
  const job = getImportJob(ctx.db, id);
  if (!job)
    throw new ImportError({ en: `import ${id} not found`, zh: `找不到第 ${id} 号导入` }, 404, 'not_found');
  if (job.state !== 'committed') {
    throw new ImportError(
      {
        en: `import ${id} is ${job.state}; only a committed import can be undone`,
        zh: `第 ${id} 号导入${IMPORT_STATE_ZH[job.state]}；只有已完成的导入才能撤销`,
      },
      409,
      'conflict',
    );
  }
  const items = listImportItems(ctx.db, id);
  const created = items
    .filter((i) => i.action === 'created' && i.entity === 'premise')
    .map((i) => i.entityId);
  const createdTownships = items
    .filter((i) => i.action === 'created' && i.entity === 'township')
    .map((i) => i.entityId);
  const createdVillages = items
    .filter((i) => i.action === 'created' && i.entity === 'village')
    .map((i) => i.entityId);
  const geometries = items.filter((i) => i.action === 'geometry');
  const merged = items.filter((i) => i.action === 'merged');
  const events = items.filter((i) => i.action === 'event').map((i) => i.entityId);
  const addressPoints = items.filter((i) => i.action === 'address_point').map((i) => i.entityId);
  if (!opts.force && job.kind === 'premises') {
    const expectedEvents = (job.result as { eventsOnCreated?: number } | null)?.eventsOnCreated ?? 0;
    const touched = changedSince(ctx, job, [...created, ...merged.map((m) => m.entityId)]);
    const extraEvents = countEventsOf(ctx.db, created) - expectedEvents;
    if (touched.length > 0 || extraEvents > 0) {
      const ids = touched.slice(0, 10);
      const what = [
        touched.length > 0 ? `${touched.length} premises were edited since (ids ${ids.join(', ')})` : '',
        extraEvents > 0 ? `${extraEvents} records were added to premises it created` : '',
      ]
        .filter(Boolean)
        .join('; ');
      const whatZh = [
        touched.length > 0 ? `此后有 ${touched.length} 户经营户被修改过（编号 ${ids.join('、')}）` : '',
        extraEvents > 0 ? `它新增的经营户又添加了 ${extraEvents} 条记录` : '',
      ]
        .filter(Boolean)
        .join('；');
      throw new ImportError(
        {
          en: `import ${id} cannot be undone cleanly: ${what}. Undo with force to remove them too`,
          zh: `第 ${id} 号导入不能直接撤销：${whatZh}。如确要撤销，请选择强制撤销，这些修改和记录会一并删除`,
        },
        409,
        'conflict',
        {
          editedPremises: touched,
          extraEvents,
        },
      );
    }
  }
  if (!opts.force && job.kind === 'boundaries') {
    const replacedSince = geometries.filter(
      (g) =>
        currentBoundaryText(ctx.db, g.entity as BoundaryLevel, g.entityId) !==
        JSON.stringify((g.after as { geometry: unknown }).geometry),
    );
    if (replacedSince.length > 0) {
      throw new ImportError(
        {
          en: `import ${id} cannot be undone cleanly: ${replacedSince.length} of its boundaries were replaced again since; undo the later import first, or undo with force`,
          zh: `第 ${id} 号导入不能直接撤销：它导入的边界中有 ${replacedSince.length} 条此后又被替换过；请先撤销后来的导入，或选择强制撤销`,
        },
        409,
        'conflict',
      );
    }
  }
  const keptVillages = listVillages(ctx.db).filter(
    (v) => createdTownships.includes(v.townshipId) && !createdVillages.includes(v.id),
  );
  if (keptVillages.length > 0) {
    throw new ImportError(
      {
        en: `import ${id} cannot be undone: it created the township, and ${keptVillages.length} villages imported since belong to it; undo that import first`,
        zh: `第 ${id} 号导入无法撤销：本镇是这次导入建立的，之后导入的 ${keptVillages.length} 个村（社区）属于本镇；请先撤销那次导入`,
      },
      409,
      'conflict',
    );
  }
  if (createdVillages.length > 0 && premisesInVillages(ctx.db, createdVillages) > 0) {
    throw new ImportError(
      {
        en: `import ${id} cannot be undone: premises are filed under the villages it created; move them first`,
        zh: `第 ${id} 号导入无法撤销：已有经营户登记在它新建的村（社区）下；请先把这些经营户移到别的村（社区）`,
      },
      409,
      'conflict',
    );
  }
  const result: UndoResult = {
    importId: id,
    removedPremises: created.length,
    revertedMerges: merged.length,
    removedEvents: events.length,
    restoredBoundaries: 0,
    removedVillages: createdVillages.length,
    removedAddressPoints: addressPoints.length,
  };
  ctx.db.transaction(() => {
    deleteEvents(ctx.db, events);
    for (const m of merged) {
      updatePremiseFields(ctx.db, m.entityId, m.before as Partial<MergeableFields>);
      audit(ctx.db, {
        actor: opts.actor,
        action: 'update',
        entity: 'premise',
        entityId: m.entityId,
        before: m.after,
        after: { ...(m.before as object), undoneImportId: id },
      });
    }
    deletePremises(ctx.db, created);
    for (const g of geometries) {
      restoreBoundary(ctx.db, g.entity as BoundaryLevel, g.entityId, g.before as BoundaryBefore);
      result.restoredBoundaries++;
    }
    deleteVillages(ctx.db, createdVillages);
    for (const id of createdTownships) deleteTownship(ctx.db, id);
    deleteAddressPoints(ctx.db, addressPoints);
    audit(ctx.db, {
      actor: opts.actor,
      action: 'undo_import',
      entity: 'import',
      entityId: id,
      before: job.result,
      after: result,
    });
    updateImportJob(ctx.db, id, {
      state: 'undone',
      undone: true,
      progress: { ...job.progress, phase: 'undone' },
    });
  })();
  if (job.kind === 'premises') ctx.model.reload();
  return result;
}
