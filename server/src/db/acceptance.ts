import type { Adjustment } from '../domain/acceptance/scorecard';
import { type Db, dialectOf } from './open-database';

/**
 * The annual acceptance (验收) as the record keeps it: each campaign year's targets in versions
 * (never changed, only added to), and one acceptance record per village and year.
 */

export interface StoredTargets {
  year: number;
  version: number;
  /** The targets as written (the route validated them with yearTargetsSchema). */
  data: unknown;
  note: string;
  createdBy: string | null;
  createdAt: string;
}

/** What the scorecard said when the team signed it off. */
export interface SignOffSnapshot {
  asOf: string;
  computed: number;
  adjusted: number;
  meetsTargets: boolean;
  targetsVersion: number;
}

export interface AcceptanceRecord {
  id: number;
  year: number;
  villageId: number;
  adjustments: Adjustment[];
  remarks: string;
  /** The team's decision; null until signed off. */
  passed: boolean | null;
  signedOffBy: string | null;
  signedOffAt: string | null;
  snapshot: SignOffSnapshot | null;
  updatedBy: string | null;
  updatedAt: string;
}

function statementsFor(db: Db) {
  const recordColumns = `id, year, village_id, adjustments, remarks, passed, signed_off_by, signed_off_at,
    snapshot, updated_by, updated_at`;
  return {
    targetVersions: db.prepare(
      `SELECT year, version, data, note, created_by, created_at FROM acceptance_targets
       WHERE year = ? ORDER BY version DESC`,
    ),
    nextTargetVersion: db
      .prepare('SELECT ifnull(max(version), 0) + 1 FROM acceptance_targets WHERE year = ?')
      .pluck(),
    insertTargets: db.prepare(
      'INSERT INTO acceptance_targets (year, version, data, note, created_by) VALUES (?, ?, ?, ?, ?)',
    ),
    records: db.prepare(`SELECT ${recordColumns} FROM acceptance_records WHERE year = ?`),
    record: db.prepare(`SELECT ${recordColumns} FROM acceptance_records WHERE year = ? AND village_id = ?`),
    upsertRecord: db.prepare(
      `INSERT INTO acceptance_records (year, village_id, adjustments, remarks, passed, signed_off_by,
         signed_off_at, snapshot, updated_by, updated_at)
       VALUES (@year, @villageId, @adjustments, @remarks, @passed, @signedOffBy, @signedOffAt, @snapshot,
         @updatedBy, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
       ON CONFLICT (year, village_id) DO UPDATE SET adjustments = excluded.adjustments,
         remarks = excluded.remarks, passed = excluded.passed, signed_off_by = excluded.signed_off_by,
         signed_off_at = excluded.signed_off_at, snapshot = excluded.snapshot,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ),
    // A file is complete (一户一档) when the operator, a phone and the address are on it.
    filed: db
      .prepare(
        `SELECT id FROM premises
         WHERE trim(ifnull(operator, '')) <> '' AND trim(ifnull(phone, '')) <> '' AND trim(address) <> ''`,
      )
      .pluck(),
    // The latest order to rectify of each premise on a day, with who answers for it (责任人).
    orderResponsible: db.prepare(
      dialectOf(db) === 'sqlite'
        ? `SELECT premise_id, responsible, max(day * 4294967296 + id) FROM events
           WHERE type = 'ordered' AND day <= @day AND premise_id IN (SELECT value FROM json_each(@ids))
           GROUP BY premise_id`
        : `SELECT DISTINCT ON (premise_id) premise_id, responsible, 0 FROM events
           WHERE type = 'ordered' AND day <= @day AND premise_id IN (SELECT value FROM json_each(@ids))
           ORDER BY premise_id, day DESC, id DESC`,
    ),
    incidents: db.prepare(
      `SELECT id, premise_id, day, problems, note FROM events
       WHERE type = 'incident' AND day BETWEEN ? AND ? ORDER BY day DESC, id DESC`,
    ),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof statementsFor>>();

function sql(db: Db) {
  let s = prepared.get(db);
  if (!s) {
    s = statementsFor(db);
    prepared.set(db, s);
  }
  return s;
}

/** Every stored version of a year's targets, newest first (none until someone edits them). */
export function targetVersions(db: Db, year: number): StoredTargets[] {
  return (sql(db).targetVersions.all(year) as Record<string, unknown>[]).map((r) => ({
    year: Number(r.year),
    version: Number(r.version),
    data: JSON.parse(String(r.data)),
    note: String(r.note),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: String(r.created_at),
  }));
}

/** Adds the next version of a year's targets; returns its number. */
export function addTargetVersion(
  db: Db,
  t: { year: number; data: unknown; note: string; createdBy: string | null },
): number {
  const version = Number(sql(db).nextTargetVersion.get(t.year));
  sql(db).insertTargets.run(t.year, version, JSON.stringify(t.data), t.note, t.createdBy);
  return version;
}

function toRecord(r: Record<string, unknown>): AcceptanceRecord {
  return {
    id: Number(r.id),
    year: Number(r.year),
    villageId: Number(r.village_id),
    adjustments: JSON.parse(String(r.adjustments)) as Adjustment[],
    remarks: String(r.remarks),
    passed: r.passed === null ? null : r.passed === 1,
    signedOffBy: (r.signed_off_by as string | null) ?? null,
    signedOffAt: (r.signed_off_at as string | null) ?? null,
    snapshot: r.snapshot === null ? null : (JSON.parse(String(r.snapshot)) as SignOffSnapshot),
    updatedBy: (r.updated_by as string | null) ?? null,
    updatedAt: String(r.updated_at),
  };
}

/** The acceptance records of a year, by village id. */
export function acceptanceRecords(db: Db, year: number): Map<number, AcceptanceRecord> {
  const rows = sql(db).records.all(year) as Record<string, unknown>[];
  return new Map(rows.map((r) => [Number(r.village_id), toRecord(r)]));
}

export function acceptanceRecord(db: Db, year: number, villageId: number): AcceptanceRecord | null {
  const r = sql(db).record.get(year, villageId) as Record<string, unknown> | undefined;
  return r ? toRecord(r) : null;
}

/** Writes a village's record for a year (creating or replacing it); returns it as stored. */
export function saveAcceptanceRecord(
  db: Db,
  r: Pick<
    AcceptanceRecord,
    | 'year'
    | 'villageId'
    | 'adjustments'
    | 'remarks'
    | 'passed'
    | 'signedOffBy'
    | 'signedOffAt'
    | 'snapshot'
    | 'updatedBy'
  >,
): AcceptanceRecord {
  sql(db).upsertRecord.run({
    ...r,
    adjustments: JSON.stringify(r.adjustments),
    passed: r.passed === null ? null : r.passed ? 1 : 0,
    snapshot: r.snapshot === null ? null : JSON.stringify(r.snapshot),
  });
  return acceptanceRecord(db, r.year, r.villageId) as AcceptanceRecord;
}

/** Ids of the premises whose file is complete: operator, phone and address on it (as the file is now). */
export function filedPremises(db: Db): Set<number> {
  return new Set((sql(db).filed.all() as number[]).map(Number));
}

/** Who answers for each premise's latest order to rectify on `day` (责任人), where it was recorded. */
export function orderResponsibles(db: Db, day: number, ids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const rows = sql(db)
    .orderResponsible.raw()
    .all({ day, ids: JSON.stringify(ids) }) as [number, string | null][];
  for (const [premiseId, responsible] of rows) if (responsible) out.set(premiseId, responsible);
  return out;
}

export interface IncidentRecord {
  eventId: number;
  premiseId: number;
  day: number;
  problems: string[];
  note: string | null;
}

/** Quality and safety incidents (质量安全事故) recorded for days from `from` to `to`, latest first. */
export function incidentsBetween(db: Db, from: number, to: number): IncidentRecord[] {
  return (sql(db).incidents.all(from, to) as Record<string, unknown>[]).map((r) => ({
    eventId: Number(r.id),
    premiseId: Number(r.premise_id),
    day: Number(r.day),
    problems: r.problems ? String(r.problems).split(';') : [],
    note: (r.note as string | null) ?? null,
  }));
}
