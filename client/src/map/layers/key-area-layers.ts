import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { KeyAreaLabel, KeyAreaProperties } from '../../lib/key-areas';
import type { LayerState } from './layer-state';
import { MAP_FONT_FAMILY } from './layer-state';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
/** Key areas are drawn in one colour of their own, apart from the status and category colours. */
export const KEY_AREA_COLOR: [number, number, number] = [106, 27, 154];

/** Saved key areas: a light fill (so they can be clicked) and an outline, heavier for the open one. */
export function keyAreasLayer(s: LayerState) {
  const selected = s.selectedArea;
  const px = s.pixelScale;
  const [r, g, b] = KEY_AREA_COLOR;
  return new GeoJsonLayer<KeyAreaProperties>({
    id: 'key-areas',
    data: s.keyAreas ?? EMPTY,
    pickable: true,
    filled: true,
    stroked: true,
    lineWidthUnits: 'pixels',
    getFillColor: (f) => [r, g, b, f.properties.id === selected ? 40 : 18],
    getLineColor: [r, g, b, 235],
    getLineWidth: (f) => (f.properties.id === selected ? 3.5 : 2) * px,
    updateTriggers: { getFillColor: selected, getLineWidth: [selected, px] },
  });
}

const charsOf = new WeakMap<readonly KeyAreaLabel[], string>();

/** Every character of the area names, for the text layer's font atlas. */
export function keyAreaCharacters(labels: readonly KeyAreaLabel[]): string {
  let chars = charsOf.get(labels);
  if (chars === undefined) {
    chars = [...new Set(labels.flatMap((l) => [...l.name]))].sort().join('');
    charsOf.set(labels, chars);
  }
  return chars;
}

/** The area names, in the area colour on a white halo. */
export function keyAreaLabelsLayer(s: LayerState) {
  return new TextLayer<KeyAreaLabel>({
    id: 'key-area-labels',
    data: s.keyAreaLabels,
    visible: s.keyAreaFontsReady,
    pickable: false,
    characterSet: keyAreaCharacters(s.keyAreaLabels),
    fontFamily: MAP_FONT_FAMILY,
    fontWeight: 700,
    getText: (d) => d.name,
    getPosition: (d) => d.position,
    getSize: 14 * s.pixelScale,
    getColor: [...KEY_AREA_COLOR, 255],
    fontSettings: { sdf: true },
    outlineWidth: 4,
    outlineColor: [255, 255, 255, 240],
  });
}
