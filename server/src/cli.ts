import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { boot } from './boot';
import { type CliArgs, flagText, parseCliArgs, UsageError } from './cli-args';
import { readConfig } from './config';
import type { AppContext } from './context';
import { importAddressPointFile } from './db/address-point-import';
import { listImportJobs } from './db/import-jobs';
import { errorReportCsv } from './domain/import/error-report';
import { ImportError } from './domain/import/import-error';
import { commitBoundaryImport } from './pipelines/commit-boundary-import';
import { commitPremiseImport } from './pipelines/commit-premise-import';
import { exportAreas, exportVillages, type GeographyFormat } from './pipelines/export-geography';
import { type ExportFile, exportPremises, type PremiseExportFormat } from './pipelines/export-premises';
import { commitDecisions, premiseImportOptions } from './pipelines/premise-import-options';
import { describeBoundaryImport, stageBoundaryImport } from './pipelines/stage-boundary-import';
import { stagePremiseImport } from './pipelines/stage-premise-import';
import { undoImport } from './pipelines/undo-import';
import { validatePremiseImport } from './pipelines/validate-premise-import';

const USAGE = `usage: npm run cli -- <command>

  import premises FILE [--crs WGS84|CGCS2000|GCJ02|BD09] [--survey-date YYYY-MM-DD] [--category CODE]
                       [--sheet NAME] [--duplicates skip|merge|new] [--errors REPORT.csv] [--dry-run]
  import boundaries FILE [FILE…] [--crs EPSG:4549] [--level village|township] [--dry-run]
  import addresses FILE [--dry-run]
  export premises --format xlsx|csv|geojson|gpkg [--at YYYY-MM-DD] [--village ID] [--category CODE]
                  [--status KEY] [--full] --out FILE
  export villages|areas --format geojson|kml --out FILE
  imports list
  imports undo ID [--force]

DATA_DIR (default ./var) names the database, as for the server. Exit code 0 on success, 1 when the
input is refused (the message says why), 2 for a usage mistake.`;

type Out = (line: string) => void;

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not ${value}`);
  return value as T;
}

function readFile(path: string): { name: string; bytes: Uint8Array } {
  try {
    return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  } catch (err) {
    throw new ImportError(
      `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

async function importPremises(ctx: AppContext, args: CliArgs, out: Out): Promise<void> {
  const file = args.positionals[2];
  if (!file) throw new UsageError('import premises needs a FILE');
  const options = premiseImportOptions.safeParse({
    crs: flagText(args, 'crs'),
    surveyDate: flagText(args, 'survey-date'),
    defaultCategory: flagText(args, 'category'),
  });
  if (!options.success)
    throw new UsageError(`${options.error.issues[0].path.join('.')}: ${options.error.issues[0].message}`);
  const decisions = commitDecisions.parse({
    duplicates: oneOf(flagText(args, 'duplicates'), ['skip', 'merge', 'new'], 'duplicates'),
  });
  const job = await stagePremiseImport(ctx, readFile(file), {
    sheet: flagText(args, 'sheet'),
    options: options.data,
    actor: 'cli',
  });
  out(
    `read ${job.rowCount} rows from ${job.fileName} (${job.format}${job.encoding ? `, ${job.encoding}` : ''}); import ${job.id}`,
  );
  for (const note of job.notes) out(`  note: ${note}`);
  const v = await validatePremiseImport(ctx, job);
  out(
    `checked: ${v.validRows} rows ready, ${v.invalidRows} with errors, ${v.duplicates.length} duplicates of premises on record, ${v.geocoded} placed by the geocoder (${v.lowConfidence} for review)`,
  );
  const reportPath = flagText(args, 'errors');
  if (reportPath) {
    writeFileSync(reportPath, errorReportCsv(v.errors, v.warnings));
    out(`error report: ${reportPath}`);
  }
  if (v.errorCount > 0) {
    for (const e of v.errors.slice(0, 20))
      out(`  row ${e.row}, ${e.column}: got ${JSON.stringify(e.value)}, expected ${e.expected}`);
    if (v.errors.length > 20)
      out(`  … and ${v.errors.length - 20} more${reportPath ? '' : ' (write them all with --errors FILE)'}`);
    throw new ImportError(`${v.invalidRows} of ${v.rowCount} rows have errors; nothing was imported`, 422);
  }
  if (args.flags.has('dry-run')) {
    out(`dry run: nothing was imported (import ${job.id} stays staged)`);
    return;
  }
  const r = await commitPremiseImport(ctx, job, decisions);
  out(
    `imported: ${r.created} new premises, ${r.merged} merged, ${r.skipped} skipped, ${r.events} records, ${r.queuedForReview} queued for geocoding review (undo: imports undo ${r.importId})`,
  );
}

function importBoundaries(ctx: AppContext, args: CliArgs, out: Out): void {
  const files = args.positionals.slice(2);
  if (files.length === 0)
    throw new UsageError('import boundaries needs a FILE (or the loose .shp/.shx/.dbf/.prj/.cpg parts)');
  const level = oneOf(flagText(args, 'level'), ['village', 'township'], 'level');
  const job = stageBoundaryImport(ctx, files.map(readFile), {
    level,
    crs: flagText(args, 'crs'),
    actor: 'cli',
  });
  const preview = describeBoundaryImport(ctx, job);
  out(
    `read ${preview.features.length} boundaries from ${preview.fileName} (${preview.format}); coordinate system ${preview.crs.code}: ${preview.crs.note}`,
  );
  for (const note of preview.notes.slice(1)) out(`  note: ${note}`);
  for (const w of preview.warnings) out(`  warning: ${w}`);
  for (const f of preview.features) {
    const match = f.match === 'new' ? 'no match (new)' : `→ ${f.match.name} (by ${f.match.by})`;
    out(`  feature ${f.index} ${f.name ?? '(no name)'} ${f.code ?? ''} ${f.areaKm2} km² ${match}`);
  }
  if (args.flags.has('dry-run')) {
    out(`dry run: nothing was changed (import ${job.id} stays staged)`);
    return;
  }
  const r = commitBoundaryImport(ctx, job);
  out(
    `boundaries: ${r.replaced} replaced, ${r.created} new villages, ${r.skipped} skipped; ${r.premisesOutsideTheirVillage} premises now lie outside their village (undo: imports undo ${r.importId})`,
  );
}

function importAddresses(ctx: AppContext, args: CliArgs, out: Out): void {
  const path = args.positionals[2];
  if (!path) throw new UsageError('import addresses needs a FILE');
  const file = readFile(path);
  const dryRun = args.flags.has('dry-run');
  // A dry run does the whole import inside a transaction and rolls it back.
  ctx.db.exec('BEGIN');
  let outcome: ReturnType<typeof importAddressPointFile>;
  try {
    outcome = importAddressPointFile(ctx.db, file, 'cli');
  } finally {
    ctx.db.exec(dryRun ? 'ROLLBACK' : 'COMMIT');
  }
  if (!outcome.ok) {
    for (const e of outcome.errors.slice(0, 20))
      out(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
    throw new ImportError(
      `${outcome.errors.length} problems in ${file.name}; no address point was imported`,
      422,
    );
  }
  out(
    `${dryRun ? 'dry run: would import' : 'imported'} ${outcome.imported} address points (${outcome.format}, ${outcome.encoding})`,
  );
}

async function exportCommand(ctx: AppContext, args: CliArgs, out: Out): Promise<void> {
  const what = args.positionals[1];
  const target = flagText(args, 'out');
  if (!target) throw new UsageError('export needs --out FILE');
  let file: ExportFile;
  if (what === 'premises') {
    const format = oneOf(
      flagText(args, 'format'),
      ['xlsx', 'csv', 'geojson', 'gpkg'] as PremiseExportFormat[],
      'format',
    );
    if (!format) throw new UsageError('export premises needs --format xlsx|csv|geojson|gpkg');
    const village = flagText(args, 'village');
    if (village !== undefined && !/^\d+$/.test(village))
      throw new UsageError('--village must be a village id (a number)');
    file = await exportPremises(ctx, format, {
      at: flagText(args, 'at'),
      villageId: village === undefined ? undefined : Number(village),
      category: flagText(args, 'category'),
      status: flagText(args, 'status'),
      fullIdNumbers: args.flags.has('full'),
    });
  } else if (what === 'villages' || what === 'areas') {
    const format = oneOf(flagText(args, 'format'), ['geojson', 'kml'] as GeographyFormat[], 'format');
    if (!format) throw new UsageError(`export ${what} needs --format geojson|kml`);
    file = what === 'villages' ? exportVillages(ctx, format) : exportAreas(ctx, format);
  } else throw new UsageError(`export what? premises, villages or areas (not ${what ?? 'nothing'})`);
  writeFileSync(target, file.bytes);
  out(`wrote ${file.count} ${what} to ${target} (${file.bytes.length.toLocaleString('en')} bytes)`);
}

function importsCommand(ctx: AppContext, args: CliArgs, out: Out): void {
  const sub = args.positionals[1];
  if (sub === 'list') {
    for (const j of listImportJobs(ctx.db))
      out(`${j.id}\t${j.kind}\t${j.state}\t${j.createdAt}\t${j.fileName}\t${j.rowCount} rows`);
    return;
  }
  if (sub === 'undo') {
    const id = Number(args.positionals[2]);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('imports undo needs the import ID');
    const r = undoImport(ctx, id, { force: args.flags.has('force'), actor: 'cli' });
    out(
      `undone import ${id}: removed ${r.removedPremises} premises and ${r.removedEvents} records, reverted ${r.revertedMerges} merges, restored ${r.restoredBoundaries} boundaries`,
    );
    return;
  }
  throw new UsageError(`imports what? list or undo (not ${sub ?? 'nothing'})`);
}

/** Runs one command; returns the exit code. Output goes through `out`, errors through `err`. */
export async function runCli(
  argv: readonly string[],
  out: Out = console.log,
  err: Out = console.error,
): Promise<number> {
  const args = parseCliArgs(argv);
  const [command, what] = args.positionals;
  if (!command || args.flags.has('help')) {
    out(USAGE);
    return command ? 0 : 2;
  }
  let db: { close(): void } | null = null;
  try {
    if (!['import', 'export', 'imports'].includes(command))
      throw new UsageError(`unknown command ${command}`);
    const config = readConfig();
    const booted = await boot(config.dbFile, config.seedDemo ? config.demoDir : null);
    db = booted.db;
    const ctx = booted.ctx;
    if (command === 'import') {
      if (what === 'premises') await importPremises(ctx, args, out);
      else if (what === 'boundaries') importBoundaries(ctx, args, out);
      else if (what === 'addresses') importAddresses(ctx, args, out);
      else throw new UsageError(`import what? premises, boundaries or addresses (not ${what ?? 'nothing'})`);
    } else if (command === 'export') await exportCommand(ctx, args, out);
    else importsCommand(ctx, args, out);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`error: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    err(`error: ${e instanceof Error ? e.message : String(e)}`);
    if (!(e instanceof ImportError)) err((e as Error).stack ?? '');
    return 1;
  } finally {
    db?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
