import { type AppContext, setContextCampaign } from './context';
import { readCampaign } from './db/campaign';
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

/** After a failed catch-up (the connection down again), the next try comes this much later. */
const RETRY_MS = 1000;

/** While this server's own transaction is open, the catch-up looks again this much later. */
const WAIT_FOR_TRANSACTION_MS = 250;

/**
 * PostgreSQL: every server hears the others' commits (NOTIFY shixiao_changes, sent by the triggers,
 * delivered at commit) and, woken by them, brings its columns up to date from the record's own
 * notes of which premises changed since its version (CampaignModel.catchUp) — a few milliseconds,
 * not a reload, and nothing lost when a notice was (the connection down: it hears MISSED when it
 * is back). A change to villages, townships or the campaign drops what is cached of them. Big
 * screens follow the model, so they are pushed from whichever server holds them.
 */
function followOtherServers(ctx: AppContext): () => void {
  const pg = ctx.db as unknown as PgDatabase;
  let premises = false;
  let tables = false;
  let running = false;
  let stopped = false;

  const fold = async (): Promise<void> => {
    if (running || stopped) return;
    running = true;
    try {
      while (premises || tables) {
        if (tables) {
          tables = false;
          pg.othersCommits++; // the geography cache reads its boundaries again
          const campaign = readCampaign(ctx.db);
          if (campaign) setContextCampaign(ctx, campaign);
        }
        if (premises) {
          premises = false;
          if ((await ctx.model.catchUp()) === null) {
            // This server is writing a transaction (an import): look again once it is done.
            premises = true;
            setTimeout(() => void fold(), WAIT_FOR_TRANSACTION_MS).unref();
            break;
          }
        }
      }
    } catch (err) {
      // Nothing is lost: the next try reads everything changed since the columns' version again.
      premises = true;
      tables = true;
      console.error(`could not fold in another server's changes (trying again): ${(err as Error).message}`);
      setTimeout(() => void fold(), RETRY_MS).unref();
    } finally {
      running = false;
    }
  };

  const stop = pg.follow((payload) => {
    if (payload === MISSED) {
      premises = true;
      tables = true;
    } else if (payload.startsWith('p')) premises = true;
    else tables = true;
    // Notifications of one commit arrive together: fold them in once they have all come.
    setImmediate(() => void fold());
  });
  return () => {
    stopped = true;
    stop();
  };
}
