import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DisplayFeed, type EventSourceLike, type FeedStatus } from './display-feed';

/** A stream the test drives: messages in, errors, and whether it was closed. */
class FakeSource implements EventSourceLike {
  readyState = 1;
  closed = false;
  onerror: EventSourceLike['onerror'] = null;
  private readonly listeners = new Map<string, (e: MessageEvent<string>) => void>();
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data: unknown) {
    this.listeners.get(type)?.({ type, data: JSON.stringify(data) } as MessageEvent<string>);
  }
  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.call(this as unknown as EventSource, new Event('error'));
  }
}

let sources: FakeSource[];
let changes: number[];
let statuses: FeedStatus[];
let feed: DisplayFeed;

beforeEach(() => {
  vi.useFakeTimers();
  sources = [];
  changes = [];
  statuses = [];
  feed = new DisplayFeed({
    url: '/api/display/stream',
    onChanged: (v) => changes.push(v),
    onStatus: (s) => statuses.push(s),
    staleMs: 40_000,
    backoffMs: [1000, 5000],
    connect: () => {
      const s = new FakeSource();
      sources.push(s);
      return s;
    },
  });
  feed.start();
});
afterEach(() => {
  feed.stop();
  vi.useRealTimers();
});

const open = () => sources.filter((s) => !s.closed && s.readyState !== 2);

describe('DisplayFeed', () => {
  it('fetches on hello and on each change, and on a ping only when the version moved', () => {
    sources[0].emit('hello', { version: 3 });
    sources[0].emit('ping', { version: 3 });
    sources[0].emit('changed', { version: 4 });
    sources[0].emit('ping', { version: 6 });
    expect(changes).toEqual([3, 4, 6]);
    expect(statuses).toEqual(['open']);
  });

  it('says it is reconnecting while the browser retries, and is open again on hello', () => {
    sources[0].emit('hello', { version: 1 });
    sources[0].fail(0);
    expect(statuses).toEqual(['open', 'reconnecting']);
    expect(sources).toHaveLength(1);
    sources[0].readyState = 1;
    sources[0].emit('hello', { version: 0 });
    expect(statuses.at(-1)).toBe('open');
    expect(changes).toEqual([1, 0]);
  });

  it('opens a new stream, after a back-off, when the browser gives up; one at a time', () => {
    sources[0].fail(2);
    expect(open()).toHaveLength(0);
    vi.advanceTimersByTime(999);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(2);
    sources[1].fail(2);
    vi.advanceTimersByTime(4999);
    expect(sources).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(open()).toHaveLength(1);
  });

  it('reopens a stream that went silent', () => {
    sources[0].emit('hello', { version: 1 });
    vi.advanceTimersByTime(45_000);
    expect(sources[0].closed).toBe(true);
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(1000);
    expect(open()).toHaveLength(1);
  });

  it('closes everything on stop', () => {
    feed.stop();
    expect(open()).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
