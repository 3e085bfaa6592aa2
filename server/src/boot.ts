import { dirname, join } from 'node:path';
import type { SessionLimits } from './auth/accounts';
import { type AppContext, makeContext, temporaryPhotosDir } from './context';
import { readCampaign, type StoredCampaignInput, writeCampaign } from './db/campaign';
import { countPremises } from './db/geography';
import { snapshotFile, snapshotInDatabase } from './db/model-snapshots';
import { type Db, isPostgresUrl, openStore } from './db/open-database';
import { seedStandards } from './db/standards';
import { CampaignModel } from './model';
import { seedFromDir } from './seed/seed-from-dir';

/**
 * The campaign of a record started empty (DEMO=0) until someone sets it up: three years from this
 * January, named for no township (`configured: false` sends the page to the set-up).
 */
function unconfiguredCampaign(now = new Date()): StoredCampaignInput {
  const year = now.getUTCFullYear();
  return {
    name: '十小整治三年行动',
    nameEn: 'Ten Small Industries Campaign',
    township: '未设置',
    townshipEn: 'Not set up',
    start: `${year}-01-01`,
    end: `${year + 2}-12-31`,
    sample: false,
    configured: false,
  };
}

/**
 * Opens (or creates and migrates) the database, seeds the demo township when it is empty and
 * `demoDir` is given, and builds the in-memory model (or maps in its snapshot, beside the database
 * or, on PostgreSQL, in it).
 */
export async function boot(
  dbFile: string,
  demoDir: string | null,
  opts: { sessions?: SessionLimits; photosDir?: string } = {},
): Promise<{ db: Db; ctx: AppContext }> {
  const db = openStore(dbFile);
  // Servers starting together on one PostgreSQL record: one seeds it, the others wait and find it seeded.
  const pg = isPostgresUrl(dbFile);
  if (pg) db.prepare('SELECT pg_advisory_lock(20090101)').get();
  try {
    if (countPremises(db) === 0 && readCampaign(db) === null) {
      if (demoDir) await seedFromDir(db, demoDir);
      else writeCampaign(db, unconfiguredCampaign());
    }
    seedStandards(db);
  } finally {
    if (pg) db.prepare('SELECT pg_advisory_unlock(20090101)').get();
  }
  const campaign = readCampaign(db);
  if (!campaign) throw new Error('the database has no campaign');
  const memory = dbFile === ':memory:';
  // On PostgreSQL the record, and so the snapshot, is shared by several servers: it is kept in it.
  const snapshots = memory ? null : pg ? snapshotInDatabase(db) : snapshotFile(`${dbFile}.model`);
  const files = {
    photosDir:
      opts.photosDir ??
      (memory || isPostgresUrl(dbFile) ? temporaryPhotosDir() : join(dirname(dbFile), 'photos')),
  };
  return { db, ctx: makeContext(db, new CampaignModel(db, snapshots), campaign, opts.sessions, files) };
}
