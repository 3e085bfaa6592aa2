import type { AppContext } from '../context';
import {
  getImportJob,
  type ImportJob,
  type ImportKind,
  type ImportProgress,
  type ImportState,
  updateImportJob,
} from '../db/import-jobs';
import { ImportError } from '../domain/import/import-error';

const KIND_ZH: Record<ImportKind, string> = { premises: '经营户', boundaries: '边界', addresses: '门牌' };
/** An import's state as a refusal tells it in Chinese. */
export const IMPORT_STATE_ZH: Record<ImportState, string> = {
  staged: '尚未导入',
  committed: '已完成',
  undone: '已撤销',
  abandoned: '已放弃',
};
const PHASE_ZH: Partial<Record<ImportProgress['phase'], string>> = {
  validating: '检查',
  placing: '定位',
  writing: '写入',
};

/** Jobs a long step is working on in this process, so a second request does not run beside it. */
const busy = new Map<number, ImportProgress['phase']>();
/** Progress is written to the job row at most this often while a step runs. */
const PROGRESS_EVERY_MS = 200;

/** The job, or a 404 / 409 saying why it cannot be worked on. */
export function jobFor(ctx: AppContext, id: number, kind: ImportKind): ImportJob {
  const job = getImportJob(ctx.db, id);
  if (!job || job.kind !== kind)
    throw new ImportError(
      { en: `${kind} import ${id} not found`, zh: `找不到第 ${id} 号${KIND_ZH[kind]}导入` },
      404,
      'not_found',
    );
  return job;
}

export function requireStaged(job: ImportJob): void {
  if (job.state !== 'staged') {
    throw new ImportError(
      {
        en: `import ${job.id} is already ${job.state}; upload the file again to start a new import`,
        zh: `第 ${job.id} 号导入${IMPORT_STATE_ZH[job.state]}；如需再次导入，请重新上传文件`,
      },
      409,
      'conflict',
    );
  }
}

/** A 409 while a long step of the job runs in this process (it reads the rows and writes the job). */
export function requireIdle(job: ImportJob): void {
  const running = busy.get(job.id);
  if (running)
    throw new ImportError(
      {
        en: `import ${job.id} is busy (${running}); wait for it to finish`,
        zh: `第 ${job.id} 号导入正在${PHASE_ZH[running] ?? '处理'}，请等它完成`,
      },
      409,
      'busy',
    );
}

/**
 * Runs a long step of a job: refuses if another step of the same job is running, records
 * progress on the job row as it goes, and marks the job failed-in-phase if the step throws.
 */
export async function runJobStep<T>(
  ctx: AppContext,
  job: ImportJob,
  phase: ImportProgress['phase'],
  step: (report: (p: Partial<ImportProgress>) => void) => Promise<T>,
): Promise<T> {
  requireIdle(job);
  busy.set(job.id, phase);
  let progress: ImportProgress = { ...job.progress, phase, total: job.rowCount, validated: 0, written: 0 };
  let lastWrite = 0;
  const report = (p: Partial<ImportProgress>) => {
    progress = { ...progress, ...p };
    const now = Date.now();
    if (now - lastWrite >= PROGRESS_EVERY_MS || p.phase) {
      lastWrite = now;
      updateImportJob(ctx.db, job.id, { progress });
    }
  };
  updateImportJob(ctx.db, job.id, { progress });
  try {
    return await step(report);
  } catch (err) {
    // A refusal is the user's to read; anything else may quote the cells it failed on, and is the log's.
    const refusal = err instanceof ImportError;
    const message = refusal ? err.message : 'internal error; see the server log';
    const messageZh = refusal ? err.messageZh : '内部错误，详见服务器日志';
    updateImportJob(ctx.db, job.id, { progress: { ...progress, phase: 'failed', message, messageZh } });
    throw err;
  } finally {
    busy.delete(job.id);
  }
}
