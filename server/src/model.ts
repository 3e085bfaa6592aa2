import type { Db } from './db/open-database';
import { premiseInput, streamPremiseInputs } from './db/premises';
import { buildColumns, type PremiseColumns } from './domain/premise-columns';
import { withPremise } from './domain/with-premise';

/**
 * The in-memory columnar model of every premise, built from SQLite at start and kept current:
 * every write to a premise or its events calls refresh(id) after its transaction commits.
 */
export class CampaignModel {
  columns: PremiseColumns;
  /** Bumped on every change, for caching what is derived from the columns. */
  version = 0;
  private readonly listeners = new Set<(version: number) => void>();

  constructor(private readonly db: Db) {
    this.columns = buildColumns(streamPremiseInputs(db));
  }

  refresh(premiseId: number): void {
    const input = premiseInput(this.db, premiseId);
    if (!input) throw new Error(`premise ${premiseId} does not exist`);
    this.columns = withPremise(this.columns, input);
    this.changed();
  }

  reload(): void {
    this.columns = buildColumns(streamPremiseInputs(this.db));
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
