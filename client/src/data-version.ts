import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { Resource } from './use-resource';

/** Bumped after a write that changes a layer the page loaded once (an import, an undo, a pin placed). */
export const useDataVersion = create<{ premises: number; villages: number; campaign: number }>()(() => ({
  premises: 0,
  villages: 0,
  campaign: 0,
}));

/** Asks the page to load the campaign again (its set-up was saved): title, dates, goals. */
export function reloadCampaign(): void {
  useDataVersion.setState((s) => ({ campaign: s.campaign + 1 }));
}

/** Asks the page to load the premises layer (and, for boundary changes, the villages) again. */
export function reloadLayers(what: { villages?: boolean } = {}): void {
  useDataVersion.setState((s) => ({
    premises: s.premises + 1,
    villages: what.villages ? s.villages + 1 : s.villages,
  }));
}

/** The resource key of a layer at a version (version 0 keeps the plain key). */
export function versionedKey(key: string, version: number): string {
  return version === 0 ? key : `${key}@${version}`;
}

/** A resource that keeps showing its last answer while a newer version loads (the map stays up). */
export function useKeptResource<T>(
  resource: Resource<T> & { retry(): void },
): Resource<T> & { retry(): void } {
  const last = useRef<T | undefined>(undefined);
  useEffect(() => {
    if (resource.state === 'ready') last.current = resource.data;
  });
  if (resource.state === 'ready' || last.current === undefined) return resource;
  return { state: 'ready', data: last.current, retry: resource.retry };
}
