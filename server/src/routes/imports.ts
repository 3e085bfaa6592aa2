import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { getImportJob, type ImportJob, listImportJobs } from '../db/import-jobs';
import { errorReportCsv, type ReportedIssue } from '../domain/import/error-report';
import { ImportError } from '../domain/import/import-error';
import { type AppEnv, actorName } from '../http/auth';
import { importErrorResponse } from '../http/import-error-response';
import { multipartOnly, uploadedFiles, uploadForm, uploadLimit } from '../http/read-upload';
import { idParam, validate } from '../http/validate';
import { logError } from '../log-error';
import { abandonImport } from '../pipelines/abandon-import';
import { commitBoundaryImport } from '../pipelines/commit-boundary-import';
import { commitPremiseImport } from '../pipelines/commit-premise-import';
import {
  addressImportRefusal,
  addressImportReport,
  describeAddressImport,
  importAddressPoints,
} from '../pipelines/import-address-points';
import { jobFor, requireStaged } from '../pipelines/job-runner';
import { checkJobMapping, setPremiseMapping } from '../pipelines/premise-import-mapping';
import { commitDecisions, premiseImportOptions } from '../pipelines/premise-import-options';
import { describeBoundaryImport, stageBoundaryImport } from '../pipelines/stage-boundary-import';
import { describeStaged, stagePremiseImport } from '../pipelines/stage-premise-import';
import { undoImport } from '../pipelines/undo-import';
import { lastValidation, listed, validatePremiseImport } from '../pipelines/validate-premise-import';

const idParams = z.object({ id: idParam });

const text = z.string().optional();

const premiseUpload = uploadForm({
  sheet: text,
  options: text,
  crs: text,
  surveyDate: text,
  defaultCategory: text,
});

const boundaryUpload = uploadForm({
  level: z.enum(['village', 'township'], { message: 'expected village or township' }).optional(),
  crs: text,
  /** The code of the township of the district the boundaries are of (needed once there are several). */
  township: text,
});

const addressUpload = uploadForm({
  /** All or nothing; a checkbox sends "on". */
  strict: z
    .enum(['', '0', '1', 'false', 'true', 'on'], { message: 'expected 1 (all or nothing) or 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true' || v === 'on'),
  crs: text,
});

/** Whether a long step runs now (200) or in the background (?wait=0, 202). */
const waitQuery = z.object({ wait: z.enum(['0', '1'], { message: 'expected 0 or 1' }).optional() });

/** Options sent with an upload: a JSON `options` field, or the fields crs / surveyDate / defaultCategory. */
function uploadOptions(fields: z.infer<typeof premiseUpload>) {
  let raw: Record<string, unknown> = {};
  if (fields.options) {
    try {
      raw = JSON.parse(fields.options);
    } catch {
      throw new ImportError('options: expected a JSON object', 400, 'bad_request');
    }
  }
  for (const k of ['crs', 'surveyDate', 'defaultCategory'] as const) if (fields[k]) raw[k] = fields[k];
  const parsed = premiseImportOptions.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new ImportError(`options.${i.path.join('.')}: ${i.message}`, 400, 'bad_request');
  }
  return parsed.data;
}

function summary(job: ImportJob) {
  return {
    importId: job.id,
    kind: job.kind,
    state: job.state,
    fileName: job.fileName,
    format: job.format,
    rowCount: job.rowCount,
    actor: job.actor,
    createdAt: job.createdAt,
    committedAt: job.committedAt,
    undoneAt: job.undoneAt,
    abandonedAt: job.abandonedAt,
    progress: job.progress,
    result: job.result,
  };
}

/** A staged or committed premise import: the mapping step's view, the last dry run, the result. */
function describePremises(ctx: AppContext, job: ImportJob) {
  const validation = job.validation ? listed(lastValidation(job)) : null;
  return { ...describeStaged(ctx, job), validation, result: job.result, progress: job.progress };
}

function describe(ctx: AppContext, job: ImportJob) {
  if (job.kind === 'boundaries') return { ...describeBoundaryImport(ctx, job), result: job.result };
  if (job.kind === 'addresses') return describeAddressImport(job);
  return describePremises(ctx, job);
}

function jobOr404(ctx: AppContext, id: number): ImportJob {
  const job = getImportJob(ctx.db, id);
  if (!job) throw new ImportError(`import ${id} not found`, 404, 'not_found');
  return job;
}

/** Runs a long step now (200 with its result) or, with ?wait=0, in the background (202; poll /progress). */
async function run<T>(wait: string | undefined, job: ImportJob, step: () => Promise<T>) {
  if (wait === '0') {
    step().catch((err) => {
      // A refusal is on the job's progress, where the poller reads it; anything else is also logged.
      if (!(err instanceof ImportError)) logError(`import ${job.id} in the background`, err);
    });
    return {
      status: 202 as const,
      body: { importId: job.id, state: job.state, progress: `/api/imports/${job.id}/progress` },
    };
  }
  return { status: 200 as const, body: await step() };
}

/**
 * Imports: premise lists (upload → mapping → dry run → commit, with history and undo),
 * village/township boundaries (upload → preview → commit) and door plates for the gazetteer (one
 * step: good rows in, bad rows reported; all or nothing with strict). A staged upload can be
 * abandoned (DELETE); only a staged one keeps its rows. Every body is validated here, so
 * hc<AppType> types every call.
 */
export function importRoutes(ctx: AppContext, opts: { maxUploadBytes?: number } = {}) {
  return new Hono<AppEnv>()
    .onError(importErrorResponse)
    .get('/', (c) => c.json({ imports: listImportJobs(ctx.db).map(summary) }))
    .post(
      '/premises',
      uploadLimit(opts.maxUploadBytes),
      multipartOnly,
      validate('form', premiseUpload),
      async (c) => {
        const form = c.req.valid('form');
        const files = await uploadedFiles(form);
        if (files.length > 1) throw new ImportError('send one premise list at a time', 400, 'bad_request');
        const job = await stagePremiseImport(ctx, files[0], {
          sheet: form.sheet || undefined,
          options: uploadOptions(form),
          actor: actorName(c),
        });
        return c.json(describePremises(ctx, job), 201);
      },
    )
    .post(
      '/boundaries',
      uploadLimit(opts.maxUploadBytes),
      multipartOnly,
      validate('form', boundaryUpload),
      async (c) => {
        const form = c.req.valid('form');
        const job = stageBoundaryImport(ctx, await uploadedFiles(form), {
          level: form.level ?? 'village',
          crs: form.crs || undefined,
          township: form.township || undefined,
          actor: actorName(c),
        });
        return c.json({ ...describeBoundaryImport(ctx, job), result: job.result }, 201);
      },
    )
    .post(
      '/addresses',
      uploadLimit(opts.maxUploadBytes),
      multipartOnly,
      validate('form', addressUpload),
      async (c) => {
        const form = c.req.valid('form');
        const files = await uploadedFiles(form);
        if (files.length > 1) throw new ImportError('send one door-plate list at a time', 400, 'bad_request');
        const { view } = await importAddressPoints(ctx, files[0], {
          strict: form.strict,
          crs: form.crs || undefined,
          actor: actorName(c),
        });
        const refusal = addressImportRefusal(view, form.strict);
        if (refusal) throw new ImportError(refusal, 422, 'rows_refused', view);
        return c.json(view, 201);
      },
    )
    .post(
      '/boundaries/:id/commit',
      validate('param', idParams),
      validate(
        'json',
        z
          .object({
            features: z
              .record(z.string(), z.union([z.number().int().positive(), z.enum(['new', 'skip'])]))
              .default({}),
          })
          .strict()
          .optional(),
      ),
      (c) => {
        const job = jobFor(ctx, c.req.valid('param').id, 'boundaries');
        return c.json(commitBoundaryImport(ctx, job, c.req.valid('json')?.features ?? {}));
      },
    )
    .get('/:id', validate('param', idParams), (c) =>
      c.json(describe(ctx, jobOr404(ctx, c.req.valid('param').id))),
    )
    .delete('/:id', validate('param', idParams), (c) =>
      c.json(summary(abandonImport(ctx, c.req.valid('param').id, { actor: actorName(c) }))),
    )
    .get('/:id/progress', validate('param', idParams), (c) => {
      const job = jobOr404(ctx, c.req.valid('param').id);
      return c.json({ importId: job.id, state: job.state, ...job.progress });
    })
    .put(
      '/:id/mapping',
      validate('param', idParams),
      validate(
        'json',
        z
          .object({
            mapping: z
              .record(z.string(), z.union([z.number().int().min(0), z.string(), z.null()]))
              .optional(),
            options: premiseImportOptions.partial().optional(),
          })
          .strict(),
      ),
      (c) => {
        const job = jobFor(ctx, c.req.valid('param').id, 'premises');
        return c.json(describePremises(ctx, setPremiseMapping(ctx, job, c.req.valid('json'))));
      },
    )
    .post(
      '/:id/validate',
      validate('param', idParams),
      validate('query', waitQuery),
      validate('json', z.object({}).strict().optional()),
      async (c) => {
        const job = jobFor(ctx, c.req.valid('param').id, 'premises');
        // Refusals a step makes before it starts are answered now, not lost behind a 202.
        requireStaged(job);
        checkJobMapping(job);
        const { status, body } = await run(c.req.valid('query').wait, job, async () =>
          listed(await validatePremiseImport(ctx, job)),
        );
        return c.json(body, status);
      },
    )
    .get('/:id/errors.csv', validate('param', idParams), (c) => {
      const job = jobOr404(ctx, c.req.valid('param').id);
      let report: { errors: readonly ReportedIssue[]; warnings: readonly ReportedIssue[] };
      if (job.kind === 'premises') report = lastValidation(job);
      else if (job.kind === 'addresses') report = addressImportReport(job);
      else
        throw new ImportError(
          `import ${job.id} is a boundary import: it has no error report`,
          404,
          'not_found',
        );
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="import-${job.id}-errors.csv"`);
      return c.body(errorReportCsv(report.errors, report.warnings));
    })
    .post(
      '/:id/commit',
      validate('param', idParams),
      validate('query', waitQuery),
      validate('json', commitDecisions.optional()),
      async (c) => {
        const job = jobFor(ctx, c.req.valid('param').id, 'premises');
        const decisions = c.req.valid('json') ?? commitDecisions.parse({});
        requireStaged(job);
        checkJobMapping(job);
        const { status, body } = await run(c.req.valid('query').wait, job, () =>
          commitPremiseImport(ctx, job, decisions),
        );
        return c.json(body, status);
      },
    )
    .post(
      '/:id/undo',
      validate('param', idParams),
      validate(
        'json',
        z
          .object({ force: z.boolean().default(false) })
          .strict()
          .optional(),
      ),
      (c) => {
        const force = c.req.valid('json')?.force ?? false;
        return c.json(undoImport(ctx, c.req.valid('param').id, { force, actor: actorName(c) }));
      },
    );
}
