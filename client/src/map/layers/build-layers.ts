import { cellsLayer } from './cells-layer';
import { glyphLayer } from './glyph-layer';
import { unlicensedHeatmapLayer } from './heatmap-layer';
import { keyAreaLabelsLayer, keyAreasLayer } from './key-area-layers';
import type { LayerState } from './layer-state';
import { modelRingLayer } from './model-ring-layer';
import { premisesLayer } from './premises-layer';
import { selectedPremiseLayer } from './selected-premise-layer';
import { villageBoundariesLayer, villageChoroplethLayer, villageLabelsLayer } from './village-layers';
import { worklistRingLayer } from './worklist-ring-layer';

/** All map layers, bottom to top: areas, heat, points, then text above everything it labels. */
export function buildLayers(s: LayerState) {
  return [
    villageChoroplethLayer(s),
    villageBoundariesLayer(s),
    keyAreasLayer(s),
    unlicensedHeatmapLayer(s),
    cellsLayer(s),
    premisesLayer(s),
    modelRingLayer(s),
    worklistRingLayer(s),
    selectedPremiseLayer(s),
    glyphLayer(s),
    villageLabelsLayer(s),
    keyAreaLabelsLayer(s),
  ];
}
