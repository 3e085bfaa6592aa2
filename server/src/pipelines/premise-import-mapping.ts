import type { AppContext } from '../context';
import { type ImportJob, updateImportJob } from '../db/import-jobs';
import { checkMapping, type HeaderMapping } from '../domain/import/header-mapping';
import { ImportError } from '../domain/import/import-error';
import { fieldLabel, PREMISE_FIELD_KEYS, type PremiseField } from '../domain/import/premise-fields';
import { requireStaged } from './job-runner';
import { type PremiseImportOptions, premiseImportOptions } from './premise-import-options';

/** Checks the job's mapping is complete; throws the 422 that says what to map. */
export function checkJobMapping(job: ImportJob): void {
  const options = job.options as PremiseImportOptions;
  checkMapping(job.mapping as HeaderMapping, job.headers, {
    defaultCategory: options.defaultCategory !== undefined,
  });
}

/**
 * Corrects the mapping (field → column index or header text, null to unmap) and the options of a
 * staged import. Fields not named keep their mapping. Clears the last dry run.
 */
export function setPremiseMapping(
  ctx: AppContext,
  job: ImportJob,
  changes: { mapping?: Record<string, number | string | null>; options?: Partial<PremiseImportOptions> },
): ImportJob {
  requireStaged(job);
  const mapping: HeaderMapping = { ...(job.mapping as HeaderMapping) };
  for (const [field, target] of Object.entries(changes.mapping ?? {})) {
    if (!PREMISE_FIELD_KEYS.includes(field as PremiseField)) {
      throw new ImportError(
        {
          en: `mapping: unknown field ${JSON.stringify(field)}; expected one of ${PREMISE_FIELD_KEYS.join(', ')}`,
          zh: `表头对应有误：没有“${field}”这个字段；应为以下之一：${PREMISE_FIELD_KEYS.join('、')}`,
        },
        422,
        'bad_mapping',
      );
    }
    let column: number | null;
    if (target === null) column = null;
    else if (typeof target === 'number') column = target;
    else {
      column = job.headers.indexOf(target);
      if (column < 0) {
        throw new ImportError(
          {
            en: `mapping: ${field} names the column ${JSON.stringify(target)}, but the file has no such column`,
            zh: `表头对应有误：${fieldLabel(field as PremiseField)}对应到“${target}”列，但文件里没有这一列`,
          },
          422,
          'bad_mapping',
        );
      }
    }
    mapping[field as PremiseField] = column;
  }
  const parsed = premiseImportOptions.safeParse({ ...job.options, ...(changes.options ?? {}) });
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new ImportError(`options.${i.path.join('.')}: ${i.message}`, 422, 'bad_options');
  }
  const next = { ...job, mapping: mapping as ImportJob['mapping'], options: parsed.data };
  checkMapping(mapping, job.headers, { requireComplete: false });
  updateImportJob(ctx.db, job.id, { mapping: next.mapping, options: next.options, validation: null });
  return next;
}
