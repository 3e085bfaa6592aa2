import type { Polygonal } from '@domain/areas/point-in-polygon';
import { useEffect } from 'react';
import type { SavedArea } from '../../api';
import { useDrawStore } from '../../map/draw/draw-store';
import { useDrawCommands } from '../../map/draw/use-draw-commands';
import { useSavedAreas } from '../../saved-areas';
import { useStore } from '../../store';

export type AreaSubject =
  | { kind: 'adhoc'; geometry: Polygonal }
  | { kind: 'saved'; area: SavedArea; geometry: Polygonal; shapeEdited: boolean }
  | { kind: 'loading' }
  | { kind: 'missing'; id: number };

/**
 * What the panel shows: the open saved area (?area=ID), with its shape as edited on the map if it is
 * being edited, or else the shape just drawn (an ad-hoc selection). One at a time: drawing a new
 * shape closes the open area, opening an area removes an ad-hoc shape or another area's edit.
 */
export function useAreaSubject(): AreaSubject | null {
  const areaId = useStore((s) => s.area);
  const setArea = useStore((s) => s.setArea);
  const { data: areas } = useSavedAreas();
  const shape = useDrawStore((s) => s.shape);
  const origin = useDrawStore((s) => s.origin);
  const editing = useDrawStore((s) => s.editing);
  const commands = useDrawCommands();

  useEffect(() => {
    if (shape && origin === 'drawn') {
      if (useStore.getState().area !== null) setArea(null);
      if (useDrawStore.getState().editing !== null) useDrawStore.setState({ editing: null });
    }
  }, [shape, origin, setArea]);
  useEffect(() => {
    if (areaId === null) return;
    const { origin: o, editing: e } = useDrawStore.getState();
    if (o === 'drawn' || (e !== null && e !== areaId)) commands.finish();
  }, [areaId, commands]);

  if (areaId !== null) {
    if (!areas) return { kind: 'loading' };
    const area = areas.find((a) => a.id === areaId);
    if (!area) return { kind: 'missing', id: areaId };
    const shapeEdited = editing === areaId && origin === 'edited' && shape !== null;
    return { kind: 'saved', area, geometry: shapeEdited ? shape : area.geometry, shapeEdited };
  }
  return shape && origin === 'drawn' ? { kind: 'adhoc', geometry: shape } : null;
}
