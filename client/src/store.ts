import { create } from 'zustand';
import {
  type ChoroplethMetric,
  decodeUrlState,
  encodeUrlState,
  type Lang,
  type LayerId,
  type MapView,
  type Panel,
  type UrlState,
} from './lib/url-state';

interface Actions {
  setAt(at: string): void;
  setCategories(categories: string[] | null): void;
  setVillage(village: number | null): void;
  /** Drills into a township (null: back to the district); a village filter of another goes. */
  setTownship(township: number | null): void;
  setStatuses(statuses: string[] | null): void;
  toggleLayer(id: LayerId, on: boolean): void;
  setChoropleth(metric: ChoroplethMetric): void;
  setView(view: MapView): void;
  setLang(lang: Lang): void;
  setPremise(premise: number | null): void;
  setArea(area: number | null): void;
  setPanel(panel: Panel | null): void;
  clearFilters(): void;
}

export type Store = UrlState & Actions;

/** The page's UI state; its data fields are exactly the URL's (see lib/url-state.ts). */
export const useStore = create<Store>()((set) => ({
  ...decodeUrlState(typeof location === 'undefined' ? '' : location.search),
  setAt: (at) => set({ at }),
  setCategories: (categories) => set({ categories }),
  setVillage: (village) => set({ village }),
  setTownship: (township) => set({ township, village: null }),
  setStatuses: (statuses) => set({ statuses }),
  toggleLayer: (id, on) =>
    set((s) => ({ layers: on ? [...new Set([...s.layers, id])] : s.layers.filter((l) => l !== id) })),
  setChoropleth: (choropleth) => set({ choropleth }),
  setView: (view) => set({ view }),
  setLang: (lang) => set({ lang }),
  setPremise: (premise) => set({ premise }),
  setArea: (area) => set({ area }),
  setPanel: (panel) => set({ panel }),
  clearFilters: () => set({ categories: null, village: null, statuses: null }),
}));

/** The URL-shaped part of the store. */
export function urlStateOf(s: UrlState): UrlState {
  const {
    at,
    categories,
    township,
    village,
    statuses,
    layers,
    choropleth,
    view,
    lang,
    premise,
    area,
    panel,
  } = s;
  return {
    at,
    categories,
    township,
    village,
    statuses,
    layers,
    choropleth,
    view,
    lang,
    premise,
    area,
    panel,
  };
}

const URL_WRITE_DELAY_MS = 250;

/** Mirrors the store into the address bar (replaceState, debounced: browsers throttle rapid calls). */
export function syncStoreToUrl(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    const search = encodeUrlState(urlStateOf(useStore.getState()));
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}`);
  };
  const unsubscribe = useStore.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(write, URL_WRITE_DELAY_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
