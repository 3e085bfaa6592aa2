import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { type DisplayBroadcaster, sseMessage } from '../display-broadcaster';

/** How long a screen waits before reconnecting after the stream drops. */
const RETRY_MS = 2000;

/**
 * `GET /api/display/stream`: server-sent events. `hello` on connect, `changed` after writes (at most
 * one per debounce window), `ping` on the heartbeat; each carries `{ version }` and nothing else.
 */
export function displayStreamRoutes(broadcaster: DisplayBroadcaster) {
  return new Hono().get('/', (c) => {
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      await stream.write(sseMessage('hello', { version: broadcaster.version }, RETRY_MS));
      await new Promise<void>((resolve) => {
        const unsubscribe = broadcaster.subscribe((message) => {
          // Not awaited: one slow screen must not hold up the others.
          void stream.write(message);
        });
        const done = () => {
          unsubscribe();
          resolve();
        };
        stream.onAbort(done);
        if (stream.aborted) done();
      });
    });
  });
}
