import { create } from 'zustand';
import type { DrawStatus } from './draw-types';

/**
 * What the drawing on the map stands at, for the toolbar and the area panel. Not part of the URL
 * (a shape being drawn is not something to share); the MapController's session writes it.
 */
export interface DrawState extends DrawStatus {
  /** The drawing code is loading (first use of a tool). */
  loading: boolean;
  /** The saved area whose shape is on the map for editing, or null. */
  editing: number | null;
}

export const NO_DRAWING: DrawState = {
  mode: null,
  drawing: false,
  canUndo: false,
  shape: null,
  origin: null,
  loading: false,
  editing: null,
};

export const useDrawStore = create<DrawState>()(() => NO_DRAWING);
