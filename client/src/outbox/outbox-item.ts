import type { InspectionBody, PremiseRecord, ReinspectionBody } from '../api';
import { ApiRequestError } from '../api-errors';

/** What the phone sends itself, per record: its id, the newest record it knew, the uploaded photos. */
type SentBySync = 'clientId' | 'basedOnEventId' | 'photos';

/** A step of the workflow as written on the phone, before the sync adds what only it knows. */
export type StepWork =
  | { kind: 'inspection'; body: Omit<InspectionBody, SentBySync> }
  | { kind: 'reinspection'; body: Omit<ReinspectionBody, SentBySync> };

export type StepKind = StepWork['kind'];

/** A photo waiting to go: its bytes (shrunk on the phone), and its id on the server once uploaded. */
export interface OutboxPhoto {
  bytes: ArrayBuffer;
  mime: 'image/jpeg' | 'image/png';
  name: string;
  /** Set as soon as the upload succeeded, so a retry after a dropped connection does not send it again. */
  uploadedId: number | null;
}

export type OutboxWork = StepWork & {
  premiseId: number;
  /** The newest record of the premise the phone knew of when the form opened (null: none). */
  basedOnEventId: number | null;
  photos: OutboxPhoto[];
};

/** Why the server refused a record (a 4xx it meant): kept with the record, never dropped silently. */
export interface Refusal {
  status: number;
  message: string;
  messageZh: string | null;
}

/** What the server answered when the record went through. */
export interface SyncResult {
  syncedAt: string;
  recordId: number;
  /** The premise's status after it, as the server counts it today. */
  status: string | null;
  /** The server had it already (the same clientId was sent before, e.g. an answer lost on the way). */
  replayed: boolean;
  /** Records others entered meanwhile that the server named in its answer (a race the check missed). */
  newer: PremiseRecord[];
}

/**
 * `pending`: waits to be sent. `conflict`: others recorded on the premise since the phone's copy;
 * held until the person keeps it (send anyway) or discards it. `failed`: the server refused it;
 * held with the reason until the person sends it again or discards it. `synced`: on the server.
 */
export type OutboxState = 'pending' | 'conflict' | 'failed' | 'synced';

export interface OutboxItem {
  /** crypto.randomUUID() made when the form opened: sent twice, the server records it once. */
  clientId: string;
  /** Whose record it is: it is only ever sent in their session. */
  username: string;
  createdAt: string;
  premiseName: string;
  work: OutboxWork;
  state: OutboxState;
  /** Tries that did not reach the server, and what went wrong the last time. */
  attempts: number;
  lastError: string | null;
  refusal: Refusal | null;
  /** Others' records since the phone's copy, found before sending (state `conflict`). */
  conflict: PremiseRecord[] | null;
  /** The person saw the conflict and chose to keep the record: it is sent without asking again. */
  confirmed: boolean;
  result: SyncResult | null;
}

export type NewOutboxItem = Pick<OutboxItem, 'clientId' | 'username' | 'premiseName' | 'work'>;

/** States that wait for the person to decide: keep (send again) or discard. */
export const AWAITS_DECISION: ReadonlySet<OutboxState> = new Set(['conflict', 'failed']);

/**
 * What a failed send means for the outbox: `offline` (the server was not reached, or could not
 * answer: try again later, and stop trying the rest now), `signed-out` (the session ended: wait for
 * the sign-in) or a refusal the server meant (this record is held; the next ones go on).
 */
export type SendFailure =
  | { kind: 'offline'; message: string }
  | { kind: 'signed-out'; message: string }
  | { kind: 'refused'; refusal: Refusal };

/** Classifies what a send threw. */
export function sendFailure(err: unknown): SendFailure {
  if (err instanceof ApiRequestError) {
    if (err.status === 401) return { kind: 'signed-out', message: err.message };
    if (err.status === 408 || err.status === 429 || err.status >= 500)
      return { kind: 'offline', message: `${err.status} ${err.message}` };
    return {
      kind: 'refused',
      refusal: { status: err.status, message: err.message, messageZh: err.messageZh ?? null },
    };
  }
  // fetch rejects with a TypeError when nothing answered (no network, server down)
  if (err instanceof TypeError) return { kind: 'offline', message: err.message };
  return {
    kind: 'refused',
    refusal: { status: 0, message: err instanceof Error ? err.message : String(err), messageZh: null },
  };
}

/** The id the phone gives the upload of a record's n-th photo: the same on every retry. */
export function photoClientId(item: Pick<OutboxItem, 'clientId'>, n: number): string {
  return `${item.clientId}.${n}`;
}

/** The outbox's items in the order they are sent: oldest first. */
export function inSendingOrder(items: readonly OutboxItem[]): OutboxItem[] {
  return [...items].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.clientId.localeCompare(b.clientId),
  );
}

/** Of `records` (entered after the phone's copy), those others made: not the phone's own, nor orders issued with them. */
export function othersRecords(
  records: readonly PremiseRecord[],
  items: readonly OutboxItem[],
): PremiseRecord[] {
  const ourClientIds = new Set(items.map((i) => i.clientId));
  const ourRecordIds = new Set(items.flatMap((i) => (i.result ? [i.result.recordId] : [])));
  for (const r of records) if (r.clientId && ourClientIds.has(r.clientId)) ourRecordIds.add(r.id);
  return records.filter((r) => !ourRecordIds.has(r.id) && !ourRecordIds.has(r.parentEventId ?? -1));
}

/** How many synced items the outbox keeps to show, and for how long. */
export const SYNCED_KEPT = 30;
export const SYNCED_KEPT_MS = 7 * 86_400_000;

/** The synced items to forget: older than a week, or beyond the newest SYNCED_KEPT. */
export function syncedToForget(items: readonly OutboxItem[], nowMs: number): string[] {
  const synced = items
    .filter((i) => i.state === 'synced')
    .sort((a, b) => (b.result?.syncedAt ?? '').localeCompare(a.result?.syncedAt ?? ''));
  return synced
    .filter(
      (i, n) => n >= SYNCED_KEPT || nowMs - Date.parse(i.result?.syncedAt ?? i.createdAt) > SYNCED_KEPT_MS,
    )
    .map((i) => i.clientId);
}
