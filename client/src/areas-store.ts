import { create } from 'zustand';
import { type AreaFieldsInput, createArea, deleteArea, fetchAreas, type SavedArea, updateArea } from './api';

/** The saved key areas (重点区域) as the server last gave them; writes go through here and refresh it. */
interface AreasState {
  areas: SavedArea[] | null;
  error: string | null;
  load(): Promise<void>;
  create(fields: AreaFieldsInput): Promise<SavedArea>;
  update(id: number, fields: Partial<AreaFieldsInput>): Promise<SavedArea>;
  remove(id: number): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useAreasStore = create<AreasState>()((set, get) => ({
  areas: null,
  error: null,
  load: async () => {
    try {
      set({ areas: await fetchAreas(), error: null });
    } catch (e) {
      set({ error: message(e) });
    }
  },
  create: async (fields) => {
    const area = await createArea(fields);
    set({ areas: [...(get().areas ?? []), area] });
    return area;
  },
  update: async (id, fields) => {
    const area = await updateArea(id, fields);
    set({ areas: (get().areas ?? []).map((a) => (a.id === id ? area : a)) });
    return area;
  },
  remove: async (id) => {
    await deleteArea(id);
    set({ areas: (get().areas ?? []).filter((a) => a.id !== id) });
  },
}));
