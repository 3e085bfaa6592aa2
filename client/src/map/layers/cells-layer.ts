import { ScatterplotLayer } from '@deck.gl/layers';
import type { CellPoints } from '../../lib/cell-points';
import type { LayerState } from './layer-state';
import { TIME_FILTER_EXTENSIONS, timeFilterRange } from './time-filter';

interface BinaryCells {
  length: number;
  attributes: Record<string, { value: Float32Array | Uint8Array; size: number; normalized?: boolean }>;
}

const EMPTY: BinaryCells = { length: 0, attributes: {} };
const binary = new WeakMap<CellPoints, BinaryCells>();

/**
 * A big record zoomed out: its premises summed into cells, a dot per status and cell sized by its
 * count. The rows carry [from, to) like the points, so the slider filters them on the GPU.
 */
export function cellsLayer(s: LayerState) {
  const cells = s.cells;
  let data: BinaryCells | undefined = cells ? binary.get(cells) : EMPTY;
  if (cells && !data) {
    data = {
      length: cells.length,
      attributes: {
        getPosition: { value: cells.positions, size: 2 },
        getRadius: { value: cells.radii, size: 1 },
        getFillColor: { value: cells.colors, size: 4, normalized: true },
        getFilterValue: { value: cells.filterValues, size: 2 },
      },
    };
    binary.set(cells, data);
  }
  return new ScatterplotLayer({
    id: 'premise-cells',
    data: data ?? EMPTY,
    visible: s.layers.includes('premises') && cells !== null,
    pickable: true,
    radiusUnits: 'pixels',
    radiusScale: s.pixelScale,
    stroked: true,
    getLineColor: [255, 255, 255, 200],
    lineWidthUnits: 'pixels',
    getLineWidth: 0.8 * s.pixelScale,
    extensions: TIME_FILTER_EXTENSIONS,
    filterRange: timeFilterRange(s.day),
  });
}
