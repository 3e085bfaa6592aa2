import { bboxPolygon, booleanIntersects, bbox as geometryBbox } from '@turf/turf';
import type { Box } from './ogc-bbox';

/** Whether a geometry meets (touches, crosses or lies in) any of the boxes. */
export function geometryInBoxes(geometry: GeoJSON.Geometry, boxes: readonly Box[]): boolean {
  const [w, s, e, n] = geometryBbox(geometry);
  return boxes.some((box) => {
    const [minLng, minLat, maxLng, maxLat] = box;
    if (e < minLng || w > maxLng || n < minLat || s > maxLat) return false;
    return booleanIntersects(bboxPolygon([minLng, minLat, maxLng, maxLat]), geometry);
  });
}
