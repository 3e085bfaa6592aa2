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
  if (!job) throw new ImportError(`import ${id} not found`, 404, 'not_found');
  if (job.state !== 'committed') {
    throw new ImportError(
      `import ${id} is ${job.state}; only a committed import can be undone`,
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
      const what = [
        touched.length > 0
          ? `${touched.length} premises were edited since (ids ${touched.slice(0, 10).join(', ')})`
          : '',
        extraEvents > 0 ? `${extraEvents} records were added to premises it created` : '',
      ]
        .filter(Boolean)
        .join('; ');
      throw new ImportError(
        `import ${id} cannot be undone cleanly: ${what}. Undo with force to remove them too`,
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
        `import ${id} cannot be undone cleanly: ${replacedSince.length} of its boundaries were replaced again since; undo the later import first, or undo with force`,
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
      `import ${id} cannot be undone: it created the township, and ${keptVillages.length} villages imported since belong to it; undo that import first`,
      409,
      'conflict',
    );
  }
  if (createdVillages.length > 0 && premisesInVillages(ctx.db, createdVillages) > 0) {
    throw new ImportError(
      `import ${id} cannot be undone: premises are filed under the villages it created; move them first`,
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
