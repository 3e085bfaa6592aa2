import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** Properties of a village feature from `/api/villages`. */
export interface VillageProperties {
  id: number;
  code: string;
  name: string;
  kind: 'village' | 'community';
  areaKm2: number;
  /** The township of the district the village belongs to. */
  townshipId: number;
}

export type VillageFeature = Feature<Polygon | MultiPolygon, VillageProperties>;
export type VillageCollection = FeatureCollection<Polygon | MultiPolygon, VillageProperties>;

/** Where a village's name is written on the map. */
export interface VillageLabel {
  id: number;
  name: string;
  position: [number, number];
}
