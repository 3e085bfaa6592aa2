export interface ReplayStep {
  /** Frame to show now. */
  frame: number;
  /** Wait before looking again. */
  nextMs: number;
  /** The cycle wrapped: its start moves on, `elapsedMs` into the new cycle. */
  restart: boolean;
  elapsedMs: number;
}

/**
 * Where a replay cycle is after `elapsedMs`: `frames` frames evenly over `playMs` (the last one
 * reached at playMs), then the last frame held for `holdMs`, then round again.
 */
export function replayStep(elapsedMs: number, frames: number, playMs: number, holdMs: number): ReplayStep {
  const cycleMs = playMs + holdMs;
  const restart = elapsedMs >= cycleMs;
  const t = restart ? elapsedMs % cycleMs : Math.max(0, elapsedMs);
  const stepMs = playMs / Math.max(1, frames - 1);
  if (t >= playMs || frames <= 1) {
    return { frame: frames - 1, nextMs: Math.max(16, cycleMs - t), restart, elapsedMs: t };
  }
  const frame = Math.min(frames - 1, Math.floor(t / stepMs));
  return { frame, nextMs: Math.max(16, (frame + 1) * stepMs - t), restart, elapsedMs: t };
}
