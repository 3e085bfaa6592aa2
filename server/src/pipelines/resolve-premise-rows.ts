import type { AppContext } from '../context';
import { listVillages } from '../db/geography';
import { type ImportJob, type ImportProgress, readStagedRows } from '../db/import-jobs';
import { listExistingPremises } from '../db/import-writes';
import { parseCrs, WGS84 } from '../domain/crs/crs-catalog';
import { parseDay, todayInChina } from '../domain/dates';
import { expectedOf } from '../domain/import/bilingual';
import { DuplicateFinder, type DuplicateMatch } from '../domain/import/find-duplicates';
import type { HeaderMapping } from '../domain/import/header-mapping';
import {
  type Geocode,
  type Placement,
  placeCandidate,
  villageExpected,
} from '../domain/import/place-candidate';
import type { PremiseCandidate, RowIssue } from '../domain/import/premise-candidate';
import { fieldLabel, type PremiseField } from '../domain/import/premise-fields';
import { type RowRules, readPremiseRow } from '../domain/import/read-premise-row';
import { VillageMatcher } from '../domain/import/village-matcher';
import type { PremiseImportOptions } from './premise-import-options';
import type { StagedPremiseRow } from './stage-premise-import';

/** A row ready to write: what it says, where it goes, and what on record it may duplicate. */
export interface ResolvedRow {
  candidate: PremiseCandidate;
  placement: Placement;
  duplicate: DuplicateMatch | null;
}

export interface ResolvedImport {
  rows: ResolvedRow[];
  errors: RowIssue[];
  warnings: RowIssue[];
  /** Rows with at least one error. */
  invalidRows: number;
}

const CHUNK = 2000;

/** A 所属村 cell naming no village, reported even when the row has other errors (so one pass finds them all). */
function unknownVillage(
  cells: readonly string[],
  rowNo: number,
  mapping: HeaderMapping,
  villages: VillageMatcher,
  columnOf: (f: PremiseField) => string,
): RowIssue[] {
  for (const field of ['villageCode', 'village'] as const) {
    const i = mapping[field];
    const value = i === null || i === undefined ? '' : (cells[i] ?? '').trim();
    if (value && !villages.byText(value)) {
      return [
        {
          row: rowNo,
          column: columnOf(field),
          field,
          value,
          ...expectedOf(villageExpected(villages)),
        },
      ];
    }
  }
  return [];
}
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** The longest the rows hold the event loop before other requests get a turn, ms. */
const SLICE_MS = 20;

/**
 * Reads, checks, places and de-duplicates every staged row of a premise import, a chunk at a
 * time (yielding between chunks so progress can be polled). Writes nothing.
 */
export async function resolvePremiseRows(
  ctx: AppContext,
  job: ImportJob,
  geocode: Geocode | null,
  onProgress: (p: Partial<ImportProgress>) => void,
): Promise<ResolvedImport> {
  const options = job.options as PremiseImportOptions;
  const mapping = job.mapping as HeaderMapping;
  const rules: RowRules = {
    crs: parseCrs(options.crs ?? 'WGS84') ?? WGS84,
    surveyDay: options.surveyDate ? (parseDay(options.surveyDate) as number) : todayInChina(),
    campaignStartDay: ctx.startDay,
    todayDay: todayInChina(),
    defaultCategory: options.defaultCategory,
  };
  const villages = new VillageMatcher(listVillages(ctx.db));
  const duplicates = new DuplicateFinder(listExistingPremises(ctx.db));
  const columnOf = (f: PremiseField) => {
    const i = mapping[f];
    return i === null || i === undefined ? fieldLabel(f) : job.headers[i] || fieldLabel(f);
  };
  const out: ResolvedImport = { rows: [], errors: [], warnings: [], invalidRows: 0 };
  let after = 0;
  let done = 0;
  let sliceStarted = performance.now();
  for (;;) {
    const page = readStagedRows<StagedPremiseRow>(ctx.db, job.id, after, CHUNK);
    if (page.length === 0) break;
    for (const { rowNo, data } of page) {
      // Other requests are answered between rows now and then, however slow the rows are to place.
      if (performance.now() - sliceStarted > SLICE_MS) {
        await yieldToEventLoop();
        sliceStarted = performance.now();
      }
      const read = readPremiseRow(data.cells, rowNo, job.headers, mapping, rules);
      const errors = [...read.errors];
      const warnings = [...read.warnings];
      let resolved: ResolvedRow | null = null;
      if (read.candidate) {
        const c = read.candidate;
        const placed = placeCandidate(c, villages, geocode, columnOf);
        errors.push(...placed.errors);
        warnings.push(...placed.warnings);
        const duplicate = duplicates.find(c);
        if (duplicate?.sameAsRow !== null && duplicate?.sameAsRow !== undefined) {
          const issue = {
            row: rowNo,
            column: columnOf(duplicate.reason === 'archive_no' ? 'archiveNo' : 'name'),
            field: (duplicate.reason === 'archive_no' ? 'archiveNo' : 'name') as PremiseField,
            value: duplicate.reason === 'archive_no' ? (c.archiveNo ?? '') : c.name,
          };
          if (duplicate.reason === 'archive_no') {
            errors.push({
              ...issue,
              ...expectedOf({
                en: `an archive number not used by another row; row ${duplicate.sameAsRow} has it too`,
                zh: `其他行未用过的档案编号；第 ${duplicate.sameAsRow} 行也是这个编号`,
              }),
            });
          } else {
            warnings.push({
              ...issue,
              ...expectedOf({
                en: `a premise not listed twice; row ${duplicate.sameAsRow} has the same name at a similar address`,
                zh: `同一经营户只登记一次；第 ${duplicate.sameAsRow} 行店名相同、地址相近`,
              }),
            });
          }
        }
        duplicates.remember(rowNo, c);
        if (placed.placement && errors.length === 0)
          resolved = { candidate: c, placement: placed.placement, duplicate };
      }
      if (!read.candidate) errors.push(...unknownVillage(data.cells, rowNo, mapping, villages, columnOf));
      if (errors.length > 0) out.invalidRows++;
      out.errors.push(...errors);
      out.warnings.push(...warnings);
      if (resolved) out.rows.push(resolved);
    }
    after = page[page.length - 1].rowNo;
    done += page.length;
    onProgress({ validated: done });
    await yieldToEventLoop();
  }
  return out;
}
