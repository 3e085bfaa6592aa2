import { type AppContext, setContextCampaign } from './context';
import { readCampaign } from './db/campaign';
import { snapshotInDatabase } from './db/model-snapshots';
import { dialectOf } from './db/open-database';
import { MISSED, type PgDatabase } from './db/pg/pg-database';

/**
 * Keeps a running server on the record others change: the CLI's writes (SQLite) or another server's
 * (PostgreSQL) are folded into the model, and after a restore (the record has a new database id)
 * the campaign is read again too. Returns the function that stops it.
 */
export function followDatabase(ctx: AppContext, everyMs = 2000): () => void {
  if (dialectOf(ctx.db) === 'postgres') return followOtherServers(ctx);
  let dbId = ctx.model.dbId;
  const timer = setInterval(() => {
    try {
      ctx.model.syncWithDatabase();
      if (ctx.model.dbId === dbId) return;
      dbId = ctx.model.dbId;
      const campaign = readCampaign(ctx.db);
      if (campaign) setContextCampaign(ctx, campaign);
    } catch (err) {
      // A failed look (the disk, a lock held too long) is tried again on the next tick.
      console.error(`could not follow the database: ${(err as Error).message}`);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Above this share of the record changed at once the columns are built afresh. Below it the changed
 * premises are read a run at a time with requests answered in between, where a rebuild holds the
 * server for its whole length (tens of seconds at a million premises).
 */
const RELOAD_ABOVE_SHARE = 0.5;

/**
 * PostgreSQL: every server hears the others' commits (NOTIFY shixiao_changes, sent by the triggers,
 * delivered at commit in commit order) and folds the premises they touched into its columns — a
 * few milliseconds, not a reload — within a fraction of a second; a change to villages, townships
 * or the campaign drops what is cached of them. Big screens follow the model, so they are pushed
 * from whichever server holds them.
 */
function followOtherServers(ctx: AppContext): () => void {
  const pg = ctx.db as unknown as PgDatabase;
  const premises = new Set<number>();
  let tables = false;
  let missed = false;
  let running = false;
  let again = false;

  const fold = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if (missed) {
          // The connection was down: every premise changed since the model's version, and the rest.
          missed = false;
          tables = true;
          for (const id of snapshotInDatabase(ctx.db).changedSince(ctx.model.dataVersion) ?? [])
            premises.add(id);
        }
        if (tables) {
          tables = false;
          pg.othersCommits++; // the geography cache reads its boundaries again
          const campaign = readCampaign(ctx.db);
          if (campaign) setContextCampaign(ctx, campaign);
        }
        const ids = [...premises];
        premises.clear();
        if (ids.length > ctx.model.columns.count * RELOAD_ABOVE_SHARE) ctx.model.reload();
        else if (ids.length > 0) await foldPremises(ctx, ids);
      } while (again || premises.size > 0 || tables || missed);
    } catch (err) {
      console.error(`could not fold in another server's changes: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };

  const stop = pg.follow((payload) => {
    if (payload === MISSED) missed = true;
    else if (payload.startsWith('p')) premises.add(Number(payload.slice(1)));
    else tables = true;
    // Notifications of one commit arrive together: fold them in once they have all come.
    setImmediate(() => void fold());
  });
  return stop;
}

/** Reads the changed premises and folds them in; a premise gone (an import undone elsewhere) means a reload. */
async function foldPremises(ctx: AppContext, ids: number[]): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const version = ctx.model.version;
    const inputs = await ctx.model.readPremises(ids);
    if (inputs.length < ids.length) {
      ctx.model.reload();
      return;
    }
    // This server wrote in between (its own refresh is newer than what was read): read again.
    if (ctx.model.version !== version) continue;
    ctx.model.takePremises(inputs);
    return;
  }
  ctx.model.reload();
}
