import { useEffect, useRef } from 'react';
import type { CampaignDay } from '../lib/campaign-days';
import { playbackDay, type Speed } from '../lib/playback';

/**
 * While `playing`, advances the day once per animation frame at `speed`, from where it stood (or
 * from the start when it stood at the end), and calls `onEnd` on reaching the last day.
 */
export function usePlayback(
  playing: boolean,
  speed: Speed,
  day: CampaignDay,
  lastDay: CampaignDay,
  setDay: (day: CampaignDay) => void,
  onEnd: () => void,
): void {
  const latest = useRef({ day, setDay, onEnd });
  latest.current = { day, setDay, onEnd };
  useEffect(() => {
    if (!playing) return;
    const from = latest.current.day >= lastDay ? 0 : Math.max(0, latest.current.day);
    let shown = -1;
    let frame = 0;
    let t0: number | null = null;
    const tick = (now: number) => {
      t0 ??= now;
      const { day: next, done } = playbackDay(from, now - t0, speed, lastDay);
      if (next !== shown) {
        shown = next;
        latest.current.setDay(next);
      }
      if (done) latest.current.onEnd();
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, lastDay]);
}
