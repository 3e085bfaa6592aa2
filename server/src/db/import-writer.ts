import { itemRecorder } from './import-items';
import { type ImportWriter, reviewQueuer } from './import-writes';
import { type Db, dialectOf } from './open-database';
import { pgImportWriter } from './pg/bulk-load';
import type { PgDatabase } from './pg/pg-database';
import { eventInserter, premiseInserter } from './premises';

/**
 * The import's writer for the store: on SQLite a prepared INSERT a row (a function call each); on
 * PostgreSQL rows batched into COPY (an INSERT a row there is a round trip each: 2,000 rows took
 * seconds).
 */
export function importWriter(db: Db, importId: number): ImportWriter {
  if (dialectOf(db) === 'postgres') return pgImportWriter(db as unknown as PgDatabase, importId);
  return {
    insertPremise: premiseInserter(db),
    insertEvent: eventInserter(db),
    recordItem: itemRecorder(db, importId),
    queueReview: reviewQueuer(db),
    flush: () => undefined,
  };
}
