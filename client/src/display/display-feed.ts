export type FeedStatus = 'connecting' | 'open' | 'reconnecting';

export interface DisplayFeedOptions {
  url: string;
  /** The data may have changed (or we may have missed it): fetch the picture again. */
  onChanged(version: number): void;
  onStatus(status: FeedStatus): void;
  /** No message (the server pings every 15 s) for this long means the link is dead. */
  staleMs?: number;
  /** Waits between attempts when the browser gives up on its own; the last repeats. */
  backoffMs?: readonly number[];
  /** Opens the stream (tests pass their own). */
  connect?: (url: string) => EventSourceLike;
}

/** The part of EventSource the feed uses. */
export interface EventSourceLike {
  readonly readyState: number;
  onerror: ((this: EventSource, ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void;
  close(): void;
}

const CLOSED = 2;

/**
 * The live link to /api/display/stream. EventSource reconnects by itself after a dropped
 * connection; this adds what a screen left alone for days needs: reopening when the browser
 * gives up (an error answer, a proxy), and noticing a link that went silent without closing.
 * Exactly one EventSource is open at a time.
 */
export class DisplayFeed {
  private source: EventSourceLike | null = null;
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private lastMessageAt = 0;
  private lastVersion: number | null = null;
  private attempt = 0;
  private status: FeedStatus = 'connecting';
  private stopped = false;

  constructor(private readonly opts: DisplayFeedOptions) {}

  start(): void {
    this.stopped = false;
    this.open();
    const staleMs = this.opts.staleMs ?? 40_000;
    this.watchdog = setInterval(
      () => {
        if (this.source && Date.now() - this.lastMessageAt > staleMs) this.reopen();
      },
      Math.min(5000, staleMs / 2),
    );
  }

  stop(): void {
    this.stopped = true;
    this.close();
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    this.reopenTimer = null;
    this.watchdog = null;
  }

  private open(): void {
    this.close();
    this.lastMessageAt = Date.now();
    const source = (this.opts.connect ?? ((url: string) => new EventSource(url)))(this.opts.url);
    this.source = source;
    const onMessage = (e: MessageEvent<string>) => {
      this.lastMessageAt = Date.now();
      this.attempt = 0;
      this.setStatus('open');
      const version = this.versionOf(e.data);
      // hello: after a (re)connect we may have missed changes; ping: a missed `changed`.
      if (e.type === 'hello' || e.type === 'changed' || version !== this.lastVersion) {
        this.lastVersion = version;
        this.opts.onChanged(version ?? 0);
      }
    };
    source.addEventListener('hello', onMessage);
    source.addEventListener('changed', onMessage);
    source.addEventListener('ping', onMessage);
    source.onerror = () => {
      if (this.source !== source) return;
      this.setStatus('reconnecting');
      // CONNECTING: the browser retries by itself. CLOSED: it gave up, so we try again later.
      if (source.readyState === CLOSED) this.scheduleReopen();
    };
  }

  private versionOf(data: string): number | null {
    try {
      const v = (JSON.parse(data) as { version?: unknown }).version;
      return typeof v === 'number' ? v : null;
    } catch {
      return null;
    }
  }

  private reopen(): void {
    this.setStatus('reconnecting');
    this.close();
    this.scheduleReopen();
  }

  private scheduleReopen(): void {
    if (this.stopped || this.reopenTimer) return;
    const backoff = this.opts.backoffMs ?? [1000, 2000, 5000, 10_000, 15_000];
    const wait = backoff[Math.min(this.attempt, backoff.length - 1)];
    this.attempt++;
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = null;
      if (!this.stopped) this.open();
    }, wait);
  }

  private close(): void {
    if (!this.source) return;
    this.source.onerror = null;
    this.source.close();
    this.source = null;
  }

  private setStatus(status: FeedStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.opts.onStatus(status);
  }
}
