import type { LocatedPremise, OpenReview } from '../domain/geocoder/review-queue';
import type { GeocodeMethod } from '../domain/geocoder/types';
import type { Db } from './open-database';

/** Every premise with its current point and method (streamed), for the review queue. */
export function* streamLocatedPremises(db: Db, villageId?: number): Generator<LocatedPremise> {
  const rows = db
    .prepare(
      `SELECT id, archive_no, name, address, village_id, lng, lat, geocode_method FROM premises
       WHERE ? IS NULL OR village_id = ? ORDER BY id`,
    )
    .raw()
    .iterate(villageId ?? null, villageId ?? null) as IterableIterator<unknown[]>;
  for (const [id, archiveNo, name, address, village, lng, lat, method] of rows) {
    yield {
      id: Number(id),
      archiveNo: String(archiveNo),
      name: String(name),
      address: String(address),
      villageId: Number(village),
      lngLat: [Number(lng), Number(lat)],
      method: method as GeocodeMethod,
    };
  }
}

export function listOpenReviews(db: Db): OpenReview[] {
  return (
    db
      .prepare(
        `SELECT premise_id, method, confidence, matched_text FROM geocode_reviews
         WHERE status = 'open' ORDER BY id`,
      )
      .all() as Record<string, unknown>[]
  ).map((r) => ({
    premiseId: Number(r.premise_id),
    method: (r.method ?? null) as GeocodeMethod | null,
    confidence: Number(r.confidence),
    matchedText: String(r.matched_text),
  }));
}

/**
 * Closes the premise's review with the point a person chose: open rows are resolved; when there was
 * none (the queue derived it from the stored method), a resolved row is written, so every
 * correction is on record with what the geocoder had before.
 */
export function resolveReview(
  db: Db,
  r: {
    premiseId: number;
    address: string;
    before: { method: GeocodeMethod | null; confidence: number; matchedText: string; conflict: boolean };
    lngLat: [number, number];
  },
): void {
  const resolved = db
    .prepare(
      `UPDATE geocode_reviews SET status = 'resolved', resolved_lng = ?, resolved_lat = ?,
         resolved_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE premise_id = ? AND status = 'open'`,
    )
    .run(r.lngLat[0], r.lngLat[1], r.premiseId).changes;
  if (resolved > 0) return;
  db.prepare(
    `INSERT INTO geocode_reviews (premise_id, address, method, confidence, matched_text, conflict, status,
       resolved_lng, resolved_lat, resolved_at)
     VALUES (?, ?, ?, ?, ?, ?, 'resolved', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  ).run(
    r.premiseId,
    r.address,
    r.before.method,
    r.before.confidence,
    r.before.matchedText,
    r.before.conflict ? 1 : 0,
    r.lngLat[0],
    r.lngLat[1],
  );
}

/** Moves a premise to a point placed by hand (WGS-84), marking how it was found. */
export function placePremiseByHand(db: Db, premiseId: number, lngLat: [number, number]): void {
  db.prepare(
    `UPDATE premises SET lng = ?, lat = ?, crs = 'WGS84', geocode_method = 'manual',
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = ?`,
  ).run(lngLat[0], lngLat[1], premiseId);
}
