import type { DrawMode } from '../map/draw/draw-types';

type IconName = DrawMode | 'undo' | 'delete';

/** Small line icons for the drawing tools (inline SVG: nothing to fetch). */
const PATHS: Record<IconName, string> = {
  polygon: 'M4 17 L6 5 L14 3 L20 11 L13 20 Z',
  rectangle: 'M4 6 H20 V18 H4 Z',
  circle: 'M12 4 A8 8 0 1 1 11.99 4 Z',
  freehand: 'M4 15 C6 5, 10 5, 11 11 S 16 19, 20 8',
  select: 'M6 3 L6 19 L10 15 L13 21 L15.5 20 L12.5 14 L18 14 Z',
  undo: 'M9 7 L4 11 L9 15 M4 11 H15 A5 5 0 0 1 15 21 H11',
  delete: 'M5 7 H19 M10 7 V4 H14 V7 M7 7 L8 20 H16 L17 7',
};

export function DrawIcon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" className="draw-icon">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    </svg>
  );
}
