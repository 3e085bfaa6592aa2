import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { Rgba } from '../../lib/choropleth';
import type { VillageFeature, VillageLabel } from '../../lib/village-types';
import type { LayerState } from './layer-state';
import { MAP_FONT_FAMILY } from './layer-state';

const NONE: Rgba = [0, 0, 0, 0];
const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** Village fills coloured by the chosen metric on the slider date. */
export function villageChoroplethLayer(s: LayerState) {
  const colors = s.villageColors;
  return new GeoJsonLayer<VillageFeature['properties']>({
    id: 'village-choropleth',
    data: s.villages ?? EMPTY,
    visible: s.layers.includes('choropleth'),
    pickable: false,
    filled: true,
    stroked: false,
    getFillColor: (f) => colors.get(f.properties.id) ?? NONE,
    // deck.gl compares a trigger by its own keys, and a Map has none: wrapped in an array, a new
    // colour map (another date, metric or the acceptance results) is a change it sees.
    updateTriggers: { getFillColor: [colors] },
  });
}

/** Village boundaries; the filtered village is drawn heavier. */
export function villageBoundariesLayer(s: LayerState) {
  const selected = s.selectedVillage;
  const px = s.pixelScale;
  return new GeoJsonLayer<VillageFeature['properties']>({
    id: 'village-boundaries',
    data: s.villages ?? EMPTY,
    visible: s.layers.includes('villages'),
    pickable: false,
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => (f.properties.id === selected ? 3.5 : 1.4) * px,
    getLineColor: (f) => (f.properties.id === selected ? [20, 90, 170, 255] : [70, 80, 95, 200]),
    updateTriggers: { getLineWidth: [selected, px], getLineColor: selected },
  });
}

/** Every character the village labels need, for the text layer's font atlas. */
export function labelCharacters(labels: readonly VillageLabel[]): string {
  return [...new Set(labels.flatMap((l) => [...l.name]))].sort().join('');
}

const charsOf = new WeakMap<readonly VillageLabel[], string>();

/** Chinese village names drawn by deck.gl from the shipped font (the basemap has no glyphs). */
export function villageLabelsLayer(s: LayerState) {
  let characterSet = charsOf.get(s.labels);
  if (characterSet === undefined) {
    characterSet = labelCharacters(s.labels);
    charsOf.set(s.labels, characterSet);
  }
  return new TextLayer<VillageLabel>({
    id: 'village-labels',
    data: s.labels,
    visible: s.layers.includes('villages') && s.fontsReady,
    pickable: false,
    characterSet,
    fontFamily: MAP_FONT_FAMILY,
    fontWeight: 700,
    getText: (d) => d.name,
    getPosition: (d) => d.position,
    getSize: 15 * s.pixelScale,
    getColor: [35, 45, 60, 255],
    fontSettings: { sdf: true },
    outlineWidth: 4,
    outlineColor: [255, 255, 255, 235],
  });
}
