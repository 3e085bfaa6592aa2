import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { addressPointInserter, currentGazetteer } from '../db/gazetteer';
import { itemRecorder } from '../db/import-items';
import {
  createImportJob,
  getImportJob,
  type ImportJob,
  type ImportState,
  updateImportJob,
} from '../db/import-jobs';
import { type Crs, POINT_CRS, parseCrs, WGS84 } from '../domain/crs/crs-catalog';
import { ADDRESS_POINT_HEADER, guessAddressPointMapping } from '../domain/import/address-point-fields';
import type { Bilingual } from '../domain/import/bilingual';
import { decodeText } from '../domain/import/decode-text';
import { ImportError } from '../domain/import/import-error';
import type { AddressRowIssue } from '../domain/import/read-address-point-row';
import {
  type AddressPointsRead,
  checkAddressPointMapping,
  geoJsonPointTable,
  readAddressPoints,
} from '../domain/import/read-address-points';
import { readGeoJson } from '../domain/import/read-geojson';
import { readTable } from '../domain/import/read-table';
import type { UploadedFile } from '../io/unzip-upload';

/** How many problems a response lists; the error report (errors.csv) has them all. */
const LISTED = 200;

export interface AddressImportOptions {
  /** All or nothing: refuse the whole file when any row is wrong. */
  strict?: boolean;
  /** The coordinate system of rows without a 坐标系 cell (default WGS-84). */
  crs?: string;
  /** Read and check only: nothing is written, not even the job. */
  dryRun?: boolean;
  actor?: string | null;
}

/** What a gazetteer import did (or would do), as the API answers it and the history shows it. */
export interface AddressImportView {
  /** null for a dry run, which records nothing. */
  importId: number | null;
  kind: 'addresses';
  state: ImportState | 'dry_run';
  fileName: string;
  format: string;
  encoding: string | null;
  sheet: string | null;
  rowCount: number;
  imported: number;
  rejected: number;
  errorCount: number;
  warningCount: number;
  /** The first 200 of each; `truncated` when there are more (errors.csv has them all). */
  errors: AddressRowIssue[];
  warnings: AddressRowIssue[];
  truncated: boolean;
  notes: string[];
  /** The coordinate systems the imported rows were read in. */
  crs: string[];
}

interface AddressImportResult {
  imported: number;
  rejected: number;
  errorCount: number;
  warningCount: number;
  crs: string[];
}

/** Every problem an import found (the view lists the first 200). */
export interface AddressImportReport {
  errors: AddressRowIssue[];
  warnings: AddressRowIssue[];
}

interface PointList {
  format: 'csv' | 'xlsx' | 'geojson';
  encoding: string | null;
  sheet: string | null;
  headerRow: number | null;
  headers: string[];
  read: AddressPointsRead;
  rowCount: number;
  notes: string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

function isGeoJson(file: UploadedFile): boolean {
  if (/\.(geo)?json$/i.test(file.name)) return true;
  if (ZIP.every((b, i) => file.bytes[i] === b)) return false;
  const head = decodeText(file.bytes.subarray(0, 64));
  return head !== null && /^\s*\{/.test(head.text);
}

function coordinateSystem(text: string | undefined): Crs {
  if (!text) return WGS84;
  const named = parseCrs(text);
  if (!named || !POINT_CRS.some((c) => c.code === named.code)) {
    const codes = POINT_CRS.map((c) => c.code);
    throw new ImportError(
      {
        en: `crs: ${JSON.stringify(text)} is not a system door-plate coordinates come in; expected one of ${codes.join(', ')}`,
        zh: `坐标系“${text}”不适用于门牌坐标；应为以下之一：${codes.join('、')}`,
      },
      400,
      'unknown_crs',
    );
  }
  return named;
}

/** Reads the file (CSV in any common encoding, XLSX or GeoJSON points) and every row of it. */
async function readPointList(ctx: AppContext, file: UploadedFile, crs: Crs): Promise<PointList> {
  if (file.bytes.length === 0)
    throw new ImportError({ en: `${file.name} is empty`, zh: `${file.name} 是空文件` }, 422, 'empty');
  const rules = { crs, gazetteer: currentGazetteer(ctx.db) };
  if (isGeoJson(file)) {
    const decoded = decodeText(file.bytes);
    if (!decoded)
      throw new ImportError(
        {
          en: `${file.name} is not a text file`,
          zh: `${file.name} 不是文本文件：GeoJSON 应为 UTF-8 或 GBK 编码的文本`,
        },
        400,
        'unsupported_format',
      );
    const layer = readGeoJson(decoded.text, file.name);
    if (layer.features.length === 0)
      throw new ImportError(
        { en: `${file.name} has no features`, zh: `${file.name} 里没有任何要素` },
        422,
        'empty',
      );
    const { table, mapping, errors } = geoJsonPointTable(layer);
    checkAddressPointMapping(mapping, table.headers, {
      en: `${file.name} (feature properties)`,
      zh: `${file.name}（要素属性）`,
    });
    const read = readAddressPoints(table, mapping, rules);
    read.errors = [...errors, ...read.errors].sort((a, b) => a.row - b.row);
    read.rejectedRows += errors.length;
    return {
      format: 'geojson',
      encoding: decoded.encoding,
      sheet: null,
      headerRow: null,
      headers: table.headers,
      read,
      rowCount: layer.features.length,
      notes: ['rows are the features of the file, numbered from 1', ...layer.notes],
    };
  }
  const table = await readTable(file.bytes, file.name, undefined, ADDRESS_POINT_HEADER);
  const mapping = guessAddressPointMapping(table.headers);
  checkAddressPointMapping(mapping, table.headers, {
    en: `${file.name}, header row ${table.headerRowNo}`,
    zh: `${file.name} 第 ${table.headerRowNo} 行表头`,
  });
  const notes = [...table.warnings];
  if (table.encoding) notes.unshift(`read as ${table.encoding} text`);
  if (table.headerRowNo > 1)
    notes.push(`the header is row ${table.headerRowNo}; the rows above it were skipped as titles`);
  return {
    format: table.format,
    encoding: table.encoding,
    sheet: table.sheet,
    headerRow: table.headerRowNo,
    headers: table.headers,
    read: readAddressPoints(table, mapping, rules),
    rowCount: table.rows.length,
    notes,
  };
}

function view(
  job: Pick<ImportJob, 'fileName' | 'format' | 'encoding' | 'sheet' | 'rowCount' | 'notes'> & {
    id: number | null;
    state: AddressImportView['state'];
  },
  result: AddressImportResult,
  report: AddressImportReport,
): AddressImportView {
  return {
    importId: job.id,
    kind: 'addresses',
    state: job.state,
    fileName: job.fileName,
    format: job.format,
    encoding: job.encoding,
    sheet: job.sheet,
    rowCount: job.rowCount,
    ...result,
    errors: report.errors.slice(0, LISTED),
    warnings: report.warnings.slice(0, LISTED),
    truncated: report.errors.length > LISTED || report.warnings.length > LISTED,
    notes: job.notes,
  };
}

/** An address import job as the API shows it. */
export function describeAddressImport(job: ImportJob): AddressImportView {
  return view(job, job.result as AddressImportResult, addressImportReport(job));
}

/** Every problem an address import found, for the error report. */
export function addressImportReport(job: ImportJob): AddressImportReport {
  return (job.validation as AddressImportReport | null) ?? { errors: [], warnings: [] };
}

/**
 * Why an import wrote nothing, or null when it wrote its good rows: under `strict` any bad row
 * refuses the file; otherwise only a file with no good row is refused.
 */
export function addressImportRefusal(v: AddressImportView, strict: boolean): Bilingual | null {
  if (strict && v.rejected > 0) {
    return {
      en: `${v.rejected} of ${v.rowCount} rows have errors; with strict nothing was imported (the error report lists every problem)`,
      zh: `${v.rowCount} 行中有 ${v.rejected} 行有错误；已选“全部正确才导入”，本次没有导入任何内容（错误报告列出了每一处问题）`,
    };
  }
  if (v.imported === 0) {
    return {
      en: `none of the ${v.rowCount} rows of ${v.fileName} could be imported (the error report lists why)`,
      zh: `${v.fileName} 的 ${v.rowCount} 行都不能导入（原因见错误报告）`,
    };
  }
  return null;
}

/**
 * Imports a door-plate list into the gazetteer as one import job: every row is read and checked;
 * good rows go in (in one transaction, each recorded for undo), bad rows are reported by row,
 * column, value and what was expected. Under `strict`, or when no row is good, nothing is written
 * but the job with its error report. Refused outright (nothing recorded) when the township has no
 * villages yet: plates are checked against them.
 */
export async function importAddressPoints(
  ctx: AppContext,
  file: UploadedFile,
  opts: AddressImportOptions = {},
): Promise<{ view: AddressImportView; report: AddressImportReport }> {
  if (currentGazetteer(ctx.db).villages.length === 0) {
    throw new ImportError(
      {
        en: 'there are no villages on record yet: import the village boundaries first (数据管理 → 导入边界, or npm run cli -- import boundaries FILE), then the door plates',
        zh: '系统里还没有村（社区）：请先导入村界（数据管理 → 导入边界），再导入门牌',
      },
      422,
      'no_villages',
    );
  }
  const crs = coordinateSystem(opts.crs);
  const list = await readPointList(ctx, file, crs);
  const { read } = list;
  if (read.defaultCrsRows > 0) {
    list.notes.push(
      `rows without a 坐标系 (${read.defaultCrsRows}) were read as ${crs.name}${opts.crs ? ' (as chosen)' : ' (the default; choose another with crs)'}`,
    );
  }
  const result: AddressImportResult = {
    imported: read.points.length,
    rejected: read.rejectedRows,
    errorCount: read.errors.length,
    warningCount: read.warnings.length,
    crs: read.crs,
  };
  const report = { errors: read.errors, warnings: read.warnings };
  const job = {
    fileName: file.name,
    format: list.format,
    encoding: list.encoding,
    sheet: list.sheet,
    rowCount: list.rowCount,
    notes: list.notes,
  };
  const preview = view({ ...job, id: null, state: 'dry_run' }, result, report);
  const refusal = addressImportRefusal(preview, opts.strict === true);
  if (refusal) result.imported = 0;
  if (opts.dryRun) return { view: refusal ? { ...preview, imported: 0 } : preview, report };

  const id = ctx.db.transaction(() => {
    const jobId = createImportJob(ctx.db, {
      kind: 'addresses',
      fileName: file.name,
      fileBytes: file.bytes.length,
      format: list.format,
      encoding: list.encoding,
      sheet: list.sheet,
      headerRow: list.headerRow,
      headers: list.headers,
      options: { strict: opts.strict === true, crs: crs.code },
      notes: list.notes,
      rowCount: list.rowCount,
      actor: opts.actor ?? null,
    });
    const progress = { total: list.rowCount, parsed: list.rowCount, validated: list.rowCount };
    updateImportJob(ctx.db, jobId, { validation: report, result });
    if (refusal) {
      updateImportJob(ctx.db, jobId, {
        progress: { ...progress, phase: 'failed', written: 0, message: refusal.en, messageZh: refusal.zh },
      });
      return jobId;
    }
    const insert = addressPointInserter(ctx.db);
    const record = itemRecorder(ctx.db, jobId);
    for (const { rowNo, point } of read.points) {
      const pointId = insert(point);
      record({ rowNo, action: 'address_point', entity: 'address_point', entityId: pointId, after: point });
    }
    audit(ctx.db, {
      actor: opts.actor ?? null,
      action: 'import',
      entity: 'import',
      entityId: jobId,
      after: { fileName: file.name, kind: 'addresses', ...result },
    });
    updateImportJob(ctx.db, jobId, {
      state: 'committed',
      committed: true,
      progress: { ...progress, phase: 'committed', written: read.points.length },
    });
    return jobId;
  })();
  return { view: describeAddressImport(getImportJob(ctx.db, id) as ImportJob), report };
}
