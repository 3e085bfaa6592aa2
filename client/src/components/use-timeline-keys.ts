import { useEffect, useRef } from 'react';

interface Keys {
  step(direction: 1 | -1, big: boolean): void;
  togglePlay(): void;
}

/** ← / → step the timeline (Shift: a week), space plays or pauses; form fields keep their own keys. */
export function useTimelineKeys(keys: Keys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const el = e.target as HTMLElement | null;
      const tag = el?.tagName ?? '';
      const isRange = tag === 'INPUT' && (el as HTMLInputElement).type === 'range';
      if (tag === 'SELECT' || tag === 'TEXTAREA' || (tag === 'INPUT' && !isRange) || el?.isContentEditable)
        return;
      if (e.key === ' ' && tag !== 'BUTTON') {
        e.preventDefault();
        latest.current.togglePlay();
      } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !isRange) {
        e.preventDefault();
        latest.current.step(e.key === 'ArrowRight' ? 1 : -1, e.shiftKey);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
