import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/open-database';

/**
 * Lets a long write (a large import's one transaction, written a slice at a time so that reads are
 * answered in between) have the database to itself: while it runs, requests that write wait their
 * turn instead of landing inside its transaction — where an import that failed would take them
 * back with it — and requests that only read go on as before.
 */
export class WriteGate {
  private active = 0;
  private holder: Promise<void> | null = null;
  private idle: (() => void)[] = [];
  /** The write request a piece of work belongs to, while it is counted (work it left behind may outlive it). */
  private readonly request = new AsyncLocalStorage<{ gate: WriteGate; counted: boolean }>();

  /** Runs a write request: after the long write in progress, if any; counted while it runs. */
  async write<T>(run: () => Promise<T>): Promise<T> {
    while (this.holder) await this.holder;
    this.active++;
    const slot = { gate: this as WriteGate, counted: true };
    try {
      return await this.request.run(slot, run);
    } finally {
      slot.counted = false;
      this.active--;
      if (this.active === 0) for (const wake of this.idle.splice(0)) wake();
    }
  }

  /**
   * Runs `long` once no other write is in flight, letting no new one start until it ends. Called
   * from within a write request (the import's commit) or outside any (the CLI).
   */
  async alone<T>(long: () => Promise<T>): Promise<T> {
    const slot = this.request.getStore();
    const own = slot?.gate === this && slot.counted ? 1 : 0;
    this.active -= own; // our own request's slot is not a write to wait for
    try {
      while (this.holder) await this.holder;
      let release = () => {};
      this.holder = new Promise<void>((resolve) => {
        release = resolve;
      });
      try {
        while (this.active > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
        return await long();
      } finally {
        this.holder = null;
        release();
      }
    } finally {
      this.active += own;
    }
  }
}

const gates = new WeakMap<Db, WriteGate>();

/** The gate of this database connection. */
export function writeGateOf(db: Db): WriteGate {
  let gate = gates.get(db);
  if (!gate) {
    gate = new WriteGate();
    gates.set(db, gate);
  }
  return gate;
}

/** Requests that write: every method but GET and HEAD, and the exports (each is written to the audit log). */
const writes = (method: string, path: string) =>
  (method !== 'GET' && method !== 'HEAD') || path.startsWith('/api/exports/');

/** Puts every request that writes through the connection's gate; reads pass straight on. */
export function writeGate(db: Db): MiddlewareHandler {
  const gate = writeGateOf(db);
  return (c, next) => (writes(c.req.method, c.req.path) ? gate.write(next) : next());
}
