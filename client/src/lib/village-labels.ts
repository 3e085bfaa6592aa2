import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { VillageCollection, VillageLabel } from './village-types';

/** Where to write each village's name: its centre of mass, or a point inside when that falls outside. */
export function villageLabels(villages: VillageCollection): VillageLabel[] {
  return villages.features.map((f) => {
    let point = centerOfMass(f);
    if (!booleanPointInPolygon(point, f)) point = pointOnFeature(f);
    const [lng, lat] = point.geometry.coordinates;
    return { id: f.properties.id, name: f.properties.name, position: [lng, lat] };
  });
}
