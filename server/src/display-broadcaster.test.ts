import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ChangeSource, DisplayBroadcaster, sseMessage } from './display-broadcaster';

/** The smallest thing that changes: what the broadcaster needs of the model, and no more. */
class Counter implements ChangeSource {
  version = 0;
  private readonly listeners = new Set<(v: number) => void>();
  onChange(listener: (v: number) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  bump() {
    this.version++;
    for (const l of this.listeners) l(this.version);
  }
  get listening() {
    return this.listeners.size;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DisplayBroadcaster', () => {
  it('sends one message per burst of writes, with the latest version', () => {
    const source = new Counter();
    const b = new DisplayBroadcaster(source, { debounceMs: 250, heartbeatMs: 15_000 });
    const got: string[] = [];
    b.subscribe((m) => got.push(m));
    source.bump();
    source.bump();
    vi.advanceTimersByTime(100);
    source.bump();
    expect(got).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(got).toEqual([sseMessage('changed', { version: 3 })]);
    source.bump();
    vi.advanceTimersByTime(250);
    expect(got).toHaveLength(2);
  });

  it('pings every screen on one timer', () => {
    const b = new DisplayBroadcaster(new Counter(), { debounceMs: 250, heartbeatMs: 15_000 });
    const a: string[] = [];
    const c: string[] = [];
    b.subscribe((m) => a.push(m));
    b.subscribe((m) => c.push(m));
    vi.advanceTimersByTime(30_000);
    expect(a).toEqual([sseMessage('ping', { version: 0 }), sseMessage('ping', { version: 0 })]);
    expect(c).toEqual(a);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('lets go of the model and its timers when the last screen leaves', () => {
    const source = new Counter();
    const b = new DisplayBroadcaster(source, { debounceMs: 250, heartbeatMs: 15_000 });
    const off1 = b.subscribe(() => {});
    const off2 = b.subscribe(() => {});
    source.bump();
    expect(source.listening).toBe(1);
    off1();
    off1();
    expect(b.clientCount).toBe(1);
    off2();
    expect(b.clientCount).toBe(0);
    expect(source.listening).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('formats server-sent events', () => {
    expect(sseMessage('hello', { version: 2 }, 2000)).toBe(
      'retry: 2000\nevent: hello\ndata: {"version":2}\n\n',
    );
  });
});
