import { type Db, dialectOf } from './open-database';
import { pgStageRows } from './pg/bulk-load';
import type { PgDatabase } from './pg/pg-database';

export type ImportKind = 'premises' | 'boundaries' | 'addresses';
/** staged → committed (→ undone), or staged → abandoned; only a staged job keeps its rows. */
export type ImportState = 'staged' | 'committed' | 'undone' | 'abandoned';

/** How far a long step has got: rows parsed, checked and written, out of `total`. */
export interface ImportProgress {
  phase: 'staged' | 'validating' | 'validated' | 'placing' | 'writing' | 'committed' | 'undone' | 'failed';
  total: number;
  parsed: number;
  validated: number;
  written: number;
  /** Why the step failed (phase `failed`), and the same in Chinese when it was written in both. */
  message?: string;
  messageZh?: string;
}

export interface ImportJob {
  id: number;
  kind: ImportKind;
  state: ImportState;
  fileName: string;
  fileBytes: number;
  format: string;
  encoding: string | null;
  sheet: string | null;
  headerRow: number | null;
  headers: string[];
  mapping: Record<string, number | null>;
  options: Record<string, unknown>;
  /** What the reader noticed or assumed (encoding, coordinate system …). */
  notes: string[];
  rowCount: number;
  validation: unknown;
  result: unknown;
  progress: ImportProgress;
  actor: string | null;
  createdAt: string;
  committedAt: string | null;
  undoneAt: string | null;
  abandonedAt: string | null;
}

export type NewImportJob = Pick<ImportJob, 'kind' | 'fileName' | 'fileBytes' | 'format' | 'rowCount'> &
  Partial<
    Pick<
      ImportJob,
      'encoding' | 'sheet' | 'headerRow' | 'headers' | 'mapping' | 'options' | 'notes' | 'actor'
    >
  >;

const columns = `id, kind, state, file_name, file_bytes, format, encoding, sheet, header_row, headers, mapping, options,
  notes, row_count, validation, result, progress, actor, created_at, committed_at, undone_at, abandoned_at`;

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.parse(String(v)));

function toJob(r: Record<string, unknown>): ImportJob {
  return {
    id: Number(r.id),
    kind: r.kind as ImportKind,
    state: r.state as ImportState,
    fileName: String(r.file_name),
    fileBytes: Number(r.file_bytes),
    format: String(r.format),
    encoding: (r.encoding as string | null) ?? null,
    sheet: (r.sheet as string | null) ?? null,
    headerRow: r.header_row === null ? null : Number(r.header_row),
    headers: json(r.headers),
    mapping: json(r.mapping),
    options: json(r.options),
    notes: json(r.notes),
    rowCount: Number(r.row_count),
    validation: json(r.validation),
    result: json(r.result),
    progress: json(r.progress),
    actor: (r.actor as string | null) ?? null,
    createdAt: String(r.created_at),
    committedAt: (r.committed_at as string | null) ?? null,
    undoneAt: (r.undone_at as string | null) ?? null,
    abandonedAt: (r.abandoned_at as string | null) ?? null,
  };
}

export function createImportJob(db: Db, job: NewImportJob): number {
  const progress: ImportProgress = {
    phase: 'staged',
    total: job.rowCount,
    parsed: job.rowCount,
    validated: 0,
    written: 0,
  };
  return Number(
    db
      .prepare(
        `INSERT INTO import_jobs (kind, state, file_name, file_bytes, format, encoding, sheet, header_row, headers, mapping,
           options, notes, row_count, progress, actor)
         VALUES (?, 'staged', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        job.kind,
        job.fileName,
        job.fileBytes,
        job.format,
        job.encoding ?? null,
        job.sheet ?? null,
        job.headerRow ?? null,
        JSON.stringify(job.headers ?? []),
        JSON.stringify(job.mapping ?? {}),
        JSON.stringify(job.options ?? {}),
        JSON.stringify(job.notes ?? []),
        job.rowCount,
        JSON.stringify(progress),
        job.actor ?? null,
      ).lastInsertRowid,
  );
}

export function getImportJob(db: Db, id: number): ImportJob | null {
  const r = db.prepare(`SELECT ${columns} FROM import_jobs WHERE id = ?`).get(id) as
    | Record<string, unknown>
    | undefined;
  return r ? toJob(r) : null;
}

/** Import history, newest first. */
export function listImportJobs(db: Db, limit = 100): ImportJob[] {
  return (
    db.prepare(`SELECT ${columns} FROM import_jobs ORDER BY id DESC LIMIT ?`).all(limit) as Record<
      string,
      unknown
    >[]
  ).map(toJob);
}

export type ImportJobPatch = Partial<
  Pick<ImportJob, 'state' | 'mapping' | 'options' | 'validation' | 'result' | 'progress'>
> & {
  committed?: boolean;
  undone?: boolean;
  abandoned?: boolean;
};

export function updateImportJob(db: Db, id: number, patch: ImportJobPatch): void {
  const sets: string[] = [];
  const values: unknown[] = [];
  const set = (column: string, value: unknown) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (patch.state !== undefined) set('state', patch.state);
  if (patch.mapping !== undefined) set('mapping', JSON.stringify(patch.mapping));
  if (patch.options !== undefined) set('options', JSON.stringify(patch.options));
  if (patch.validation !== undefined)
    set('validation', patch.validation === null ? null : JSON.stringify(patch.validation));
  if (patch.result !== undefined) set('result', JSON.stringify(patch.result));
  if (patch.progress !== undefined) set('progress', JSON.stringify(patch.progress));
  if (patch.committed) sets.push(`committed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`);
  if (patch.undone) sets.push(`undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`);
  if (patch.abandoned) sets.push(`abandoned_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`);
  if (sets.length === 0) return;
  db.prepare(`UPDATE import_jobs SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
}

/** Stores the parsed rows of a job (call inside the transaction that created it). */
export function stageRows(db: Db, importId: number, rows: Iterable<{ rowNo: number; data: unknown }>): void {
  // PostgreSQL takes them by COPY: an INSERT there is a round trip a row.
  if (dialectOf(db) === 'postgres') {
    pgStageRows(db as unknown as PgDatabase, importId, rows);
    return;
  }
  const insert = db.prepare('INSERT INTO import_rows (import_id, row_no, data) VALUES (?, ?, ?)');
  for (const r of rows) insert.run(importId, r.rowNo, JSON.stringify(r.data));
}

/** Up to `limit` staged rows after row `afterRowNo`, in order (page through with the last row number). */
export function readStagedRows<T>(
  db: Db,
  importId: number,
  afterRowNo = 0,
  limit = 1000,
): { rowNo: number; data: T }[] {
  return (
    db
      .prepare(
        'SELECT row_no, data FROM import_rows WHERE import_id = ? AND row_no > ? ORDER BY row_no LIMIT ?',
      )
      .raw()
      .all(importId, afterRowNo, limit) as [number, string][]
  ).map(([rowNo, data]) => ({ rowNo, data: JSON.parse(data) as T }));
}

/** Deletes a job's staged rows (the uploaded cells, personal data among them); returns how many. */
export function deleteStagedRows(db: Db, importId: number): number {
  return db.prepare('DELETE FROM import_rows WHERE import_id = ?').run(importId).changes;
}

/** Jobs past staging that still keep rows (from before rows were purged at commit). */
export function settledJobsWithRows(db: Db): number[] {
  return db
    .prepare(
      `SELECT id FROM import_jobs j WHERE state <> 'staged'
         AND EXISTS (SELECT 1 FROM import_rows r WHERE r.import_id = j.id) ORDER BY id`,
    )
    .pluck()
    .all() as number[];
}

/** Staged jobs uploaded before `before` (an ISO timestamp, as the jobs keep time). */
export function stagedJobsBefore(db: Db, before: string): number[] {
  return db
    .prepare("SELECT id FROM import_jobs WHERE state = 'staged' AND created_at < ? ORDER BY id")
    .pluck()
    .all(before) as number[];
}
