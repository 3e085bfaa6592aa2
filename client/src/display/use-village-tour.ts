import { useEffect, useMemo, useState } from 'react';
import { useDisplayStore } from './display-store';

/**
 * The village the screen is about: the ?village= one, or with ?rotate= each village in turn (the
 * whole township first), `rotateSeconds` each. null: the township.
 */
export function useVillageTour(): number | null {
  const { village, rotateSeconds } = useDisplayStore((s) => s.options);
  const villages = useDisplayStore((s) => s.villages);
  const stops = useMemo<(number | null)[]>(
    () => [null, ...(villages?.features.map((f) => f.properties.id) ?? [])],
    [villages],
  );
  const [stop, setStop] = useState(0);
  useEffect(() => {
    if (village !== null || rotateSeconds === null || stops.length < 2) return;
    const timer = setInterval(() => setStop((i) => (i + 1) % stops.length), rotateSeconds * 1000);
    return () => clearInterval(timer);
  }, [village, rotateSeconds, stops]);
  if (village !== null) return village;
  return rotateSeconds === null ? null : (stops[stop % stops.length] ?? null);
}
