import type { Polygon } from 'geojson';
import { useMemo } from 'react';
import { useMapController } from '../map-controller-context';
import { useDrawStore } from './draw-store';
import type { DrawMode, DrawSession } from './draw-types';

/** What the toolbar and the area panel ask of the drawing; the first use loads the drawing code. */
export function useDrawCommands() {
  const controller = useMapController();
  return useMemo(() => {
    const withSession = async (act: (s: DrawSession) => void) => {
      if (!controller) return;
      const started = controller.drawingIfStarted;
      if (started) return act(started);
      useDrawStore.setState({ loading: true });
      try {
        act(await controller.drawing());
      } finally {
        useDrawStore.setState({ loading: false });
      }
    };
    /** Only acts when drawing has started: nothing to undo or clear otherwise, and nothing to load. */
    const ifStarted = (act: (s: DrawSession) => void) => {
      const started = controller?.drawingIfStarted;
      if (started) act(started);
    };
    return {
      preload: () => controller?.preloadDrawing(),
      setMode: (mode: DrawMode | null) => withSession((s) => s.setMode(mode)),
      undo: () => ifStarted((s) => s.undo()),
      cancel: () => ifStarted((s) => s.cancel()),
      /** Removes the shape from the map and ends any editing of a saved area. */
      clear: () => {
        useDrawStore.setState({ editing: null });
        ifStarted((s) => s.clear());
      },
      /** Done with the shape (saved, discarded, panel closed): removes it and puts the tool down. */
      finish: () => {
        useDrawStore.setState({ editing: null });
        ifStarted((s) => {
          s.clear();
          s.setMode(null);
        });
      },
      /** Puts a saved area's shape on the map for editing. */
      edit: (areaId: number, shape: Polygon) =>
        withSession((s) => {
          useDrawStore.setState({ editing: areaId });
          s.edit(shape);
        }),
    };
  }, [controller]);
}
