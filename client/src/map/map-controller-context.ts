import { createContext, useContext } from 'react';
import type { MapController } from './map-controller';

/** The map's controller, for the map's own overlays (drawing toolbar, area panel); null until created. */
export const MapControllerContext = createContext<MapController | null>(null);

export function useMapController(): MapController | null {
  return useContext(MapControllerContext);
}
