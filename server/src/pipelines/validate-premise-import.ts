import type { AppContext } from '../context';
import { type ImportJob, updateImportJob } from '../db/import-jobs';
import { ImportError } from '../domain/import/import-error';
import { REVIEW_CONFIDENCE } from '../domain/import/place-candidate';
import type { RowIssue } from '../domain/import/premise-candidate';
import { importGeocoder } from './geocoder';
import { requireStaged, runJobStep } from './job-runner';
import { checkJobMapping } from './premise-import-mapping';
import { type ResolvedImport, resolvePremiseRows } from './resolve-premise-rows';

/** How many issues a response lists; the error report (errors.csv) has them all. */
const LISTED = 200;

export interface DuplicateRow {
  row: number;
  existingId: number | null;
  sameAsRow: number | null;
  name: string;
  address: string;
  score: number;
  reason: 'archive_no' | 'name_and_address';
}

/** The outcome of a dry run, as stored on the job and (with issues cut to the first 200) returned. */
export interface ValidationResult {
  importId: number;
  rowCount: number;
  validRows: number;
  invalidRows: number;
  errorCount: number;
  warningCount: number;
  newRows: number;
  duplicates: DuplicateRow[];
  geocoded: number;
  lowConfidence: number;
  errors: RowIssue[];
  warnings: RowIssue[];
}

export function summarise(job: ImportJob, r: ResolvedImport): ValidationResult {
  const duplicates: DuplicateRow[] = r.rows
    // repeats within the file too: the commit skips them unless decided otherwise, so they are decisions
    .filter((x) => x.duplicate != null)
    .map((x) => ({ row: x.candidate.rowNo, ...(x.duplicate as NonNullable<typeof x.duplicate>) }))
    .map(({ row, existingId, sameAsRow, name, address, score, reason }) => ({
      row,
      existingId,
      sameAsRow,
      name,
      address,
      score,
      reason,
    }));
  const geocoded = r.rows.filter((x) => x.placement.confidence !== null);
  return {
    importId: job.id,
    rowCount: job.rowCount,
    validRows: r.rows.length,
    invalidRows: r.invalidRows,
    errorCount: r.errors.length,
    warningCount: r.warnings.length,
    newRows: r.rows.length - duplicates.length,
    duplicates,
    geocoded: geocoded.length,
    lowConfidence: geocoded.filter((x) => (x.placement.confidence as number) < REVIEW_CONFIDENCE).length,
    errors: r.errors,
    warnings: r.warnings,
  };
}

/** The result as a response: the first issues only, and whether more were left off. */
export function listed(v: ValidationResult) {
  return {
    ...v,
    errors: v.errors.slice(0, LISTED),
    warnings: v.warnings.slice(0, LISTED),
    truncated: v.errors.length > LISTED || v.warnings.length > LISTED,
  };
}

/** The dry run: checks every row, finds duplicates and places rows without coordinates; writes only the job's result. */
export async function validatePremiseImport(ctx: AppContext, job: ImportJob): Promise<ValidationResult> {
  requireStaged(job);
  checkJobMapping(job);
  return runJobStep(ctx, job, 'validating', async (report) => {
    const resolved = await resolvePremiseRows(ctx, job, importGeocoder(ctx.db), report);
    const result = summarise(job, resolved);
    updateImportJob(ctx.db, job.id, { validation: result });
    report({ phase: 'validated', validated: job.rowCount });
    return result;
  });
}

/** The error report of the last dry run, or a 409 saying to run one first. */
export function lastValidation(job: ImportJob): ValidationResult {
  if (!job.validation)
    throw new ImportError(
      {
        en: `import ${job.id} has not been validated yet; run the dry run first`,
        zh: `第 ${job.id} 号导入还没有检查过；请先做一次试导入检查`,
      },
      409,
      'not_validated',
    );
  return job.validation as ValidationResult;
}
