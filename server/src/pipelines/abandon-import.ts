import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { getImportJob, type ImportJob, stagedJobsBefore, updateImportJob } from '../db/import-jobs';
import { ImportError } from '../domain/import/import-error';
import { IMPORT_STATE_ZH, requireIdle } from './job-runner';
import { purgeImportRows } from './purge-import-rows';

/** How long an upload may wait, staged, before it is abandoned for its uploader. */
export const STALE_IMPORT_DAYS = 7;

function abandon(ctx: AppContext, job: ImportJob, actor: string | null, reason: 'abandoned' | 'stale') {
  ctx.db.transaction(() => {
    const purgedRows = purgeImportRows(ctx.db, job.id);
    updateImportJob(ctx.db, job.id, { state: 'abandoned', abandoned: true });
    audit(ctx.db, {
      actor,
      action: 'abandon_import',
      entity: 'import',
      entityId: job.id,
      after: { fileName: job.fileName, kind: job.kind, rowCount: job.rowCount, purgedRows, reason },
    });
  })();
}

/**
 * Abandons a staged import: it will not be committed, and its uploaded rows are deleted (the
 * job stays in the history). 404 when there is no such import, 409 when it is not staged or a
 * step of it is running.
 */
export function abandonImport(ctx: AppContext, id: number, opts: { actor?: string | null } = {}): ImportJob {
  const job = getImportJob(ctx.db, id);
  if (!job)
    throw new ImportError({ en: `import ${id} not found`, zh: `找不到第 ${id} 号导入` }, 404, 'not_found');
  if (job.state !== 'staged')
    throw new ImportError(
      {
        en: `import ${id} is ${job.state}; only a staged import can be abandoned${job.state === 'committed' ? ' (a committed one can be undone)' : ''}`,
        zh: `第 ${id} 号导入${IMPORT_STATE_ZH[job.state]}；只有尚未导入的才能放弃${job.state === 'committed' ? '（已完成的导入可以撤销）' : ''}`,
      },
      409,
      'conflict',
    );
  requireIdle(job);
  abandon(ctx, job, opts.actor ?? null, 'abandoned');
  return getImportJob(ctx.db, id) as ImportJob;
}

/**
 * Abandons the imports staged more than `days` ago and never committed, so uploaded rows do not
 * outlive the work. Jobs a step is working on are left for the next round. Returns their ids.
 */
export function abandonStaleImports(ctx: AppContext, opts: { now?: Date; days?: number } = {}): number[] {
  const now = opts.now ?? new Date();
  const before = new Date(now.getTime() - (opts.days ?? STALE_IMPORT_DAYS) * 86_400_000).toISOString();
  const abandoned: number[] = [];
  for (const id of stagedJobsBefore(ctx.db, before)) {
    const job = getImportJob(ctx.db, id) as ImportJob;
    try {
      requireIdle(job);
    } catch {
      continue;
    }
    abandon(ctx, job, null, 'stale');
    abandoned.push(id);
  }
  return abandoned;
}
