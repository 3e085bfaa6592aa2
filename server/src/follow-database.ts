import { type AppContext, setContextCampaign } from './context';
import { readCampaign } from './db/campaign';

/**
 * Keeps a running server on the record other processes change: the CLI's writes are folded into
 * the model, and after a restore (the record has a new database id) the campaign is read again
 * too. Returns the function that stops it.
 */
export function followDatabase(ctx: AppContext, everyMs = 2000): () => void {
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
