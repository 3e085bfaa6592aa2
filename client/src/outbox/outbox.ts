import type { PremiseRecord, StepAnswer } from '../api';
import {
  AWAITS_DECISION,
  inSendingOrder,
  type NewOutboxItem,
  type OutboxItem,
  type OutboxPhoto,
  othersRecords,
  photoClientId,
  type StepWork,
  sendFailure,
  syncedToForget,
} from './outbox-item';
import type { OutboxStore } from './outbox-store';

/** How the outbox reaches the server (the API on the page; a fake in tests). */
export interface OutboxTransport {
  /**
   * Uploads one photo to the premise's file under the phone's id for it (sent again after a lost
   * answer, the server answers the photo it kept); answers its id.
   */
  uploadPhoto(premiseId: number, photo: OutboxPhoto, clientId: string): Promise<number>;
  /** The premise's records entered after `afterEventId` (by anyone). */
  recordsSince(premiseId: number, afterEventId: number): Promise<PremiseRecord[]>;
  sendStep(
    premiseId: number,
    work: StepWork,
    sent: { clientId: string; basedOnEventId?: number; photos: number[] },
  ): Promise<Pick<StepAnswer, 'record' | 'state' | 'conflict' | 'replayed'>>;
}

export interface OutboxOptions {
  /** Who is signed in now: only their items are sent. */
  user(): string | null;
  now?: () => Date;
  /** Told of each item that went through (to refresh what the page shows of its premise). */
  onSynced?: (item: OutboxItem) => void;
  /** Runs one flush at a time across the browser's tabs (navigator.locks on the page). */
  lock?: (run: () => Promise<void>) => Promise<void>;
  /** Told after every change this outbox wrote (to tell the page's other tabs). */
  onWrite?: () => void;
}

/** Whether a flush went through the list, or stopped because the server could not be reached or the session ended. */
export type FlushOutcome = 'done' | 'offline' | 'signed-out';

/** What the page shows of the outbox: a new object after every change (for useSyncExternalStore). */
export interface OutboxView {
  items: readonly OutboxItem[];
  /** The last flush could not reach the server (or found the session over). */
  offline: boolean;
  sending: boolean;
}

/**
 * The phone's outbox: every record is kept in the browser first (IndexedDB) and sent when the
 * server can be reached — photos first, then the record with their ids, its clientId and the newest
 * record the phone knew of. Before a record goes, the premise's newer records are read: when others
 * recorded meanwhile, the record is held as a conflict until the person keeps or discards it. A
 * record the server refuses (4xx) is held with the reason the same way; one that could not be sent
 * stays pending and goes with the next flush (the page flushes on `online`, on a timer and on every
 * new record). Nothing leaves the outbox but by being sent or by the person discarding it.
 */
export class Outbox {
  private view: OutboxView = { items: [], offline: false, sending: false };
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<FlushOutcome> | null = null;
  private flushAgain = false;
  readonly ready: Promise<void>;

  constructor(
    private readonly store: OutboxStore,
    private readonly transport: OutboxTransport,
    private readonly options: OutboxOptions,
  ) {
    this.ready = this.reload();
  }

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): OutboxView => this.view;

  get items(): readonly OutboxItem[] {
    return this.view.items;
  }

  /** Reads the items again from the store (another tab wrote), forgetting old synced ones. */
  async reload(): Promise<void> {
    const all = await this.store.all();
    const forget = new Set(syncedToForget(all, this.now().getTime()));
    for (const clientId of forget) await this.store.delete(clientId);
    this.update({ items: inSendingOrder(all.filter((i) => !forget.has(i.clientId))) });
  }

  /** Keeps a new record (idempotent per clientId: a double tap keeps one). Answers the item as kept. */
  async add(item: NewOutboxItem): Promise<OutboxItem> {
    await this.ready;
    const known = this.find(item.clientId);
    if (known) return known;
    const kept: OutboxItem = {
      ...item,
      createdAt: this.now().toISOString(),
      state: 'pending',
      attempts: 0,
      lastError: null,
      refusal: null,
      conflict: null,
      confirmed: false,
      result: null,
    };
    await this.write(kept);
    return kept;
  }

  /** Keeps a record and tries to send it at once; answers it as it stands after that try. */
  async submit(item: NewOutboxItem): Promise<OutboxItem> {
    const kept = await this.add(item);
    await this.flush();
    return this.find(kept.clientId) ?? kept;
  }

  /** Sends the signed-in user's pending records, oldest first, until done or the server is out of reach. */
  flush(): Promise<FlushOutcome> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    const run = async (): Promise<FlushOutcome> => {
      let outcome: FlushOutcome = 'done';
      this.update({ sending: true });
      do {
        this.flushAgain = false;
        const lock = this.options.lock ?? ((f: () => Promise<void>) => f());
        await lock(async () => {
          // another tab may have sent some while this one waited for the lock
          await this.reload();
          outcome = await this.sendPending();
        });
      } while (this.flushAgain && outcome === 'done');
      this.update({ offline: outcome !== 'done', sending: false });
      return outcome;
    };
    this.flushing = run().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /**
   * The person keeps a held record: a conflict is sent as it is (they saw what others recorded), a
   * refused one is tried again (after its cause was put right, e.g. a sign-in or a fixed scope).
   */
  async keep(clientId: string): Promise<void> {
    const item = this.find(clientId);
    if (!item || !AWAITS_DECISION.has(item.state)) return;
    await this.write({
      ...item,
      state: 'pending',
      confirmed: item.confirmed || item.state === 'conflict',
      refusal: null,
    });
    await this.flush();
  }

  /** Forgets a record: a held one the person gives up on, or a synced one they have read. Never a pending one. */
  async discard(clientId: string): Promise<void> {
    const item = this.find(clientId);
    if (!item || item.state === 'pending') return;
    await this.store.delete(clientId);
    this.update({ items: this.view.items.filter((i) => i.clientId !== clientId) });
    this.options.onWrite?.();
  }

  private find(clientId: string): OutboxItem | undefined {
    return this.view.items.find((i) => i.clientId === clientId);
  }

  private async sendPending(): Promise<FlushOutcome> {
    const user = this.options.user();
    if (!user) return 'signed-out';
    for (const item of this.view.items.filter((i) => i.state === 'pending' && i.username === user)) {
      const outcome = await this.sendOne(item);
      if (outcome !== 'done') return outcome;
    }
    return 'done';
  }

  private async sendOne(item: OutboxItem): Promise<FlushOutcome> {
    let current = item;
    const work = current.work;
    try {
      if (work.basedOnEventId !== null && !current.confirmed) {
        const since = await this.transport.recordsSince(work.premiseId, work.basedOnEventId);
        const newer = othersRecords(since, this.view.items);
        if (newer.length > 0) {
          await this.write({ ...current, state: 'conflict', conflict: newer, lastError: null });
          return 'done';
        }
      }
      const photos = [...work.photos];
      for (let n = 0; n < photos.length; n++) {
        if (photos[n].uploadedId !== null) continue;
        const uploadedId = await this.transport.uploadPhoto(
          work.premiseId,
          photos[n],
          photoClientId(current, n),
        );
        photos[n] = { ...photos[n], uploadedId };
        current = { ...current, work: { ...work, photos } };
        await this.write(current);
      }
      const answer = await this.transport.sendStep(work.premiseId, work, {
        clientId: current.clientId,
        ...(work.basedOnEventId === null ? {} : { basedOnEventId: work.basedOnEventId }),
        photos: photos.map((p) => p.uploadedId as number),
      });
      const synced: OutboxItem = {
        ...current,
        // the bytes are on the server now: the phone's storage is not kept full of them
        work: { ...work, photos: photos.map((p) => ({ ...p, bytes: new ArrayBuffer(0) })) },
        state: 'synced',
        lastError: null,
        refusal: null,
        result: {
          syncedAt: this.now().toISOString(),
          recordId: answer.record.id,
          status: answer.state.status,
          replayed: answer.replayed === true,
          // what the person already saw and kept their record over is not news again
          newer: othersRecords(answer.conflict?.newer ?? [], this.view.items).filter(
            (r) => !current.conflict?.some((seen) => seen.id === r.id),
          ),
        },
      };
      await this.write(synced);
      this.options.onSynced?.(synced);
      return 'done';
    } catch (err) {
      const failure = sendFailure(err);
      if (failure.kind === 'refused') {
        await this.write({ ...current, state: 'failed', refusal: failure.refusal, lastError: null });
        return 'done';
      }
      await this.write({ ...current, attempts: current.attempts + 1, lastError: failure.message });
      return failure.kind;
    }
  }

  private async write(item: OutboxItem): Promise<void> {
    await this.store.put(item);
    const others = this.view.items.filter((i) => i.clientId !== item.clientId);
    this.update({ items: inSendingOrder([...others, item]) });
    this.options.onWrite?.();
  }

  private update(change: Partial<OutboxView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener();
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
