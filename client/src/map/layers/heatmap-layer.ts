import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { LayerState } from './layer-state';

const NO_POSITIONS = new Float32Array(0);
const heatData = new WeakMap<Float32Array, { length: number; attributes: object }>();

/** The positions as deck.gl binary data, with a weight each when given (a big record's cells), else 1. */
function binaryHeat(positions: Float32Array, weights: Float32Array | null) {
  let d = heatData.get(positions);
  if (!d) {
    d = {
      length: positions.length / 2,
      attributes: {
        getPosition: { value: positions, size: 2 },
        ...(weights ? { getWeight: { value: weights, size: 1 } } : {}),
      },
    };
    heatData.set(positions, d);
  }
  return d;
}

/** Red-hot colour ramp for unlicensed business (transparent where there is none). */
const HEAT_COLORS: [number, number, number, number][] = [
  [255, 255, 178, 0],
  [254, 204, 92, 150],
  [253, 141, 60, 190],
  [240, 59, 32, 215],
  [189, 0, 38, 235],
];

/**
 * Where unlicensed premises concentrate on the slider date. HeatmapLayer's weight pass ignores
 * DataFilterExtension, so `heatPositions` is already the CPU-filtered set for the date (on a big
 * record zoomed out, cell positions weighted by their unlicensed premises: `heatWeights`).
 */
export function unlicensedHeatmapLayer(s: LayerState) {
  const visible = s.layers.includes('heatmap');
  return new HeatmapLayer({
    id: 'unlicensed-heatmap',
    // A hidden heatmap still rebuilds its weight texture on every data change: give it none.
    data:
      visible && s.heatPositions
        ? binaryHeat(s.heatPositions, s.heatWeights)
        : binaryHeat(NO_POSITIONS, null),
    visible,
    pickable: false,
    // Every data change redraws the weights and reduces them to a maximum over the whole
    // texture; 512² keeps that cheap per scrub step and is ample for one township on screen.
    weightsTextureSize: 512,
    radiusPixels: 45 * s.pixelScale,
    // One dense market would otherwise own the whole colour range (the domain follows the maximum).
    intensity: 3,
    threshold: 0.04,
    colorRange: HEAT_COLORS,
  });
}
