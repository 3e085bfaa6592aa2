import { resolve } from 'node:path';
import { ensureFirstAdmin } from './auth/accounts';
import { announceFirstAdmin } from './auth/announce-first-admin';
import { type CliArgs, type Out, UsageError } from './cli-args';
import type { Config } from './config';
import { backupRecord, type RecordSummary, restoreRecord } from './db/backup';
import { openDatabase } from './db/open-database';

const size = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const holds = (s: RecordSummary) =>
  `${counted(s.premises, 'premise', 'premises')}, ${counted(s.events, 'record', 'records')}, ${counted(s.users, 'account', 'accounts')} (schema ${s.schemaVersion}, ${size(s.bytes)})`;

/** A PostgreSQL record is backed up by PostgreSQL's own tools, which do it well while servers write. */
function refuseOnPostgres(config: Config, command: string): void {
  if (config.store !== config.dbFile)
    throw new UsageError(
      `${command} copies the SQLite file; with DATABASE_URL the record is in PostgreSQL: use pg_dump -Fc / pg_restore (README, "PostgreSQL")`,
    );
}

/** `backup FILE`: a consistent copy of the record, also while the server writes. */
export async function backupCommand(config: Config, args: CliArgs, out: Out): Promise<void> {
  refuseOnPostgres(config, 'backup');
  const target = args.positionals[1];
  if (!target)
    throw new UsageError('backup needs the FILE to write, e.g. backup /mnt/backup/shixiao-2009-06-30.sqlite');
  const s = await backupRecord(config.dbFile, resolve(target));
  out(`backed up ${holds(s)} to ${target}`);
}

/** `restore FILE`: a checked, migrated backup put back as the record (see db/backup.ts). */
export async function restoreCommand(config: Config, args: CliArgs, out: Out): Promise<void> {
  refuseOnPostgres(config, 'restore');
  const file = args.positionals[1];
  if (!file) throw new UsageError('restore needs the backup FILE');
  const r = await restoreRecord(config.dbFile, resolve(file));
  out(`restored ${holds(r)} from ${file}`);
  if (r.migrated.length > 0) out(`  brought up to date: migrations ${r.migrated.join(', ')}`);
  if (r.replacedSavedAs)
    out(`  the record it replaced is saved as ${r.replacedSavedAs} (restore that to go back)`);
  out('  a server running on this DATA_DIR serves the restored record within two seconds');
  // A backup from before accounts existed has none: make the first admin, as a first start would.
  const db = openDatabase(config.dbFile);
  try {
    announceFirstAdmin(await ensureFirstAdmin(db, config.adminPassword), out);
  } finally {
    db.close();
  }
}
