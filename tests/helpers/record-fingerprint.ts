import type { Db } from '../../server/src/db/open-database';

// Written in SQL both stores run (SQLite 3.44+ has string_agg; total() becomes sum() on PostgreSQL).

/**
 * A summary of everything an import may change (premises, events, villages, townships, review
 * queue, audit log): equal before and after means the record was left as it was.
 */
export function recordFingerprint(db: Db): string {
  return JSON.stringify(
    db
      .prepare(
        `SELECT
           (SELECT count(*) || ':' || total(id) || ':' || total(lng + lat) || ':' || string_agg(updated_at, '' ORDER BY id) FROM premises),
           (SELECT count(*) || ':' || total(id) || ':' || total(day) FROM events),
           (SELECT count(*) || ':' || total(length(geometry)) || ':' || total(area_km2) FROM villages),
           (SELECT count(*) || ':' || total(length(geometry)) FROM townships),
           (SELECT count(*) FROM geocode_reviews),
           (SELECT count(*) FROM audit_log)`,
      )
      .raw()
      .get(),
  );
}
