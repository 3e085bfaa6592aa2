import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';

type Position = GeoJSON.Position;

function roundPositions(coords: unknown, factor: number): unknown {
  if (typeof coords === 'number') return Math.round(coords * factor) / factor;
  return (coords as unknown[]).map((c) => roundPositions(c, factor));
}

/**
 * The geometry with every coordinate rounded to `decimals` places (5 ≈ a metre). The screen needs no
 * more, and it keeps survey-grade vertices (which could sit on a premise) off the public endpoints.
 */
export function roundGeometry<G extends GeoJSON.Geometry>(geometry: G, decimals = 5): G {
  const factor = 10 ** decimals;
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map((g) => roundGeometry(g, decimals)) };
  }
  return { ...geometry, coordinates: roundPositions(geometry.coordinates, factor) } as G;
}

/** Where to write a polygon's name: its centre of mass, or a point inside when that falls outside. */
export function labelPoint(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): [number, number] {
  const feature: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon> = {
    type: 'Feature',
    properties: {},
    geometry,
  };
  let point = centerOfMass(feature);
  if (!booleanPointInPolygon(point, feature)) point = pointOnFeature(feature);
  const [lng, lat] = point.geometry.coordinates as Position;
  return [Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}
