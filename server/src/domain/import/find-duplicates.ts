import { addressSimilarity, normaliseName } from './text-similarity';

export interface ExistingPremise {
  id: number;
  archiveNo: string;
  name: string;
  address: string;
  operator?: string | null;
}

/** A row that looks like a premise already on record (or an earlier row of the same file). */
export interface DuplicateMatch {
  /** The premise on record, or null when the match is an earlier row of this file. */
  existingId: number | null;
  sameAsRow: number | null;
  name: string;
  address: string;
  /** 1 for the same archive number; otherwise the address similarity, 0–1. */
  score: number;
  reason: 'archive_no' | 'name_and_address';
}

/** Addresses at least this alike, under the same name, are the same premise. */
export const SIMILAR_ADDRESS = 0.6;

interface Known {
  id: number | null;
  row: number | null;
  name: string;
  address: string;
  operator: string | null;
}

/** Two named operators who differ make two premises, however alike their names and addresses. */
const otherOperator = (a: string | null, b: string | null | undefined) =>
  !!a && !!b && normaliseName(a) !== normaliseName(b);

/**
 * Finds duplicates by archive number, or by the same name at a similar address (unless both name
 * their operator and the operators differ), against the premises on record and against the rows
 * of the file seen so far.
 */
export class DuplicateFinder {
  private readonly byArchive = new Map<string, Known>();
  private readonly byName = new Map<string, Known[]>();

  constructor(existing: Iterable<ExistingPremise>) {
    for (const p of existing)
      this.add(
        { id: p.id, row: null, name: p.name, address: p.address, operator: p.operator ?? null },
        p.archiveNo,
      );
  }

  private add(k: Known, archiveNo: string | null): void {
    if (archiveNo) this.byArchive.set(archiveNo.trim(), k);
    const key = normaliseName(k.name);
    const list = this.byName.get(key);
    if (list) list.push(k);
    else this.byName.set(key, [k]);
  }

  /** The best match for a row, or null. */
  find(row: {
    archiveNo: string | null;
    name: string;
    address: string;
    operator?: string | null;
  }): DuplicateMatch | null {
    const byArchive = row.archiveNo ? this.byArchive.get(row.archiveNo.trim()) : undefined;
    if (byArchive) return this.match(byArchive, 1, 'archive_no');
    let best: { k: Known; score: number } | null = null;
    for (const k of this.byName.get(normaliseName(row.name)) ?? []) {
      if (otherOperator(k.operator, row.operator)) continue;
      const score = addressSimilarity(row.address, k.address);
      if (
        score >= SIMILAR_ADDRESS &&
        (!best || score > best.score || (score === best.score && k.id !== null))
      ) {
        best = { k, score };
      }
    }
    return best ? this.match(best.k, Math.round(best.score * 100) / 100, 'name_and_address') : null;
  }

  /** Remembers a row of the file, so later rows are compared with it too. */
  remember(
    rowNo: number,
    row: { archiveNo: string | null; name: string; address: string; operator?: string | null },
  ): void {
    this.add(
      { id: null, row: rowNo, name: row.name, address: row.address, operator: row.operator ?? null },
      row.archiveNo,
    );
  }

  private match(k: Known, score: number, reason: DuplicateMatch['reason']): DuplicateMatch {
    return { existingId: k.id, sameAsRow: k.row, name: k.name, address: k.address, score, reason };
  }
}
