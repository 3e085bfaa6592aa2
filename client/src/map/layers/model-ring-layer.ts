import { ScatterplotLayer } from '@deck.gl/layers';
import { binaryPoints } from './binary-points';
import type { LayerState } from './layer-state';
import { TIME_FILTER_EXTENSIONS, timeFilterRange } from './time-filter';

/** A gold ring around every model site (示范点), filtered by date like the points. */
export function modelRingLayer(s: LayerState) {
  return new ScatterplotLayer({
    id: 'premises-model-ring',
    data: s.modelPoints ? binaryPoints(s.modelPoints) : { length: 0, attributes: {} },
    visible: s.layers.includes('premises'),
    pickable: false,
    radiusUnits: 'pixels',
    getRadius: 8 * s.pixelScale,
    filled: false,
    stroked: true,
    getLineColor: [241, 196, 15, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5 * s.pixelScale,
    extensions: TIME_FILTER_EXTENSIONS,
    filterRange: timeFilterRange(s.day),
  });
}
