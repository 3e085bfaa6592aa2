import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { Layer } from '@deck.gl/core';
import { PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { DisplayAreaFeature, DisplayAreas, DisplayVillageFeature, DisplayVillages } from './display-api';
import type { DisplayFrame, HeatData } from './display-frame';
import { geometryBounds, progressColor } from './display-geo';
import { shownAreas } from './shown-areas';

/** Font of every label the map draws: shipped with the app, loaded before the text layers draw. */
export const DISPLAY_MAP_FONT = '"Noto Sans SC", sans-serif';

/** Everything the map's layers are built from. */
export interface DisplayLayerState {
  villages: DisplayVillages | null;
  areas: DisplayAreas | null;
  frame: DisplayFrame | null;
  /** The village the screen is about (tour or ?village=), drawn heavier. */
  focus: number | null;
  fontsReady: boolean;
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
const NO_HEAT: HeatData = {
  length: 0,
  attributes: {
    getPosition: { value: new Float32Array(0), size: 2 },
    getWeight: { value: new Float32Array(0), size: 1 },
  },
};

/** Warm colours on the dark ground: where unlicensed business concentrates. */
const HEAT_COLORS: [number, number, number, number][] = [
  [255, 120, 60, 0],
  [255, 110, 50, 110],
  [255, 80, 40, 170],
  [255, 150, 50, 215],
  [255, 225, 130, 245],
];

const pathStyle = new PathStyleExtension({ dash: true });

export function villageFillLayer(s: DisplayLayerState) {
  const byVillage = s.frame?.byVillage;
  return new GeoJsonLayer<DisplayVillageFeature['properties']>({
    id: 'display-village-fill',
    data: (s.villages ?? EMPTY) as never,
    filled: true,
    stroked: false,
    pickable: false,
    getFillColor: (f) => progressColor(byVillage?.get(f.properties.id)?.progress ?? 0),
    updateTriggers: { getFillColor: byVillage },
    transitions: { getFillColor: 600 },
  });
}

export function villageOutlineLayer(s: DisplayLayerState) {
  const focus = s.focus;
  return new GeoJsonLayer<DisplayVillageFeature['properties']>({
    id: 'display-village-outline',
    data: (s.villages ?? EMPTY) as never,
    filled: false,
    stroked: true,
    pickable: false,
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => (f.properties.id === focus ? 4 : 1.2),
    getLineColor: (f) => (f.properties.id === focus ? [255, 214, 102, 255] : [120, 170, 230, 150]),
    updateTriggers: { getLineWidth: focus, getLineColor: focus },
  });
}

/** Intensity at a hot spot (see heatScale); a cooler frame gets a share of it, never less than a fifth. */
const HEAT_INTENSITY = 1.6;

export function unlicensedHeatLayer(s: DisplayLayerState) {
  const scale = s.frame?.heatScale ?? 1;
  return new HeatmapLayer({
    id: 'display-unlicensed-heat',
    data: (s.frame?.heat ?? NO_HEAT) as never,
    pickable: false,
    radiusPixels: 60,
    intensity: HEAT_INTENSITY * Math.max(0.2, scale),
    threshold: 0.05,
    colorRange: HEAT_COLORS,
    debounceTimeout: 0,
  });
}

const activeMemo = new WeakMap<object, { key: string; fc: object }>();

/** The same collection object while the same areas are in force, so deck.gl keeps its buffers. */
function activeCollection(areas: DisplayAreas | null, active: readonly DisplayAreaFeature[]): object {
  if (!areas) return EMPTY;
  const key = active.map((f) => f.properties.id).join(',');
  const memo = activeMemo.get(areas);
  if (memo?.key === key) return memo.fc;
  const fc = { type: 'FeatureCollection', features: active };
  activeMemo.set(areas, { key, fc });
  return fc;
}

export function areaOutlineLayer(s: DisplayLayerState, active: readonly DisplayAreaFeature[]) {
  return new GeoJsonLayer<DisplayAreaFeature['properties'], PathStyleExtensionProps>({
    id: 'display-key-areas',
    data: activeCollection(s.areas, active) as never,
    filled: true,
    stroked: true,
    pickable: false,
    getFillColor: [255, 214, 102, 28],
    getLineColor: [255, 214, 102, 230],
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5,
    getDashArray: [6, 4],
    dashJustified: true,
    extensions: [pathStyle],
  });
}

interface Label {
  id: number;
  text: string;
  position: [number, number];
  kind: 'village' | 'area';
}

const labelChars = new WeakMap<object, string>();

/** Every character any label can need, so the font atlas is built once. */
function characterSet(villages: DisplayVillages | null, areas: DisplayAreas | null): string {
  const key = (villages ?? EMPTY) as object;
  const names = [
    ...(villages?.features.map((f) => f.properties.name) ?? []),
    ...(areas?.features.map((f) => f.properties.name) ?? []),
  ].join('');
  const cached = labelChars.get(key);
  if (cached !== undefined && [...names].every((ch) => cached.includes(ch))) return cached;
  const set = [...new Set(`${names}0123456789.% `)].sort().join('');
  labelChars.set(key, set);
  return set;
}

export function labelLayer(s: DisplayLayerState, active: readonly DisplayAreaFeature[]) {
  const byVillage = s.frame?.byVillage;
  // badges first, so that a village name is drawn over one where they meet
  const labels: Label[] = [
    // numbered badges at the areas' top-left corners, clear of the village names at the centres
    ...active.map((f, i) => {
      const [w, , , n] = geometryBounds(f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon);
      return {
        id: f.properties.id,
        text: String(i + 1),
        position: [w, n] as [number, number],
        kind: 'area' as const,
      };
    }),
    ...(s.villages?.features ?? []).map((f) => {
      const p = byVillage?.get(f.properties.id)?.progress;
      return {
        id: f.properties.id,
        text: p === undefined ? f.properties.name : `${f.properties.name}\n${Math.round(p * 100)}%`,
        position: f.properties.label as [number, number],
        kind: 'village' as const,
      };
    }),
  ];
  return new TextLayer<Label>({
    id: 'display-labels',
    data: labels,
    visible: s.fontsReady,
    pickable: false,
    characterSet: characterSet(s.villages, s.areas),
    fontFamily: DISPLAY_MAP_FONT,
    fontWeight: 700,
    getText: (d) => d.text,
    getPosition: (d) => d.position,
    getSize: (d) => (d.kind === 'area' ? 15 : d.id === s.focus ? 20 : 16),
    getColor: (d) => (d.kind === 'area' ? [26, 19, 0, 255] : [235, 243, 255, 255]),
    background: true,
    getBackgroundColor: (d) => (d.kind === 'area' ? [255, 214, 102, 255] : [0, 0, 0, 0]),
    backgroundPadding: [5, 1],
    lineHeight: 1.15,
    fontSettings: { sdf: true },
    outlineWidth: 5,
    outlineColor: [5, 11, 22, 230],
    updateTriggers: { getSize: s.focus },
  });
}

/** The map's layers, bottom to top. */
export function buildDisplayLayers(s: DisplayLayerState): Layer[] {
  const active = shownAreas(s.areas, s.frame);
  return [
    villageFillLayer(s),
    unlicensedHeatLayer(s),
    villageOutlineLayer(s),
    areaOutlineLayer(s, active),
    labelLayer(s, active),
  ];
}
