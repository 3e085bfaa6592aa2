import { describe, expect, it } from 'vitest';
import { WriteGate } from './write-gate';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the write gate', () => {
  it('lets a long write start only when the writes in flight are done, and holds new ones until it ends', async () => {
    const gate = new WriteGate();
    const order: string[] = [];
    let finishFirst = () => {};
    const first = gate.write(async () => {
      order.push('write 1 starts');
      await new Promise<void>((resolve) => {
        finishFirst = resolve;
      });
      order.push('write 1 ends');
    });
    const long = gate.alone(async () => {
      order.push('long starts');
      await tick();
      await tick();
      order.push('long ends');
    });
    await tick();
    const second = gate.write(async () => {
      order.push('write 2');
    });
    await tick();
    expect(order).toEqual(['write 1 starts']);
    finishFirst();
    await Promise.all([first, long, second]);
    expect(order).toEqual(['write 1 starts', 'write 1 ends', 'long starts', 'long ends', 'write 2']);
  });

  it('does not wait for the write request that starts the long write itself', async () => {
    const gate = new WriteGate();
    const done = await gate.write(() => gate.alone(async () => 'committed'));
    expect(done).toBe('committed');
  });
});
