import type { AppContext } from '../context';
import { createImportJob, getImportJob, type ImportJob, readStagedRows, stageRows } from '../db/import-jobs';
import { guessMapping, type HeaderMapping } from '../domain/import/header-mapping';
import { PREMISE_FIELDS, REQUIRED_FIELDS } from '../domain/import/premise-fields';
import { readTable } from '../domain/import/read-table';
import type { PremiseImportOptions } from './premise-import-options';

const PREVIEW_ROWS = 20;

export interface StagedPremiseRow {
  cells: string[];
}

/** What the mapping step shows: the file's columns with samples, the guessed mapping, the first rows. */
export function describeStaged(ctx: AppContext, job: ImportJob) {
  const preview = readStagedRows<StagedPremiseRow>(ctx.db, job.id, 0, PREVIEW_ROWS).map((r) => ({
    rowNo: r.rowNo,
    cells: r.data.cells,
  }));
  const fieldOf = new Map(Object.entries(job.mapping).map(([f, c]) => [c, f]));
  return {
    importId: job.id,
    kind: job.kind,
    state: job.state,
    fileName: job.fileName,
    format: job.format,
    encoding: job.encoding,
    sheet: job.sheet,
    headerRow: job.headerRow,
    rowCount: job.rowCount,
    columns: job.headers.map((header, index) => ({
      index,
      header,
      field: fieldOf.get(index) ?? null,
      samples: preview.slice(0, 3).map((r) => r.cells[index] ?? ''),
    })),
    mapping: job.mapping,
    missing: REQUIRED_FIELDS.filter((f) => job.mapping[f] === undefined || job.mapping[f] === null),
    fields: PREMISE_FIELDS.map((f) => ({ key: f.key, label: f.label, required: 'required' in f })),
    options: job.options,
    notes: job.notes,
    preview,
    /** A committed or abandoned import keeps no rows: no preview, no samples. */
    rowsPurged: job.state !== 'staged',
  };
}

/**
 * Reads an uploaded premise list (XLSX or CSV in any common encoding), guesses which column is
 * which, and stages its rows in the database as an import job. Nothing is imported yet.
 */
export async function stagePremiseImport(
  ctx: AppContext,
  file: { name: string; bytes: Uint8Array },
  opts: {
    sheet?: string;
    options?: PremiseImportOptions;
    mapping?: HeaderMapping;
    actor?: string | null;
  } = {},
): Promise<ImportJob> {
  const table = await readTable(file.bytes, file.name, opts.sheet);
  const notes = [...table.warnings];
  if (table.encoding) notes.unshift(`read as ${table.encoding} text`);
  if (table.headerRowNo > 1)
    notes.push(`the header is row ${table.headerRowNo}; the rows above it were skipped as titles`);
  const mapping = opts.mapping ?? guessMapping(table.headers);
  const id = ctx.db.transaction(() => {
    const newId = createImportJob(ctx.db, {
      kind: 'premises',
      fileName: file.name,
      fileBytes: file.bytes.length,
      format: table.format,
      encoding: table.encoding,
      sheet: table.sheet,
      headerRow: table.headerRowNo,
      headers: table.headers,
      mapping,
      options: opts.options ?? {},
      notes,
      rowCount: table.rows.length,
      actor: opts.actor ?? null,
    });
    stageRows(
      ctx.db,
      newId,
      table.rows.map((r) => ({ rowNo: r.rowNo, data: { cells: r.cells } satisfies StagedPremiseRow })),
    );
    return newId;
  })();
  return getImportJob(ctx.db, id) as ImportJob;
}
