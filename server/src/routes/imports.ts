import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { getImportJob, type ImportJob, listImportJobs } from '../db/import-jobs';
import { errorReportCsv } from '../domain/import/error-report';
import { ImportError } from '../domain/import/import-error';
import { importErrorResponse } from '../http/import-error-response';
import { readUpload, uploadLimit } from '../http/read-upload';
import { idParam, validate } from '../http/validate';
import { commitBoundaryImport } from '../pipelines/commit-boundary-import';
import { commitPremiseImport } from '../pipelines/commit-premise-import';
import { jobFor } from '../pipelines/job-runner';
import { setPremiseMapping } from '../pipelines/premise-import-mapping';
import { commitDecisions, premiseImportOptions } from '../pipelines/premise-import-options';
import { describeBoundaryImport, stageBoundaryImport } from '../pipelines/stage-boundary-import';
import { describeStaged, stagePremiseImport } from '../pipelines/stage-premise-import';
import { undoImport } from '../pipelines/undo-import';
import { lastValidation, listed, validatePremiseImport } from '../pipelines/validate-premise-import';

const idParams = z.object({ id: idParam });

/** Parses a JSON body that may be empty (then `{}`) against a schema, answering 400 with the field. */
async function jsonBody<T extends z.ZodType>(
  req: { text(): Promise<string> },
  schema: T,
): Promise<z.infer<T>> {
  const text = await req.text();
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ImportError('the request body is not valid JSON', 400, 'bad_request');
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.join('.');
    throw new ImportError(
      path ? `${path}: ${issue.message}` : issue.message,
      400,
      'bad_request',
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/** Options sent with an upload: a JSON `options` field, or the fields crs / surveyDate / defaultCategory. */
function uploadOptions(fields: Record<string, string>) {
  let raw: Record<string, unknown> = {};
  if (fields.options) {
    try {
      raw = JSON.parse(fields.options);
    } catch {
      throw new ImportError('options: expected a JSON object', 400, 'bad_request');
    }
  }
  for (const k of ['crs', 'surveyDate', 'defaultCategory']) if (fields[k]) raw[k] = fields[k];
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
    progress: job.progress,
    result: job.result,
  };
}

function describe(ctx: AppContext, job: ImportJob) {
  if (job.kind === 'boundaries') return { ...describeBoundaryImport(ctx, job), result: job.result };
  const validation = job.validation ? listed(lastValidation(job)) : null;
  return { ...describeStaged(ctx, job), validation, result: job.result, progress: job.progress };
}

/** Runs a long step now (200 with its result) or, with ?wait=0, in the background (202; poll /progress). */
async function run<T>(wait: string | undefined, job: ImportJob, step: () => Promise<T>) {
  if (wait === '0') {
    step().catch(() => {
      // the failure is on the job's progress, where the poller reads it
    });
    return {
      status: 202 as const,
      body: { importId: job.id, state: job.state, progress: `/api/imports/${job.id}/progress` },
    };
  }
  return { status: 200 as const, body: await step() };
}

/**
 * Imports: premise lists (upload → mapping → dry run → commit, with history and undo) and
 * village/township boundaries (upload → preview → commit).
 */
export function importRoutes(ctx: AppContext, opts: { maxUploadBytes?: number } = {}) {
  return new Hono()
    .onError(importErrorResponse)
    .get('/', (c) => c.json({ imports: listImportJobs(ctx.db).map(summary) }))
    .post('/premises', uploadLimit(opts.maxUploadBytes), async (c) => {
      const { files, fields } = await readUpload(c);
      if (files.length > 1) throw new ImportError('send one premise list at a time', 400, 'bad_request');
      const job = await stagePremiseImport(ctx, files[0], {
        sheet: fields.sheet || undefined,
        options: uploadOptions(fields),
      });
      return c.json(describe(ctx, job), 201);
    })
    .post('/boundaries', uploadLimit(opts.maxUploadBytes), async (c) => {
      const { files, fields } = await readUpload(c);
      const level = fields.level ?? 'village';
      if (level !== 'village' && level !== 'township')
        throw new ImportError('level: expected village or township', 400, 'bad_request');
      const job = stageBoundaryImport(ctx, files, { level, crs: fields.crs || undefined });
      return c.json(describe(ctx, job), 201);
    })
    .post('/boundaries/:id/commit', validate('param', idParams), async (c) => {
      const job = jobFor(ctx, c.req.valid('param').id, 'boundaries');
      const body = await jsonBody(
        c.req,
        z
          .object({
            features: z
              .record(z.string(), z.union([z.number().int().positive(), z.enum(['new', 'skip'])]))
              .default({}),
          })
          .strict(),
      );
      return c.json(commitBoundaryImport(ctx, job, body.features));
    })
    .get('/:id', validate('param', idParams), (c) => {
      const job = getImportJob(ctx.db, c.req.valid('param').id);
      if (!job) throw new ImportError(`import ${c.req.valid('param').id} not found`, 404, 'not_found');
      return c.json(describe(ctx, job));
    })
    .get('/:id/progress', validate('param', idParams), (c) => {
      const job = getImportJob(ctx.db, c.req.valid('param').id);
      if (!job) throw new ImportError(`import ${c.req.valid('param').id} not found`, 404, 'not_found');
      return c.json({ importId: job.id, state: job.state, ...job.progress });
    })
    .put('/:id/mapping', validate('param', idParams), async (c) => {
      const job = jobFor(ctx, c.req.valid('param').id, 'premises');
      const body = await jsonBody(
        c.req,
        z
          .object({
            mapping: z
              .record(z.string(), z.union([z.number().int().min(0), z.string(), z.null()]))
              .optional(),
            options: premiseImportOptions.partial().optional(),
          })
          .strict(),
      );
      return c.json(describe(ctx, setPremiseMapping(ctx, job, body)));
    })
    .post('/:id/validate', validate('param', idParams), async (c) => {
      const job = jobFor(ctx, c.req.valid('param').id, 'premises');
      const { status, body } = await run(c.req.query('wait'), job, async () =>
        listed(await validatePremiseImport(ctx, job)),
      );
      return c.json(body, status);
    })
    .get('/:id/errors.csv', validate('param', idParams), (c) => {
      const job = jobFor(ctx, c.req.valid('param').id, 'premises');
      const v = lastValidation(job);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="import-${job.id}-errors.csv"`);
      return c.body(errorReportCsv(v.errors, v.warnings));
    })
    .post('/:id/commit', validate('param', idParams), async (c) => {
      const job = jobFor(ctx, c.req.valid('param').id, 'premises');
      const decisions = await jsonBody(c.req, commitDecisions);
      const { status, body } = await run(c.req.query('wait'), job, () =>
        commitPremiseImport(ctx, job, decisions),
      );
      return c.json(body, status);
    })
    .post('/:id/undo', validate('param', idParams), async (c) => {
      const body = await jsonBody(c.req, z.object({ force: z.boolean().default(false) }).strict());
      return c.json(undoImport(ctx, c.req.valid('param').id, { force: body.force }));
    });
}
