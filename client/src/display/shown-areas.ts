import type { DisplayAreaFeature, DisplayAreas } from './display-api';
import type { DisplayFrame } from './display-frame';

/**
 * The key areas drawn on a frame, in the order they are numbered: those the frame has counts for.
 * The server leaves out an area that is not in force or holds too few premises that day, so an
 * area missing from the frame gets no shape, badge or row.
 */
export function shownAreas(
  areas: DisplayAreas | null,
  frame: Pick<DisplayFrame, 'areas'> | null,
): DisplayAreaFeature[] {
  if (!areas || !frame) return [];
  return areas.features.filter((f) => frame.areas.has(f.properties.id));
}
