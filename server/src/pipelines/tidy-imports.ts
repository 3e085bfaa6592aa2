import type { AppContext } from '../context';
import { settledJobsWithRows } from '../db/import-jobs';
import { logError } from '../log-error';
import { abandonStaleImports, STALE_IMPORT_DAYS } from './abandon-import';
import { purgeImportRows } from './purge-import-rows';

const DAY_MS = 86_400_000;

/**
 * Keeps uploaded rows to the work: purges the rows of imports settled before rows were purged at
 * commit, and abandons imports left staged for over a week. Returns what it did.
 */
export function tidyImports(ctx: AppContext, now = new Date()): { purged: number[]; abandoned: number[] } {
  const purged = settledJobsWithRows(ctx.db);
  for (const id of purged) ctx.db.transaction(() => purgeImportRows(ctx.db, id))();
  return { purged, abandoned: abandonStaleImports(ctx, { now }) };
}

/** Tidies the imports now and once a day while the server runs (the timer does not keep it alive). */
export function scheduleImportTidying(ctx: AppContext): void {
  const run = () => {
    try {
      const { purged, abandoned } = tidyImports(ctx);
      if (purged.length + abandoned.length > 0)
        console.log(
          `imports: purged the rows of ${purged.length} settled imports; abandoned ${abandoned.length} staged over ${STALE_IMPORT_DAYS} days`,
        );
    } catch (err) {
      // A locked or busy record is tried again tomorrow; the server keeps serving.
      logError('tidying the imports', err);
    }
  };
  run();
  setInterval(run, DAY_MS).unref();
}
