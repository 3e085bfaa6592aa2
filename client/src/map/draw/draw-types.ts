import type { Polygon } from 'geojson';

/** The drawing tools of the toolbar (test ids draw-<mode>). */
export const DRAW_MODES = ['polygon', 'rectangle', 'circle', 'freehand', 'select'] as const;
export type DrawMode = (typeof DRAW_MODES)[number];

/** Where the drawing stands, as the session reports it after every change. */
export interface DrawStatus {
  /** The active tool, or null when the map is back to browsing. */
  mode: DrawMode | null;
  /** A shape is being drawn (clicks placed, not closed yet). */
  drawing: boolean;
  /** Undo has something to take back in the shape being drawn. */
  canUndo: boolean;
  /** The closed shape on the map (one at a time), or null. */
  shape: Polygon | null;
  /** Whether the shape was drawn here (an ad-hoc selection) or put on the map by edit() (a saved area). */
  origin: 'drawn' | 'edited' | null;
}

/** The drawing on the map, once its code has loaded (see draw-session.ts). */
export interface DrawSession {
  setMode(mode: DrawMode | null): void;
  /** Takes back the last point of the shape being drawn. */
  undo(): void;
  /** Drops the shape being drawn; with nothing being drawn, leaves the tool. */
  cancel(): void;
  /** Removes the shape from the map (and any being drawn). */
  clear(): void;
  /** Puts an existing shape on the map, selected for editing its vertices. */
  edit(shape: Polygon): void;
  stop(): void;
}

export type DrawListener = (status: DrawStatus) => void;
