import { ScatterplotLayer } from '@deck.gl/layers';
import { binaryPoints } from './binary-points';
import type { LayerState } from './layer-state';
import { TIME_FILTER_EXTENSIONS, timeFilterRange } from './time-filter';

/** One point per status interval, coloured by status; the slider date picks the visible ones on the GPU. */
export function premisesLayer(s: LayerState) {
  return new ScatterplotLayer({
    id: 'premises',
    data: s.points ? binaryPoints(s.points) : { length: 0, attributes: {} },
    visible: s.layers.includes('premises'),
    pickable: true,
    radiusUnits: 'pixels',
    getRadius: 4 * s.pixelScale,
    radiusMinPixels: 2.5 * s.pixelScale,
    radiusMaxPixels: 9 * s.pixelScale,
    stroked: true,
    getLineColor: [255, 255, 255, 220],
    lineWidthUnits: 'pixels',
    getLineWidth: 0.8 * s.pixelScale,
    extensions: TIME_FILTER_EXTENSIONS,
    filterRange: timeFilterRange(s.day),
  });
}
