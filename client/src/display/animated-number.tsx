import { useEffect, useLayoutEffect, useRef } from 'react';

const easeOutCubic = (t: number) => 1 - (1 - t) ** 3;

/**
 * A number that counts to its new value when it changes (requestAnimationFrame, written straight
 * into the DOM so a tween costs no React render). `data-value` always holds the target.
 */
export function AnimatedNumber({
  value,
  format,
  durationMs = 900,
  testId,
  className,
}: {
  value: number;
  format: (x: number) => string;
  durationMs?: number;
  testId?: string;
  className?: string;
}) {
  const ref = useRef<HTMLSpanElement>(null);
  const shown = useRef(value);
  const formatRef = useRef(format);
  formatRef.current = format;

  // React renders the span empty; its text is ours alone, so a tween never fights a render.
  useLayoutEffect(() => {
    if (ref.current) ref.current.textContent = format(shown.current);
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const from = shown.current;
    if (from === value) {
      el.textContent = formatRef.current(value);
      return;
    }
    const start = performance.now();
    let raf = requestAnimationFrame(function step(now) {
      // a frame's timestamp can precede `start`: clamp, or the ease runs backwards past `from`
      const t = Math.min(1, Math.max(0, (now - start) / durationMs));
      shown.current = from + (value - from) * easeOutCubic(t);
      el.textContent = formatRef.current(shown.current);
      if (t < 1) raf = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(raf);
  }, [value, durationMs]);

  return <span ref={ref} className={className} data-testid={testId} data-value={value} />;
}
