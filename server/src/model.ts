import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { commitsByOthers, readRecordStamp } from './db/data-version';
import type { Db } from './db/open-database';
import { premiseInput, streamPremiseInputs } from './db/premises';
import { decodeSnapshot, encodeSnapshot, type RecordStamp, sameStamp } from './domain/columns-snapshot';
import { buildColumns, type PremiseColumns, type PremiseInput } from './domain/premise-columns';
import { withPremise, withPremises } from './domain/with-premise';

/**
 * The in-memory columnar model of every premise, built from SQLite at start and kept current:
 * every write to a premise or its events calls refresh(id) after its transaction commits.
 * With a snapshot file, a start whose database has not changed since maps the snapshot back in
 * instead of folding every event again (seconds at a million premises).
 */
export class CampaignModel {
  columns: PremiseColumns;
  /** Bumped on every change, for caching what is derived from the columns. */
  version = 0;
  /** The database (its id) and the change counter the columns reflect. */
  private known: RecordStamp;
  /** SQLite's count of other connections' commits when the columns were last brought up to date. */
  private seenCommits: number;
  private readonly listeners = new Set<(version: number) => void>();

  constructor(
    private readonly db: Db,
    private readonly snapshotFile: string | null = null,
  ) {
    this.seenCommits = commitsByOthers(db);
    this.known = readRecordStamp(db);
    const snapshot = snapshotFile && existsSync(snapshotFile) ? readFileSync(snapshotFile) : null;
    const loaded = snapshot ? decodeSnapshot(snapshot, this.known) : null;
    this.columns = loaded ?? buildColumns(streamPremiseInputs(db));
    if (!loaded) this.saveSnapshot();
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
    // Another process (the CLI) committed since we last looked and may have changed premises too:
    // leave the counter behind, so the next sync folds its changes in instead of skipping them.
    if (!othersWrote) this.known = stamp;
    this.changed();
  }

  /**
   * Reads many premises with their records (an import's, inside its transaction), a slice at a time
   * with other requests answered in between, for takePremises to fold in once they are committed.
   */
  async readPremises(premiseIds: readonly number[]): Promise<PremiseInput[]> {
    const wanted = new Set(premiseIds);
    const ids = [...wanted].sort((a, b) => a - b);
    const inputs: PremiseInput[] = [];
    // Runs of near ids (an import's new premises) are read as one range, at most 2,000 at a time.
    for (let i = 0; i < ids.length; ) {
      let j = i;
      while (j + 1 < ids.length && j - i < 2000 && ids[j + 1] - ids[j] <= 16) j++;
      for (const input of streamPremiseInputs(this.db, { fromId: ids[i], toId: ids[j] }))
        if (wanted.has(input.id)) inputs.push(input);
      i = j + 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return inputs;
  }

  /**
   * Folds premises read by readPremises into the columns in one pass, right after their transaction
   * commits: an import's premises come in for a few milliseconds per thousand, where a reload reads
   * every premise again (a second at 50k premises). No write may come between the read and this.
   */
  takePremises(premises: readonly PremiseInput[]): void {
    if (premises.length === 0) return;
    const othersWrote = commitsByOthers(this.db) !== this.seenCommits;
    const stamp = readRecordStamp(this.db);
    if (stamp.dbId !== this.known.dbId) {
      this.reload(); // the record was replaced under us (a restore)
      return;
    }
    this.columns = withPremises(this.columns, premises);
    if (!othersWrote) this.known = stamp;
    this.changed();
  }

  reload(): void {
    this.seenCommits = commitsByOthers(this.db);
    this.known = readRecordStamp(this.db);
    this.columns = buildColumns(streamPremiseInputs(this.db));
    this.changed();
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

  /** Writes the snapshot (atomically) if the columns are the database's current state. */
  saveSnapshot(): void {
    if (!this.snapshotFile || !sameStamp(readRecordStamp(this.db), this.known)) return;
    const tmp = `${this.snapshotFile}.tmp`;
    writeFileSync(tmp, encodeSnapshot(this.columns, this.known));
    renameSync(tmp, this.snapshotFile);
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
