import { bbox } from '@turf/turf';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { keyAreaCollection, keyAreaLabels } from '../lib/key-areas';
import { useSavedAreas } from '../saved-areas';
import { useStore } from '../store';
import { useDrawStore } from './draw/draw-store';
import { keyAreaCharacters } from './layers/key-area-layers';
import { MAP_FONT_FAMILY } from './layers/layer-state';
import type { MapController } from './map-controller';
import { useFontsReady } from './use-fonts-ready';

type Bounds = [number, number, number, number];

/**
 * The saved key areas as the map draws them, and the map easing to an area when it is opened and
 * not already in view (not on first load: the URL's view wins then).
 */
export function useKeyAreaLayers(controller: RefObject<MapController | null>) {
  const { data: areas } = useSavedAreas();
  const editing = useDrawStore((s) => s.editing);
  const selectedArea = useStore((s) => s.area);
  const keyAreas = useMemo(() => keyAreaCollection(areas ?? [], editing), [areas, editing]);
  const labels = useMemo(() => keyAreaLabels(keyAreas), [keyAreas]);
  const keyAreaFontsReady = useFontsReady(MAP_FONT_FAMILY, keyAreaCharacters(labels));

  const shown = useRef<number | null | undefined>(undefined);
  useEffect(() => {
    const area = areas?.find((a) => a.id === selectedArea);
    if (selectedArea !== null && !area) return; // not loaded yet
    if (shown.current === undefined) shown.current = selectedArea; // first load
    if (shown.current === selectedArea) return;
    shown.current = selectedArea;
    if (area) controller.current?.revealBounds(bbox(area.geometry) as Bounds);
  }, [areas, selectedArea, controller]);

  return { keyAreas, keyAreaLabels: labels, selectedArea, keyAreaFontsReady };
}
