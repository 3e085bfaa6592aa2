import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readDataVersion } from './db/data-version';
import type { Db } from './db/open-database';
import { premiseInput, streamPremiseInputs } from './db/premises';
import { decodeSnapshot, encodeSnapshot } from './domain/columns-snapshot';
import { buildColumns, type PremiseColumns } from './domain/premise-columns';
import { withPremise } from './domain/with-premise';

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
  /** The database's data version the columns reflect. */
  private knownDataVersion: number;
  private readonly listeners = new Set<(version: number) => void>();

  constructor(
    private readonly db: Db,
    private readonly snapshotFile: string | null = null,
  ) {
    this.knownDataVersion = readDataVersion(db);
    const snapshot = snapshotFile && existsSync(snapshotFile) ? readFileSync(snapshotFile) : null;
    const loaded = snapshot ? decodeSnapshot(snapshot, this.knownDataVersion) : null;
    this.columns = loaded ?? buildColumns(streamPremiseInputs(db));
    if (!loaded) this.saveSnapshot();
  }

  refresh(premiseId: number): void {
    const input = premiseInput(this.db, premiseId);
    if (!input) throw new Error(`premise ${premiseId} does not exist`);
    this.columns = withPremise(this.columns, input);
    this.knownDataVersion = readDataVersion(this.db);
    this.changed();
  }

  reload(): void {
    this.columns = buildColumns(streamPremiseInputs(this.db));
    this.knownDataVersion = readDataVersion(this.db);
    this.changed();
  }

  /** Reloads if another process (the CLI) changed the record; returns whether it did. */
  syncWithDatabase(): boolean {
    if (readDataVersion(this.db) === this.knownDataVersion) return false;
    this.reload();
    return true;
  }

  /** Writes the snapshot (atomically) if the columns are the database's current state. */
  saveSnapshot(): void {
    if (!this.snapshotFile || readDataVersion(this.db) !== this.knownDataVersion) return;
    const tmp = `${this.snapshotFile}.tmp`;
    writeFileSync(tmp, encodeSnapshot(this.columns, this.knownDataVersion));
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
