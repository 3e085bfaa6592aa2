import type { ExistingPremise } from '../domain/import/find-duplicates';
import type { PremiseEvent } from '../domain/premise-event';
import type { ImportItem } from './import-items';
import type { Db } from './open-database';
import type { PremiseRow } from './premises';

/** Every premise on record as the duplicate check needs it. */
export function listExistingPremises(db: Db): ExistingPremise[] {
  return (
    db.prepare('SELECT id, archive_no, name, address, operator FROM premises').raw().all() as [
      number,
      string,
      string,
      string,
      string | null,
    ][]
  ).map(([id, archiveNo, name, address, operator]) => ({ id, archiveNo, name, address, operator }));
}

/** The fields a merge may overwrite. */
export type MergeableFields = Pick<
  PremiseRow,
  | 'operator'
  | 'phone'
  | 'idNumber'
  | 'address'
  | 'villageId'
  | 'lng'
  | 'lat'
  | 'crs'
  | 'geocodeMethod'
  | 'keyObject'
  | 'areaM2'
  | 'staff'
  | 'notes'
>;

const mergeColumns: Record<keyof MergeableFields, string> = {
  operator: 'operator',
  phone: 'phone',
  idNumber: 'id_number',
  address: 'address',
  villageId: 'village_id',
  lng: 'lng',
  lat: 'lat',
  crs: 'crs',
  geocodeMethod: 'geocode_method',
  keyObject: 'key_object',
  areaM2: 'area_m2',
  staff: 'staff',
  notes: 'notes',
};

/** Writes the given fields of a premise (a merge, or its undo) and stamps updated_at. */
export function updatePremiseFields(db: Db, id: number, fields: Partial<MergeableFields>): void {
  const entries = Object.entries(fields).filter(([k]) => k in mergeColumns) as [
    keyof MergeableFields,
    unknown,
  ][];
  if (entries.length === 0) return;
  const sets = entries.map(([k]) => `${mergeColumns[k]} = ?`).join(', ');
  const values = entries.map(([k, v]) => (k === 'keyObject' ? (v ? 1 : 0) : v));
  db.prepare(
    `UPDATE premises SET ${sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(...values, id);
}

/** Runs `fn` over `ids` in chunks small enough for SQLite's parameter limit. */
function chunked(ids: readonly number[], fn: (chunk: number[]) => void): void {
  for (let i = 0; i < ids.length; i += 500) fn(ids.slice(i, i + 500));
}

export function deletePremises(db: Db, ids: readonly number[]): void {
  const stmt = db.prepare('DELETE FROM premises WHERE id IN (SELECT value FROM json_each(?))');
  chunked(ids, (chunk) => stmt.run(JSON.stringify(chunk)));
}

export function deleteEvents(db: Db, ids: readonly number[]): void {
  const stmt = db.prepare('DELETE FROM events WHERE id IN (SELECT value FROM json_each(?))');
  chunked(ids, (chunk) => stmt.run(JSON.stringify(chunk)));
}

/** How many events the premises have in all. */
export function countEventsOf(db: Db, premiseIds: readonly number[]): number {
  const stmt = db
    .prepare('SELECT count(*) FROM events WHERE premise_id IN (SELECT value FROM json_each(?))')
    .pluck();
  let n = 0;
  chunked(premiseIds, (chunk) => {
    n += Number(stmt.get(JSON.stringify(chunk)));
  });
  return n;
}

/** Which of the premises were changed after `at` (an ISO timestamp), e.g. since an import wrote them. */
export function premisesUpdatedAfter(db: Db, ids: readonly number[], at: string): number[] {
  const stmt = db
    .prepare('SELECT id FROM premises WHERE id IN (SELECT value FROM json_each(?)) AND updated_at > ?')
    .pluck();
  const out: number[] = [];
  chunked(ids, (chunk) => {
    for (const id of stmt.all(JSON.stringify(chunk), at)) out.push(Number(id));
  });
  return out;
}

/** A premise placed with low confidence, for the geocoder's review queue. */
export interface ReviewInput {
  premiseId: number;
  address: string;
  method: string | null;
  confidence: number;
  matchedText: string;
  conflict: boolean;
}

/** A review's columns, as the INSERT below (and PostgreSQL's COPY) bind them. */
export function reviewValues(r: ReviewInput): unknown[] {
  return [
    r.premiseId,
    r.address,
    r.method,
    Math.min(1, Math.max(0, r.confidence)),
    r.matchedText,
    r.conflict ? 1 : 0,
  ];
}

/** Puts a premise placed with low confidence in the geocoder's review queue. */
export function reviewQueuer(db: Db): (r: ReviewInput) => void {
  const stmt = db.prepare(
    'INSERT INTO geocode_reviews (premise_id, address, method, confidence, matched_text, conflict) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return (r) => stmt.run(...reviewValues(r));
}

/**
 * What an import writes row by row: new premises and their records, what it changed (for undo),
 * low-confidence placements. `flush` sends what a store holds back (PostgreSQL batches its rows):
 * called before reading what was written.
 */
export interface ImportWriter {
  insertPremise(p: Omit<PremiseRow, 'id'>): number;
  insertEvent(premiseId: number, e: PremiseEvent): number;
  recordItem(item: ImportItem): void;
  queueReview(r: ReviewInput): void;
  flush(): void;
}
