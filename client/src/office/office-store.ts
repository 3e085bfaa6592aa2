import { create } from 'zustand';
import type { LngLat } from '../map/pin-placement';

export type WorkTab = 'worklists' | 'tasks' | 'draws' | 'new';

/** A pin the page asks the map for: where it starts, and who hears each placement. */
export interface PinRequest {
  start: LngLat | null;
  onPlace(lngLat: LngLat): void;
}

interface OfficeState {
  /** The daily-work sheet's open tab, or null when it is closed. Not in the URL: it is a workspace. */
  tab: WorkTab | null;
  /** A pin being placed (moving a premise, or where a new one is), or null. One at a time. */
  pin: PinRequest | null;
  setTab(tab: WorkTab | null): void;
  setPin(pin: PinRequest | null): void;
}

export const useOffice = create<OfficeState>()((set) => ({
  tab: null,
  pin: null,
  setTab: (tab) => set({ tab }),
  setPin: (pin) => set({ pin }),
}));
