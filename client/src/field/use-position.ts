import { useCallback, useEffect, useState } from 'react';

/** How old a position the browser may answer with, and how long it may take to find one. */
const MAX_AGE_MS = 60_000;
const TIMEOUT_MS = 20_000;

/**
 * Where the phone is, WGS-84 [lng, lat] (the browser's geolocation; GPS positions are WGS-84), from
 * a fix at most `maxAgeMs` old (0: a new one, e.g. to move a pin to where the person stands now).
 */
export function currentLngLat(maxAgeMs = MAX_AGE_MS): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('geolocation unavailable'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve([p.coords.longitude, p.coords.latitude]),
      (err) => reject(new Error(err.message || `code ${err.code}`)),
      { enableHighAccuracy: true, maximumAge: maxAgeMs, timeout: TIMEOUT_MS },
    );
  });
}

export interface PositionState {
  lngLat: [number, number] | null;
  locating: boolean;
  error: string | null;
  locate: () => void;
}

/** The phone's position, asked for once on mount and again on `locate()`. */
export function usePosition(): PositionState {
  const [state, setState] = useState<Omit<PositionState, 'locate'>>({
    lngLat: null,
    locating: false,
    error: null,
  });
  const locate = useCallback(() => {
    setState((s) => ({ ...s, locating: true, error: null }));
    currentLngLat().then(
      (lngLat) => setState({ lngLat, locating: false, error: null }),
      (err: Error) => setState((s) => ({ ...s, locating: false, error: err.message })),
    );
  }, []);
  useEffect(locate, [locate]);
  return { ...state, locate };
}
