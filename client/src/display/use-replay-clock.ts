import { useEffect, useRef } from 'react';
import { useDisplayStore } from './display-store';
import { replayStep } from './replay-step';

/**
 * Plays the replay: the campaign's frames over `cycleSeconds`, then holds the end state for a
 * while, then again from the start, forever. The frame follows the clock, so a slow screen skips
 * frames instead of running late; one timer at a time; new data keeps the position in the cycle.
 */
export function useReplayClock(cycleSeconds: number): void {
  const replay = useDisplayStore((s) => s.replay);
  const cycleStart = useRef<number | null>(null);
  useEffect(() => {
    if (!replay || replay.length === 0) return;
    const playMs = cycleSeconds * 1000;
    const holdMs = Math.max(8000, playMs / 4);
    cycleStart.current ??= performance.now();
    let timer: ReturnType<typeof setTimeout>;
    let shown = -1;
    const tick = () => {
      const step = replayStep(performance.now() - (cycleStart.current ?? 0), replay.length, playMs, holdMs);
      if (step.restart) cycleStart.current = performance.now() - step.elapsedMs;
      if (step.frame !== shown) {
        shown = step.frame;
        useDisplayStore.setState({ frame: replay.frame(step.frame) });
      }
      timer = setTimeout(tick, step.nextMs);
    };
    tick();
    return () => clearTimeout(timer);
  }, [replay, cycleSeconds]);
}
