import { ScatterplotLayer } from '@deck.gl/layers';
import type { LayerState } from './layer-state';

/** A halo on the premise whose file is open. */
export function selectedPremiseLayer(s: LayerState) {
  const at = s.selectedPosition;
  return new ScatterplotLayer<[number, number]>({
    id: 'premise-selected',
    data: at ? [at] : [],
    visible: at !== null,
    pickable: false,
    getPosition: (d) => d,
    radiusUnits: 'pixels',
    getRadius: 12 * s.pixelScale,
    filled: true,
    getFillColor: [20, 90, 170, 60],
    stroked: true,
    getLineColor: [20, 90, 170, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5 * s.pixelScale,
  });
}
