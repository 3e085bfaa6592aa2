import { ScatterplotLayer } from '@deck.gl/layers';
import type { WorklistRing } from '../../lib/worklist-ring';
import type { LayerState } from './layer-state';
import { TIME_FILTER_EXTENSIONS, timeFilterRange } from './time-filter';

/** A ring colour per work list, apart from the status colours and the model sites' gold. */
export const WORKLIST_RING_COLORS: Record<string, [number, number, number]> = {
  overdue: [192, 57, 43],
  'due-soon': [230, 126, 34],
  'repeat-failures': [142, 68, 173],
  rebound: [211, 84, 0],
  'expiring-licences': [41, 128, 185],
};
const FALLBACK: [number, number, number] = [192, 57, 43];

interface RingData {
  length: number;
  attributes: {
    getPosition: { value: Float32Array; size: 2 };
    getFilterValue: { value: Float32Array; size: 2 };
  };
}

const EMPTY: RingData = {
  length: 0,
  attributes: {
    getPosition: { value: new Float32Array(0), size: 2 },
    getFilterValue: { value: new Float32Array(0), size: 2 },
  },
};
const cache = new WeakMap<WorklistRing, RingData>();

/** One binary data object per ring set, so deck.gl uploads it once and a scrub never rebuilds it. */
function ringData(ring: WorklistRing | null): RingData {
  if (!ring) return EMPTY;
  let d = cache.get(ring);
  if (!d) {
    d = {
      length: ring.length,
      attributes: {
        getPosition: { value: ring.positions, size: 2 },
        getFilterValue: { value: ring.filterValues, size: 2 },
      },
    };
    cache.set(ring, d);
  }
  return d;
}

/**
 * The premises of the work list shown on the map (工作清单图层), ringed in the list's colour. The
 * ring follows its point through time on the GPU: a scrub changes only the filter range.
 */
export function worklistRingLayer(s: LayerState) {
  const ring = s.worklistRing;
  const [r, g, b] = (ring && WORKLIST_RING_COLORS[ring.list]) || FALLBACK;
  return new ScatterplotLayer({
    id: 'worklist-ring',
    data: ringData(ring),
    visible: ring !== null && ring.length > 0,
    pickable: false,
    radiusUnits: 'pixels',
    getRadius: 13 * s.pixelScale,
    filled: true,
    getFillColor: [r, g, b, 60],
    stroked: true,
    getLineColor: [r, g, b, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 3 * s.pixelScale,
    updateTriggers: { getFillColor: ring?.list, getLineColor: ring?.list },
    extensions: TIME_FILTER_EXTENSIONS,
    filterRange: timeFilterRange(s.day),
  });
}
