import { useEffect, useState } from 'react';

/** `value` once it has stayed the same for `ms` (e.g. the slider date once the slider rests). */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
