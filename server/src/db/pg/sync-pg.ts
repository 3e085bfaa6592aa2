import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** How long one request may take before the caller gives up on the database (an import's commit included). */
const TIMEOUT_MS = 10 * 60_000;

export interface PgError {
  message: string;
  code?: string;
  detail?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

/** A PostgreSQL error as thrown to callers: the server's message, its SQLSTATE and where it happened. */
export class PgQueryError extends Error {
  readonly code: string | undefined;
  readonly pg: PgError;
  constructor(e: PgError, sql: string) {
    super(e.message);
    this.pg = e;
    this.code = e.code;
    this.name = 'PgQueryError';
    // The statement helps whoever reads the server log; it carries no values (they are parameters).
    const frames = (this.stack ?? '').split('\n').slice(1).join('\n');
    this.stack = `${this.name}: ${e.message}\n    in: ${sql.slice(0, 200)}\n${frames}`;
  }
}

export interface QueryResult {
  rows: unknown[][];
  fields: string[];
  rowCount: number;
}

/**
 * PostgreSQL, synchronously: a worker thread holds the connection and the calling thread waits on
 * an Atomics flag for each answer. The store's repositories are written synchronously (as
 * better-sqlite3 is), so the same functions run on both stores; the wait is one round trip on
 * loopback. One connection, so one transaction at a time, as with SQLite.
 */
export class SyncPg {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flags = new Int32Array(new SharedArrayBuffer(4));
  private readonly listeners = new Map<string, Set<(payload: string, fromOwnConnection: boolean) => void>>();
  private closed = false;
  /** The number of the last request sent: its answer carries it back (the opener's answer is 0). */
  private sent = 0;
  /** A cursor is open: its rows are being read. */
  private reading = false;
  /** This connection's server process: its own NOTIFYs come back marked with it. */
  backendPid: number;

  constructor(
    readonly url: string,
    /** Whether the caller is inside a transaction: one a lost connection took with it is refused, not resumed. */
    private readonly inTransaction: () => boolean = () => false,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL('./pg-worker.mjs', import.meta.url), {
      workerData: { url, flag: this.flags.buffer, port: port2 },
      transferList: [port2],
      // The worker is plain JavaScript; the parent's TypeScript loader is not needed there.
      execArgv: [],
    });
    this.worker.on(
      'message',
      (m: {
        notification?: { channel: string; payload: string; pid: number };
        connectionError?: string;
        reconnected?: number;
      }) => {
        if (m.connectionError) this.lost?.(m.connectionError);
        if (m.reconnected) {
          this.backendPid = m.reconnected;
          this.reconnected?.();
        }
        if (!m.notification) return;
        const own = m.notification.pid === this.backendPid;
        for (const listener of this.listeners.get(m.notification.channel) ?? [])
          listener(m.notification.payload, own);
      },
    );
    this.worker.unref();
    this.backendPid = this.wait<{ ready: boolean; pid: number }>('connect').pid;
  }

  private wait<T>(what: string): T {
    const reply = awaitReply(this.flags, this.port, this.sent, TIMEOUT_MS);
    if (reply === null) throw new Error(`PostgreSQL did not answer ${what} within ${TIMEOUT_MS / 1000} s`);
    const answer = reply as T & { error?: PgError };
    if (answer.error) throw new PgQueryError(answer.error, what);
    return answer;
  }

  /** What the worker is doing that no one has waited for yet (a COPY sent by copyFromLater). */
  private pending: string | null = null;

  /** Waits for the request sent without waiting, if any; throws its error. */
  private settle(): void {
    const what = this.pending;
    if (what === null) return;
    this.pending = null;
    this.wait(what);
  }

  private send(req: Record<string, unknown>, what: string): void {
    try {
      this.settle();
    } catch (err) {
      // A rollback undoes whatever the request no one waited for failed at: it is still made.
      if (!(req.op === 'query' && /^\s*ROLLBACK\b/iu.test(String(req.sql)))) throw err;
    }
    if (this.closed) throw new Error('the PostgreSQL connection is closed');
    // The driver runs a connection's queries one after another: one asked for while a cursor is open
    // would wait behind it for ever (the cursor waits for this thread). Refuse it, as better-sqlite3
    // refuses a statement while an iterator is open.
    if (this.reading && !READING_OPS.has(String(req.op)))
      throw new Error(
        `this database connection is busy reading the rows of another query: ${what.slice(0, 120)}`,
      );
    Atomics.store(this.flags, 0, 0);
    this.port.postMessage({ ...req, seq: ++this.sent, inTransaction: this.inTransaction() });
  }

  private request<T>(req: Record<string, unknown>, what: string): T {
    this.send(req, what);
    return this.wait<T>(what);
  }

  /** `session`: a statement that sets the connection up, made again on every new connection. */
  query(sql: string, params: readonly unknown[] = [], opts: { session?: boolean } = {}): QueryResult {
    return this.request<QueryResult>(
      { op: 'query', sql, params: params.map(toPg), session: opts.session === true },
      sql,
    );
  }

  /** Rows of a query a batch at a time, through a server-side cursor (a million rows never held at once). */
  *cursor(sql: string, params: readonly unknown[] = [], batch = 5000): Generator<unknown[], void, undefined> {
    const { cursor } = this.request<{ cursor: number }>({ op: 'open', sql, params: params.map(toPg) }, sql);
    this.reading = true;
    try {
      for (;;) {
        const { rows } = this.request<{ rows: unknown[][] }>({ op: 'read', cursor, count: batch }, sql);
        if (rows.length === 0) return;
        yield* rows;
      }
    } finally {
      try {
        this.request({ op: 'closeCursor', cursor }, sql);
      } finally {
        this.reading = false;
      }
    }
  }

  /**
   * The text of COPY (…) TO STDOUT, a megabyte or so at a time (whole lines or not: copyLines splits
   * them). The worker reads ahead while this thread works through what it was given.
   */
  *copyTo(sql: string): Generator<Buffer, void, undefined> {
    const { copy } = this.request<{ copy: number }>({ op: 'copyOut', sql }, sql);
    this.reading = true;
    try {
      for (;;) {
        const { bytes, done } = this.request<{ bytes: Uint8Array; done: boolean }>(
          { op: 'readCopy', copy },
          sql,
        );
        if (bytes.byteLength > 0) yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        if (done) return;
      }
    } finally {
      try {
        this.request({ op: 'closeCopy', copy }, sql);
      } finally {
        this.reading = false;
      }
    }
  }

  /** COPY … FROM STDIN with the given chunks of text (tab-separated, \N for null): bulk loading. */
  copyFrom(sql: string, chunks: readonly (string | Uint8Array)[]): number {
    return this.request<{ rowCount: number }>({ op: 'copy', sql, chunks }, sql).rowCount;
  }

  /**
   * The same COPY without waiting for it: PostgreSQL takes in these rows while this thread makes the
   * next ones (a load's two halves on two cores). The next request of any kind waits for it first
   * and throws its error, so nothing reads the table before the rows are in — but that request may
   * be anyone's: only for a load that nothing else uses the connection during (a seed at start).
   */
  copyFromLater(sql: string, chunks: readonly (string | Uint8Array)[]): void {
    this.send({ op: 'copy', sql, chunks }, sql);
    this.pending = sql;
  }

  /** A statement sent as copyFromLater sends a COPY: run while this thread goes on, its answer unread. */
  queryLater(sql: string): void {
    this.send({ op: 'query', sql, params: [], session: false }, sql);
    this.pending = sql;
  }

  /** Whether a request sent without waiting is still being answered: the next one would wait for it. */
  busy(): boolean {
    return this.pending !== null && Atomics.load(this.flags, 0) === 0;
  }

  /** Called when the connection breaks (the server went away); the worker starts connecting again. */
  lost: ((message: string) => void) | null = null;
  /** Called when a new connection replaced a lost one: notices sent in between were never heard. */
  reconnected: (() => void) | null = null;

  /** Calls `listener` for every NOTIFY on `channel` (asynchronously, on the event loop). */
  listen(channel: string, listener: (payload: string, fromOwnConnection: boolean) => void): () => void {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.request({ op: 'listen', channel }, `LISTEN ${channel}`);
      this.worker.ref();
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  close(): void {
    if (this.closed) return;
    try {
      try {
        this.settle();
      } catch {
        // a COPY no one waited for failed: closing is all that is left to do
      }
      this.request({ op: 'close' }, 'close');
    } finally {
      this.closed = true;
      void this.worker.terminate();
    }
  }
}

/**
 * The answer numbered `seq` from the worker (null after `timeoutMs`). The worker posts an answer
 * and then raises the flag and wakes this thread; the two steps are not one. The flag is lowered
 * before the port is looked at, so an answer posted after the look raises it again and the wait
 * sees it; a wake that finds nothing (the late wake of an answer already taken, an interrupt of
 * the wait) is waited through, not taken for an empty answer. An answer numbered otherwise is to
 * a request given up on (it timed out): passed over, so every answer after it is not one behind.
 */
export function awaitReply(
  flags: Int32Array,
  port: MessagePort,
  seq: number,
  timeoutMs: number,
): Record<string, unknown> | null {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    Atomics.store(flags, 0, 0);
    const received = receiveMessageOnPort(port);
    if (received) {
      const reply = received.message as Record<string, unknown>;
      if (reply.seq === seq) return reply;
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) return null;
    Atomics.wait(flags, 0, 0, left);
  }
}

/** What may be asked while rows are being read (a cursor's or a COPY's): more of them, or the end. */
const READING_OPS = new Set(['read', 'closeCursor', 'readCopy', 'closeCopy']);

/** Values as PostgreSQL's driver takes them: booleans as 0/1, as SQLite stores them. */
function toPg(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v);
  return v;
}
