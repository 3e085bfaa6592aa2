import { describe, expect, it } from 'vitest';
import { replayStep } from './replay-step';

describe('replayStep', () => {
  it('spreads the frames over the play time, then holds the last', () => {
    expect(replayStep(0, 11, 1000, 500)).toMatchObject({ frame: 0, nextMs: 100, restart: false });
    expect(replayStep(250, 11, 1000, 500)).toMatchObject({ frame: 2, nextMs: 50 });
    expect(replayStep(1000, 11, 1000, 500)).toMatchObject({ frame: 10, nextMs: 500 });
    expect(replayStep(1400, 11, 1000, 500)).toMatchObject({ frame: 10, nextMs: 100 });
  });

  it('wraps round after the hold, skipping frames rather than running late', () => {
    expect(replayStep(1550, 11, 1000, 500)).toMatchObject({ frame: 0, restart: true, elapsedMs: 50 });
    expect(replayStep(730, 11, 1000, 500).frame).toBe(7);
  });
});
