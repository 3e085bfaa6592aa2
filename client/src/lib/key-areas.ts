import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { labelPosition } from './village-labels';

/** What the map needs of a saved key area. */
export interface KeyAreaProperties {
  id: number;
  name: string;
}

export type KeyAreaFeature = Feature<Polygon | MultiPolygon, KeyAreaProperties>;
export type KeyAreaCollection = FeatureCollection<Polygon | MultiPolygon, KeyAreaProperties>;

export interface KeyAreaLabel {
  id: number;
  name: string;
  position: [number, number];
}

/** The saved areas as GeoJSON for the map, leaving out `hidden` (the one whose shape is being edited). */
export function keyAreaCollection(
  areas: readonly { id: number; name: string; geometry: Polygon | MultiPolygon }[],
  hidden: number | null = null,
): KeyAreaCollection {
  return {
    type: 'FeatureCollection',
    features: areas
      .filter((a) => a.id !== hidden)
      .map((a) => ({ type: 'Feature', properties: { id: a.id, name: a.name }, geometry: a.geometry })),
  };
}

/** Where each area's name is written. */
export function keyAreaLabels(areas: KeyAreaCollection): KeyAreaLabel[] {
  return areas.features.map((f) => ({
    id: f.properties.id,
    name: f.properties.name,
    position: labelPosition(f),
  }));
}
