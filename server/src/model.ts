import { commitsByOthers, readRecordStamp } from './db/data-version';
import type { SnapshotStore } from './db/model-snapshots';
import type { Db } from './db/open-database';
import { eachPremiseInput, premiseInput, streamPremiseInputs } from './db/premises';
import {
  decodeSnapshot,
  encodeSnapshot,
  type RecordStamp,
  sameStamp,
  snapshotStamp,
} from './domain/columns-snapshot';
import { columnsBuilder, type PremiseColumns, type PremiseInput } from './domain/premise-columns';
import { withPremise, withPremises } from './domain/with-premise';

/**
 * The in-memory columnar model of every premise, built from SQLite at start and kept current:
 * every write to a premise or its events calls refresh(id) after its transaction commits.
 * With a snapshot, a start whose database has not changed since maps the snapshot back in
 * instead of folding every event again (seconds at a million premises); where the store can say
 * which premises changed since (PostgreSQL), an older snapshot is brought up to date with those.
 */
export class CampaignModel {
  columns: PremiseColumns;
  /** Bumped on every change, for caching what is derived from the columns. */
  version = 0;
  /** The database (its id) and the change counter the columns reflect. */
  private known: RecordStamp;
  /** SQLite's count of other connections' commits when the columns were last brought up to date. */
  private seenCommits: number;
  /**
   * Where several servers write (tracksChanges): the premises this server folded in after its own
   * writes, each with the record's data version read before the premise was. The record's note of a
   * change at or below that version was committed before the read, so the columns already hold it
   * and catchUp need not read the premise again — a server's own import of 100,000 rows is not read
   * a second time when the notices of its commit come back. Forgotten once the version passes them.
   */
  private readonly ownFolds = new Map<number, number>();
  private readonly listeners = new Set<(version: number) => void>();

  constructor(
    private readonly db: Db,
    private readonly snapshots: SnapshotStore | null = null,
  ) {
    this.seenCommits = commitsByOthers(db);
    this.known = readRecordStamp(db);
    const started = this.fromSnapshot();
    this.columns = started?.columns ?? everyPremiseColumns(db);
    this.start = { from: started ? 'snapshot' : 'store', caughtUp: started?.caughtUp ?? 0 };
    if (!started || started.caughtUp > RESAVE_AFTER) this.saveSnapshot();
  }

  /**
   * How the columns were first made: from the snapshot (with how many premises changed since were
   * read to bring it up to date) or from every premise in the store.
   */
  readonly start: { from: 'snapshot' | 'store'; caughtUp: number };

  /** The columns from the snapshot in store, brought up to date if it is older; null to build them afresh. */
  private fromSnapshot(): { columns: PremiseColumns; caughtUp: number } | null {
    const bytes = this.snapshots?.load() ?? null;
    const stamp = bytes && snapshotStamp(bytes);
    if (!bytes || !stamp || stamp.dbId !== this.known.dbId) return null;
    if (sameStamp(stamp, this.known)) {
      const columns = decodeSnapshot(bytes, stamp);
      return columns && { columns, caughtUp: 0 };
    }
    if (stamp.dataVersion > this.known.dataVersion) return null;
    const changed = this.snapshots?.changedSince?.(stamp.dataVersion)?.map((t) => t.id);
    if (!changed) return null;
    const inputs = [...premiseInputsOf(this.db, changed)];
    // A premise that is gone (an import undone) cannot be taken out of the columns: build afresh.
    if (inputs.length < changed.length) return null;
    const columns = decodeSnapshot(bytes, stamp);
    return columns && { columns: withPremises(columns, inputs), caughtUp: inputs.length };
  }

  /** The id of the database the columns were built from (a restore gives the record a new one). */
  get dbId(): string {
    return this.known.dbId;
  }

  refresh(premiseId: number): void {
    // Read before the premise, so a write landing in between leaves the stamp behind, not ahead.
    const othersWrote = commitsByOthers(this.db) !== this.seenCommits;
    const stamp = readRecordStamp(this.db);
    if (stamp.dbId !== this.known.dbId) {
      this.reload(); // the record was replaced under us (a restore): nothing in the columns holds
      return;
    }
    const input = premiseInput(this.db, premiseId);
    if (!input) throw new Error(`premise ${premiseId} does not exist`);
    this.columns = withPremise(this.columns, input);
    if (this.tracksChanges) this.ownFolds.set(premiseId, stamp.dataVersion);
    // Another process (the CLI) committed since we last looked and may have changed premises too:
    // leave the counter behind, so the next sync folds its changes in instead of skipping them.
    if (!othersWrote && !this.tracksChanges) this.known = stamp;
    this.changed();
  }

  /** Several servers write the record: the columns' version moves only by catchUp (see there). */
  private get tracksChanges(): boolean {
    return this.snapshots?.changedSince !== undefined;
  }

  /**
   * Brings the columns up to date with every premise changed since their version, as the store
   * notes them (PostgreSQL: other servers' writes, and any notice missed while the connection was
   * down), and moves the version to the record's as read before those notes — so the version never
   * runs ahead of what the columns hold, whatever notices are still on their way. Reads a batch at
   * a time with requests answered in between; builds afresh when most of the record changed.
   * Returns how many premises it read (0 on a store that notes no changes), or null when it must
   * wait: inside this server's own transaction (an import being written) the notes include rows
   * not committed yet, which are folded in when it commits.
   */
  async catchUp(): Promise<number | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.db.inTransaction) return null;
      const stamp = readRecordStamp(this.db);
      const touches = this.snapshots?.changedSince?.(this.known.dataVersion) ?? null;
      if (touches === null) return 0;
      const changed = touches
        .filter((t) => t.dataVersion > (this.ownFolds.get(t.id) ?? Number.NEGATIVE_INFINITY))
        .map((t) => t.id);
      if (stamp.dbId !== this.known.dbId || changed.length > this.columns.count * REBUILD_ABOVE_SHARE) {
        this.reload();
        return changed.length;
      }
      const version = this.version;
      const { inputs } = await this.readPremises(changed);
      // This server began a transaction meanwhile: what was read may include its uncommitted rows.
      if (this.db.inTransaction) return null;
      // A premise gone (an import undone) cannot be taken out of the columns: build afresh.
      if (inputs.length < changed.length) {
        this.reload();
        return changed.length;
      }
      // This server wrote meanwhile: what was read may be older than its write. Read again.
      if (this.version !== version) continue;
      this.columns = withPremises(this.columns, inputs);
      this.caughtUpTo(stamp);
      if (inputs.length > 0) this.changed();
      return inputs.length;
    }
    this.reload();
    return this.columns.count;
  }

  /**
   * Reads many premises with their records (an import's, inside its transaction), a slice at a time
   * with other requests answered in between, for takePremises to fold in once they are committed;
   * with the record's data version as it stood before the first was read.
   */
  async readPremises(premiseIds: readonly number[]): Promise<PremisesRead> {
    const asOf = readRecordStamp(this.db).dataVersion;
    const inputs: PremiseInput[] = [];
    for (const batch of premiseBatches(premiseIds)) {
      inputs.push(...premiseInputsOfBatch(this.db, batch));
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { inputs, asOf };
  }

  /**
   * Folds premises read by readPremises into the columns in one pass, right after their transaction
   * commits: an import's premises come in for a few milliseconds per thousand, where a reload reads
   * every premise again (a second at 50k premises). No write may come between the read and this.
   */
  takePremises({ inputs: premises, asOf }: PremisesRead): void {
    if (premises.length === 0) return;
    const othersWrote = commitsByOthers(this.db) !== this.seenCommits;
    const stamp = readRecordStamp(this.db);
    if (stamp.dbId !== this.known.dbId) {
      this.reload(); // the record was replaced under us (a restore)
      return;
    }
    this.columns = withPremises(this.columns, premises);
    if (this.tracksChanges) for (const p of premises) this.ownFolds.set(p.id, asOf);
    if (!othersWrote && !this.tracksChanges) this.known = stamp;
    this.changed();
  }

  reload(): void {
    this.seenCommits = commitsByOthers(this.db);
    this.caughtUpTo(readRecordStamp(this.db));
    this.columns = everyPremiseColumns(this.db);
    this.changed();
  }

  /**
   * The columns hold the record as it stood at `stamp`: the notes of changes below its version will
   * not be asked for again, so what this server folded in from its own writes below it is forgotten.
   */
  private caughtUpTo(stamp: RecordStamp): void {
    this.known = stamp;
    for (const [id, asOf] of this.ownFolds) if (asOf < stamp.dataVersion) this.ownFolds.delete(id);
  }

  /**
   * Reloads if another process changed the record — the CLI's writes, or a restore that replaced
   * it (a new database id, whatever its counter says); returns whether it did.
   */
  syncWithDatabase(): boolean {
    // Inside a transaction (an import's, written a slice at a time) the counter moves with writes
    // not committed yet: they are folded in when it commits.
    if (this.db.inTransaction) return false;
    const commits = commitsByOthers(this.db);
    if (sameStamp(readRecordStamp(this.db), this.known)) {
      this.seenCommits = commits;
      return false;
    }
    this.reload();
    return true;
  }

  /** Keeps the snapshot if the columns are the database's current state. */
  saveSnapshot(): void {
    if (!this.snapshots || !sameStamp(readRecordStamp(this.db), this.known)) return;
    this.snapshots.save(encodeSnapshot(this.columns, this.known), this.known);
  }

  /** Tells the listeners something they derive from changed outside the premises (the campaign's dates). */
  touch(): void {
    this.changed();
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  onChange(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener(this.version);
  }
}

/** A snapshot brought up to date with more premises than this is kept again, so the next start reads fewer. */
const RESAVE_AFTER = 10_000;

/** Premises read for the columns, with the record's data version as it stood before the first was. */
export interface PremisesRead {
  inputs: PremiseInput[];
  asOf: number;
}

/** Above this share of the record changed at once, the columns are built afresh rather than brought up to date. */
const REBUILD_ABOVE_SHARE = 0.5;

/** The ids, each once and in order, in batches of at most 2,000 (each read by one query). */
function premiseBatches(premiseIds: readonly number[]): number[][] {
  const ids = [...new Set(premiseIds)].sort((a, b) => a - b);
  const batches: number[][] = [];
  for (let i = 0; i < ids.length; i += 2000) batches.push(ids.slice(i, i + 2000));
  return batches;
}

/** The columns of every premise in the store. */
function everyPremiseColumns(db: Db): PremiseColumns {
  const builder = columnsBuilder();
  eachPremiseInput(db, builder.add);
  return builder.done();
}

/**
 * The premises of one batch with their records: a run of near ids (an import's new premises) read
 * as a range, scattered ones (what other servers changed) as a list.
 */
function* premiseInputsOfBatch(db: Db, batch: readonly number[]): Generator<PremiseInput> {
  const [from, to] = [batch[0], batch[batch.length - 1]];
  if (to - from < batch.length * 16) {
    const wanted = new Set(batch);
    for (const input of streamPremiseInputs(db, { fromId: from, toId: to }))
      if (wanted.has(input.id)) yield input;
  } else yield* streamPremiseInputs(db, { ids: batch });
}

/** The given premises with their records, a batch at a time. */
function* premiseInputsOf(db: Db, premiseIds: readonly number[]): Generator<PremiseInput> {
  for (const batch of premiseBatches(premiseIds)) yield* premiseInputsOfBatch(db, batch);
}
