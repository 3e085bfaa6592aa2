import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { VillageCollection, VillageLabel } from './village-types';

/** Where to write a shape's name: its centre of mass, or a point inside when that falls outside. */
export function labelPosition(f: Feature<Polygon | MultiPolygon>): [number, number] {
  let point = centerOfMass(f);
  if (!booleanPointInPolygon(point, f)) point = pointOnFeature(f);
  const [lng, lat] = point.geometry.coordinates;
  return [lng, lat];
}

/** Where to write each village's name. */
export function villageLabels(villages: VillageCollection): VillageLabel[] {
  return villages.features.map((f) => ({
    id: f.properties.id,
    name: f.properties.name,
    position: labelPosition(f),
  }));
}
