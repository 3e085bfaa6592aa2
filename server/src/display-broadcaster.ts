/** What the broadcaster needs of the model: its version and a change subscription. */
export interface ChangeSource {
  readonly version: number;
  onChange(listener: (version: number) => void): () => void;
}

export interface BroadcasterOptions {
  /** Writes closer together than this go out as one message. */
  debounceMs: number;
  /** A ping every so often keeps proxies open and lets screens notice a dead link. */
  heartbeatMs: number;
}

/** One server-sent event, formatted for the wire. */
export function sseMessage(event: string, data: unknown, retryMs?: number): string {
  const retry = retryMs === undefined ? '' : `retry: ${retryMs}\n`;
  return `${retry}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Tells every connected screen, once per burst of writes, that the data changed (with the model's
 * version), and pings them all on one shared timer. It listens to the model only while a screen
 * is connected, so an idle server holds no timers.
 */
export class DisplayBroadcaster {
  private readonly clients = new Set<(message: string) => void>();
  private stopListening: (() => void) | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly source: ChangeSource,
    private readonly opts: BroadcasterOptions = { debounceMs: 250, heartbeatMs: 15_000 },
  ) {}

  get clientCount(): number {
    return this.clients.size;
  }

  get version(): number {
    return this.source.version;
  }

  /** Adds a screen; `send` gets each message as SSE text. Returns the function that removes it. */
  subscribe(send: (message: string) => void): () => void {
    this.clients.add(send);
    if (this.clients.size === 1) this.start();
    return () => {
      if (this.clients.delete(send) && this.clients.size === 0) this.stop();
    };
  }

  private start(): void {
    this.stopListening = this.source.onChange(() => {
      if (this.debounce) return;
      this.debounce = setTimeout(() => {
        this.debounce = null;
        this.broadcast(sseMessage('changed', { version: this.source.version }));
      }, this.opts.debounceMs);
    });
    this.heartbeat = setInterval(
      () => this.broadcast(sseMessage('ping', { version: this.source.version })),
      this.opts.heartbeatMs,
    );
  }

  private stop(): void {
    this.stopListening?.();
    this.stopListening = null;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private broadcast(message: string): void {
    for (const send of this.clients) send(message);
  }
}
