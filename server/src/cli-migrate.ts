import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type CliArgs, flagText, type Out, UsageError } from './cli-args';
import type { Config } from './config';
import { MIGRATIONS } from './db/migrations';
import { CopyRefused, copyRecordToPostgres, DEFAULT_PG_SCHEMA, redactUrl } from './db/pg/copy-to-postgres';

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

/**
 * `migrate --to postgres://…`: the SQLite record copied into a PostgreSQL/PostGIS schema (COPY),
 * with PostGIS geometry and spatial indexes, every table's count checked on both sides.
 */
export async function migrateCommand(config: Config, args: CliArgs, out: Out): Promise<void> {
  const url = flagText(args, 'to');
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    throw new UsageError('migrate needs --to postgres://USER:PASSWORD@HOST:PORT/DATABASE');
  if (!existsSync(config.dbFile)) throw new CopyRefused(`there is no record at ${config.dbFile} to migrate`);
  const db = new Database(config.dbFile, { readonly: true, fileMustExist: true });
  try {
    const version = Number(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get());
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    if (version < latest)
      throw new CopyRefused(
        `the record is at schema version ${version}, this program's is ${latest}: start the server (or run \`npm run cli -- setup\`) once on it to bring it up to date, then migrate`,
      );
    const r = await copyRecordToPostgres(db, url, {
      schema: flagText(args, 'schema') ?? DEFAULT_PG_SCHEMA,
      replace: args.flags.has('replace'),
      snapshot: existsSync(`${config.dbFile}.model`) ? readFileSync(`${config.dbFile}.model`) : null,
      photosDir: config.photosDir,
    });
    out(`copied the record to ${redactUrl(url)}, schema ${r.schema}, in ${(r.ms / 1000).toFixed(1)} s:`);
    for (const t of r.tables.filter((t) => t.sqlite > 0)) out(`  ${t.table}\t${t.postgres} rows (equal)`);
    out(`  PostGIS: ${r.points} premise points, ${r.shapes} shapes, spatial indexes built`);
    if (r.snapshot) out('  the model snapshot went along: the first start on PostgreSQL reads no premise');
    if (r.photoFiles.copied > 0)
      out(`  photos: ${r.photoFiles.copied} files (photos and thumbnails) into the record`);
    if (r.photoFiles.missing.length > 0)
      out(
        `  photos: ${r.photoFiles.missing.length} files the record names are not under ${config.photosDir} (${r.photoFiles.missing.slice(0, 3).join(', ')}${r.photoFiles.missing.length > 3 ? ', …' : ''}); those photos stay missing`,
      );
    out(`  serve it: DATABASE_URL='${redactUrl(withSchema(url, r.schema))}' npm start`);
  } finally {
    db.close();
  }
}
