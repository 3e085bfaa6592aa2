import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureFirstAdmin } from './auth/accounts';
import { announceFirstAdmin } from './auth/announce-first-admin';
import { boot } from './boot';
import { tokenCommand, userCommand } from './cli-accounts';
import { type CliArgs, flagText, type Out, parseCliArgs, UsageError } from './cli-args';
import { backupCommand, restoreCommand } from './cli-backup';
import { migrateCommand } from './cli-migrate';
import { readConfig } from './config';
import type { AppContext } from './context';
import { listTownships } from './db/geography';
import { listImportJobs } from './db/import-jobs';
import { CopyRefused } from './db/pg/copy-to-postgres';
import { campaignSetupSchema } from './domain/campaign-setup';
import { errorReportCsv } from './domain/import/error-report';
import { ImportError } from './domain/import/import-error';
import { ApiError } from './http/api-error';
import { constraintError } from './http/constraint-message';
import { addTownship, townshipsToAdd } from './pipelines/add-township';
import { commitBoundaryImport } from './pipelines/commit-boundary-import';
import { commitPremiseImport } from './pipelines/commit-premise-import';
import { exportAreas, exportVillages, type GeographyFormat } from './pipelines/export-geography';
import { type ExportFile, exportPremises, type PremiseExportFormat } from './pipelines/export-premises';
import { addressImportRefusal, importAddressPoints } from './pipelines/import-address-points';
import { commitDecisions, premiseImportOptions } from './pipelines/premise-import-options';
import { setUpCampaign } from './pipelines/set-up-campaign';
import { setupStatus } from './pipelines/setup-status';
import { describeBoundaryImport, stageBoundaryImport } from './pipelines/stage-boundary-import';
import { stagePremiseImport } from './pipelines/stage-premise-import';
import { undoImport } from './pipelines/undo-import';
import { validatePremiseImport } from './pipelines/validate-premise-import';

const USAGE = `usage: npm run cli -- <command>

  setup --township NAME [--code CODE] [--district NAME] [--district-code CODE] [--start YYYY-MM-DD]
        [--end YYYY-MM-DD] [--district-other-names 江干区,…] [--township-other-names 石塘街道,…]
        [--province NAME] [--city NAME] [--name CAMPAIGN] [--township-en NAME]
  setup --add --township NAME --code CODE   adds another township to the district (then import its
                       boundaries with --township CODE); the campaign and its dates stay the district's
  setup                (with no flags: shows the set-up and what is still missing)

  import premises FILE [--crs WGS84|CGCS2000|GCJ02|BD09] [--survey-date YYYY-MM-DD] [--category CODE]
                       [--sheet NAME] [--duplicates skip|merge|new] [--errors REPORT.csv] [--dry-run]
  import boundaries FILE [FILE…] [--crs EPSG:4549] [--level village|township] [--township CODE] [--dry-run]
                       (--township: which township of the district; needed once it has several)
  import addresses FILE [--strict] [--crs WGS84|CGCS2000|GCJ02|BD09] [--errors REPORT.csv] [--dry-run]
  export premises --format xlsx|csv|geojson|gpkg [--at YYYY-MM-DD] [--village ID] [--category CODE]
                  [--status KEY] [--full] --out FILE
  export villages|areas --format geojson|kml --out FILE
  imports list
  imports undo ID [--force]

  user add NAME --role admin|leader|village|inspector|viewer [--villages CODE,CODE] [--department CODE]
                [--townships CODE,CODE]                 (limited to those townships; default the district)
                [--display-name NAME] [--password PW]   (without --password: one is made and shown once)
  user list
  user disable|enable|reset NAME                          (reset: a new password, shown once)
  token add NAME --user USER                              (the token is shown once)
  token list
  token revoke ID

  backup FILE          a consistent copy of the record, also while the server runs
  restore FILE         puts a backup back (checked, migrated; the replaced record is saved beside it)
  migrate --to postgres://USER:PW@HOST/DB [--schema NAME] [--replace]
                       copies the record into PostgreSQL/PostGIS (schema shixiao by default) and
                       checks every table's count on both sides

DATA_DIR (default ./var) names the database, as for the server. Exit code 0 on success, 1 when the
input is refused (the message says why), 2 for a usage mistake.`;

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
    township: flagText(args, 'township'),
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
  const created = level === 'township' ? `${r.created} township created` : `${r.created} new villages`;
  out(
    `boundaries: ${r.replaced} replaced, ${created}, ${r.skipped} skipped; ${r.premisesOutsideTheirVillage} premises now lie outside their village (undo: imports undo ${r.importId})`,
  );
  for (const note of r.notes) out(`  note: ${note}`);
}

async function importAddresses(ctx: AppContext, args: CliArgs, out: Out): Promise<void> {
  const path = args.positionals[2];
  if (!path) throw new UsageError('import addresses needs a FILE');
  const strict = args.flags.has('strict');
  const dryRun = args.flags.has('dry-run');
  const { view: r, report } = await importAddressPoints(ctx, readFile(path), {
    strict,
    crs: flagText(args, 'crs'),
    dryRun,
    actor: 'cli',
  });
  out(
    `read ${r.rowCount} rows from ${r.fileName} (${r.format}${r.encoding ? `, ${r.encoding}` : ''})${r.importId ? `; import ${r.importId}` : ''}`,
  );
  for (const note of r.notes) out(`  note: ${note}`);
  out(`checked: ${r.rowCount - r.rejected} rows good, ${r.rejected} rejected, ${r.warningCount} warnings`);
  const reportPath = flagText(args, 'errors');
  if (reportPath) {
    writeFileSync(reportPath, errorReportCsv(report.errors, report.warnings));
    out(`error report: ${reportPath}`);
  }
  const problems = [
    ...report.errors.map((e) => ({ ...e, level: 'error' })),
    ...report.warnings.map((w) => ({ ...w, level: 'warning' })),
  ];
  for (const p of problems.slice(0, 20))
    out(`  ${p.level}: row ${p.row}, ${p.column}: got ${JSON.stringify(p.value)}, expected ${p.expected}`);
  if (problems.length > 20)
    out(`  … and ${problems.length - 20} more${reportPath ? '' : ' (write them all with --errors FILE)'}`);
  const refusal = addressImportRefusal(r, strict);
  if (refusal) throw new ImportError(refusal, 422);
  out(
    dryRun
      ? `dry run: would import ${r.imported} address points; nothing was written`
      : `imported ${r.imported} address points, rejected ${r.rejected} rows (undo: imports undo ${r.importId})`,
  );
}

const list = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(/[,，、]/u)
        .map((n) => n.trim())
        .filter(Boolean);

function showSetup(ctx: AppContext, out: Out): void {
  const c = ctx.campaign;
  const status = setupStatus(ctx);
  if (!c.configured) out('not set up yet: run setup --township NAME [--code CODE] [--district NAME] …');
  else {
    const chain = [c.province, c.city, c.district, c.township].filter(Boolean).join(' ');
    out(`${c.name}: ${chain}${c.townshipCode ? ` (${c.townshipCode})` : ''}, ${c.start} … ${c.end}`);
    if (c.districtOtherNames.length + c.townshipOtherNames.length > 0)
      out(`  also written: ${[...c.districtOtherNames, ...c.townshipOtherNames].join('、')}`);
  }
  out(
    `  villages: ${status.villages}${status.townshipOutline ? ', township outline on record' : ''}; door plates: ${status.addressPoints}; premises: ${status.premises}`,
  );
  for (const step of status.next) out(`  next: ${step}`);
  const townships = listTownships(ctx.db);
  const waiting = townshipsToAdd(ctx.db);
  if (townships.length + waiting.length > 1) {
    out(`  townships: ${townships.map((t) => `${t.name} (${t.code})`).join(', ')}`);
    for (const t of waiting)
      out(`  next: import the boundaries of ${t.name}: import boundaries FILE --township ${t.code}`);
  }
}

function setupCommand(ctx: AppContext, args: CliArgs, out: Out): void {
  if (args.flags.size === 0) {
    showSetup(ctx, out);
    return;
  }
  if (ctx.campaign.sample) {
    throw new ImportError(
      'this record holds the generated demo township (sample data); set up your own township in a fresh DATA_DIR with DEMO=0',
    );
  }
  if (args.flags.has('add')) {
    const name = flagText(args, 'township');
    if (!name) throw new UsageError('setup --add needs --township NAME and --code CODE (12 digits)');
    const added = addTownship(ctx, { name, code: flagText(args, 'code') ?? '' }, 'cli');
    out(`added township ${added.name} (${added.code}) to the district`);
    out(`  next: import its village boundaries: import boundaries FILE --township ${added.code}`);
    return;
  }
  const c = ctx.campaign;
  const parsed = campaignSetupSchema.safeParse({
    township: flagText(args, 'township') ?? (c.configured ? c.township : undefined),
    townshipCode: flagText(args, 'code') ?? c.townshipCode,
    townshipEn: flagText(args, 'township-en') ?? c.townshipEn,
    townshipOtherNames: list(flagText(args, 'township-other-names')) ?? c.townshipOtherNames,
    district: flagText(args, 'district') ?? c.district,
    districtCode: flagText(args, 'district-code') ?? c.districtCode,
    districtOtherNames: list(flagText(args, 'district-other-names')) ?? c.districtOtherNames,
    province: flagText(args, 'province') ?? c.province,
    city: flagText(args, 'city') ?? c.city,
    name: flagText(args, 'name') ?? c.name,
    start: flagText(args, 'start') ?? c.start,
    end: flagText(args, 'end') ?? (flagText(args, 'start') ? undefined : c.end),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.path[0] === 'township' && !flagText(args, 'township'))
      throw new UsageError('setup needs --township NAME (e.g. --township 石塘镇)');
    throw new UsageError(
      issue.message.includes(':') ? issue.message : `${issue.path.join('.')}: ${issue.message}`,
    );
  }
  const first = !c.configured;
  setUpCampaign(ctx, parsed.data, 'cli');
  out(first ? 'set up:' : 'revised:');
  showSetup(ctx, out);
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

const COMMANDS = ['setup', 'import', 'export', 'imports', 'user', 'token', 'backup', 'restore', 'migrate'];

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
    if (!COMMANDS.includes(command)) throw new UsageError(`unknown command ${command}`);
    const config = readConfig();
    // Backup and restore work on the database file as it is: no demo seeding, no model.
    if (command === 'backup') {
      await backupCommand(config, args, out);
      return 0;
    }
    if (command === 'restore') {
      await restoreCommand(config, args, out);
      return 0;
    }
    if (command === 'migrate') {
      await migrateCommand(config, args, out);
      return 0;
    }
    // Setting a township up never starts from the demo, whatever DEMO says.
    const seedDemo = config.seedDemo && command !== 'setup';
    const booted = await boot(config.store, seedDemo ? config.demoDir : null, {
      photosDir: config.photosDir,
    });
    announceFirstAdmin(await ensureFirstAdmin(booted.db, config.adminPassword), out);
    db = booted.db;
    const ctx = booted.ctx;
    if (command === 'setup') setupCommand(ctx, args, out);
    else if (command === 'import') {
      if (what === 'premises') await importPremises(ctx, args, out);
      else if (what === 'boundaries') importBoundaries(ctx, args, out);
      else if (what === 'addresses') await importAddresses(ctx, args, out);
      else throw new UsageError(`import what? premises, boundaries or addresses (not ${what ?? 'nothing'})`);
    } else if (command === 'export') await exportCommand(ctx, args, out);
    else if (command === 'imports') importsCommand(ctx, args, out);
    else if (command === 'user') await userCommand(ctx.db, args, out);
    else tokenCommand(ctx.db, args, out);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`error: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    const refused = constraintError(e);
    err(`error: ${refused ? refused.message : e instanceof Error ? e.message : String(e)}`);
    if (!(e instanceof ImportError) && !(e instanceof ApiError) && !(e instanceof CopyRefused) && !refused)
      err((e as Error).stack ?? '');
    return 1;
  } finally {
    db?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
