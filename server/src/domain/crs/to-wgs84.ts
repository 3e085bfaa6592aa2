import gcoord from 'gcoord';
import proj4 from 'proj4';
import type { Crs } from './crs-catalog';

export type LngLat = [number, number];

/** A function from a position in some system to WGS-84 [lng, lat]. */
export type ToWgs84 = (position: readonly number[]) => LngLat;

/** The converter from `crs` to WGS-84 longitude/latitude (CGCS2000 counts as WGS-84: centimetres apart). */
export function toWgs84(crs: Crs): ToWgs84 {
  switch (crs.kind) {
    case 'geographic':
      return (p) => [p[0], p[1]];
    case 'gcj02':
      return (p) => gcoord.transform([p[0], p[1]] as [number, number], gcoord.GCJ02, gcoord.WGS84) as LngLat;
    case 'bd09':
      return (p) => gcoord.transform([p[0], p[1]] as [number, number], gcoord.BD09, gcoord.WGS84) as LngLat;
    case 'projected':
      return projected(crs.proj4 as string);
  }
}

/** A converter from a proj4 definition or WKT (what a .prj holds) to WGS-84. */
export function projected(definition: string): ToWgs84 {
  const converter = proj4(definition, 'EPSG:4326');
  return (p) => converter.forward([p[0], p[1]]) as LngLat;
}

/** Maps every position of a geometry through `convert`, dropping heights. */
export function mapPositions<G extends GeoJSON.Geometry>(geometry: G, convert: ToWgs84): G {
  const walk = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? convert(c as number[]) : (c as unknown[]).map(walk);
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, convert)) };
  }
  return { ...geometry, coordinates: walk(geometry.coordinates) } as G;
}
