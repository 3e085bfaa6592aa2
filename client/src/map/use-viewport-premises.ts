import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchPremiseCells, fetchPremisesInBox } from '../api';
import { type CellPoints, cellPoints } from '../lib/cell-points';
import type { PremiseFilter } from '../lib/premise-filter';
import {
  MODEL_STATUS,
  type PremiseSelection,
  pointColumns,
  rowsWithStatus,
  selectIntervals,
} from '../lib/premise-selection';
import type { PremisesData } from '../lib/premises-binary';
import { queryKeys } from '../queries';
import { useStore } from '../store';
import type { MapController } from './map-controller';

/** From this zoom a big record's premises are drawn one by one, fetched for the box in view. */
export const POINTS_ZOOM = 14;

export interface ViewportPremises {
  /** Zoomed out: the cells (null zoomed in). */
  cells: CellPoints | null;
  /** Zoomed in: the premises in the box, the intervals the filter keeps and their points (null zoomed out). */
  premises: PremisesData | null;
  rows: Uint32Array | null;
  points: PremiseSelection | null;
  /** The points of model sites among them (the rings). */
  modelPoints: PremiseSelection | null;
  /** Something has arrived for the map to draw. */
  loaded: boolean;
}

const NONE: ViewportPremises = {
  cells: null,
  premises: null,
  rows: null,
  points: null,
  modelPoints: null,
  loaded: false,
};

/**
 * A big record's premises for the view (the page never takes its whole layer): zoomed out, cells
 * for the zoom; from POINTS_ZOOM, the premises in the box. The box is padded by half a view each
 * way and snapped to a grid, so panning a little asks nothing new; the answer shown stays until
 * the next arrives. Off (`enabled` false) for a record the page takes whole.
 */
export function useViewportPremises(
  controller: MapController | null,
  enabled: boolean,
  filter: PremiseFilter,
  codes: { categories: readonly string[] | null; statuses: readonly string[] | null; village: number | null },
): ViewportPremises {
  // The store's view changes at the end of every move: read the map's box then.
  const view = useStore((s) => s.view);
  // Drilled into a township of the district: its premises alone, as the server scopes them.
  const township = useStore((s) => s.township);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `view` marks the end of each move; the box is read from the controller then
  const wanted = useMemo(() => {
    if (!enabled || !controller) return null;
    const { box, zoom } = controller.viewBox();
    const z = Math.max(0, Math.min(22, Math.floor(zoom)));
    const snap = 360 / 2 ** z / 2;
    const [w, s, e, n] = box;
    const padW = (e - w) / 2;
    const padH = (n - s) / 2;
    const padded = [
      Math.max(-180, Math.floor((w - padW) / snap) * snap),
      Math.max(-90, Math.floor((s - padH) / snap) * snap),
      Math.min(180, Math.ceil((e + padW) / snap) * snap),
      Math.min(90, Math.ceil((n + padH) / snap) * snap),
    ].map((x) => Number(x.toFixed(6)));
    return { z, box: padded, points: z >= POINTS_ZOOM };
  }, [controller, enabled, view]);

  const box = useQuery<PremisesData>({
    queryKey: [...queryKeys.premisesLayer, 'box', wanted?.box, township],
    queryFn: ({ signal }) => fetchPremisesInBox(wanted?.box ?? [], township, { signal }),
    enabled: wanted?.points === true,
    placeholderData: keepPreviousData,
  });
  const cells = useQuery<CellPoints>({
    queryKey: [...queryKeys.premisesLayer, 'cells', wanted?.z, wanted?.box, codes, township],
    queryFn: ({ signal }) =>
      fetchPremiseCells(wanted?.z ?? 0, wanted?.box ?? [], codes, township, { signal }).then(cellPoints),
    enabled: wanted !== null && (!wanted.points || box.isError),
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => (box.data ? selectIntervals(box.data, filter) : null), [box.data, filter]);
  const points = useMemo(() => (box.data && rows ? pointColumns(box.data, rows) : null), [box.data, rows]);
  const modelPoints = useMemo(
    () => (box.data && rows ? pointColumns(box.data, rowsWithStatus(box.data, rows, MODEL_STATUS)) : null),
    [box.data, rows],
  );
  if (!wanted) return NONE;
  if (wanted.points && box.data && !box.isError)
    return { cells: null, premises: box.data, rows, points, modelPoints, loaded: true };
  return {
    cells: cells.data ?? null,
    premises: null,
    rows: null,
    points: null,
    modelPoints: null,
    loaded: cells.data !== undefined,
  };
}
