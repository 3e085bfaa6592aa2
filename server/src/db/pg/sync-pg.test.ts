import { MessageChannel, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { awaitReply } from './sync-pg';

/**
 * A stand-in for the PostgreSQL worker that answers in the order the steps say, on the flag and port
 * the waiter holds: `post` an answer, `raise` the flag, `notify` the waiter, `pause` a few ms.
 */
function answerer(steps: readonly (readonly [string, number?])[]) {
  const flags = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(
    `
    const { workerData } = require('node:worker_threads');
    const flags = new Int32Array(workerData.flag);
    const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    for (const [step, n] of workerData.steps) {
      if (step === 'post') workerData.port.postMessage({ seq: n, answer: 'to ' + n });
      if (step === 'raise') Atomics.store(flags, 0, 1);
      if (step === 'notify') Atomics.notify(flags, 0);
      if (step === 'pause') pause(n);
    }
    `,
    { eval: true, workerData: { flag: flags.buffer, port: port2, steps }, transferList: [port2] },
  );
  return { flags, port: port1, done: new Promise((resolve) => worker.on('exit', resolve)) };
}

describe('awaitReply: the PostgreSQL worker answers across threads', () => {
  it('waits through a wake that brings nothing (the late wake of an answer already taken)', async () => {
    // The race seen in CI: the waiter took answer 1 before its wake came, asked again, and that
    // late wake woke it with the flag down and nothing on the port.
    const { flags, port, done } = answerer([
      ['pause', 50],
      ['notify'],
      ['pause', 100],
      ['post', 2],
      ['raise'],
      ['notify'],
    ]);
    expect(awaitReply(flags, port, 2, 5000)).toEqual({ seq: 2, answer: 'to 2' });
    await done;
  });

  it('passes over an answer to a request given up on, so the next answer is not one behind', async () => {
    const { flags, port, done } = answerer([
      ['post', 1],
      ['raise'],
      ['notify'],
      ['pause', 50],
      ['post', 2],
      ['raise'],
      ['notify'],
    ]);
    expect(awaitReply(flags, port, 2, 5000)).toEqual({ seq: 2, answer: 'to 2' });
    await done;
  });

  it('finds an answer posted before the flag went up, and one already flagged before the wait', async () => {
    const early = answerer([['post', 1]]);
    await early.done;
    expect(awaitReply(early.flags, early.port, 1, 5000)).toEqual({ seq: 1, answer: 'to 1' });
    const flagged = answerer([['post', 3], ['raise'], ['notify']]);
    await flagged.done;
    expect(awaitReply(flagged.flags, flagged.port, 3, 5000)).toEqual({ seq: 3, answer: 'to 3' });
  });

  it('gives up after the timeout when no answer comes, woken or not', async () => {
    const { flags, port, done } = answerer([['notify'], ['pause', 20], ['raise'], ['notify']]);
    const started = Date.now();
    expect(awaitReply(flags, port, 1, 300)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await done;
  });
});
