import { deleteStagedRows, getImportJob, updateImportJob } from '../db/import-jobs';
import type { Db } from '../db/open-database';
import { maskIssueValues } from '../domain/import/mask-issue-values';

/**
 * What a settled (committed or abandoned) import keeps: its counts, result and history, and its
 * error report with the cells of personal fields masked — not the uploaded rows, which hold the
 * people's data raw. Call inside the transaction that settles the job. Returns the rows deleted.
 */
export function purgeImportRows(db: Db, importId: number): number {
  const deleted = deleteStagedRows(db, importId);
  const validation = getImportJob(db, importId)?.validation;
  if (validation) updateImportJob(db, importId, { validation: maskIssueValues(validation) });
  return deleted;
}
