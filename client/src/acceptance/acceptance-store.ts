import { create } from 'zustand';
import { villageAt } from '../lib/acceptance-map';
import type { VillageCollection } from '../lib/village-types';
import { useStore } from '../store';

/** The acceptance panel's own state: the year chosen (null: the timeline's) and the village whose scorecard is open. */
interface AcceptanceState {
  year: number | null;
  villageId: number | null;
  setYear(year: number): void;
  setVillage(villageId: number | null): void;
}

export const useAcceptanceStore = create<AcceptanceState>((set) => ({
  year: null,
  villageId: null,
  setYear: (year) => set({ year, villageId: null }),
  setVillage: (villageId) => set({ villageId }),
}));

/** A click on the map while the acceptance panel is open opens the scorecard of the village under it. */
export function acceptanceMapClick(villages: VillageCollection, lngLat: readonly number[]): void {
  if (useStore.getState().panel !== 'acceptance' || lngLat.length < 2) return;
  const id = villageAt(villages, [lngLat[0], lngLat[1]]);
  if (id !== null) useAcceptanceStore.getState().setVillage(id);
}
