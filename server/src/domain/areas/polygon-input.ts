import {
  type PolygonProblem,
  type PolygonProblemCode,
  type Pos,
  place,
  problem,
  quote,
} from './polygon-problem';

/** Most problems reported for malformed positions before giving up listing them. */
const MAX_PROBLEMS = 20;

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'GeometryCollection'];

/** The Polygon or MultiPolygon inside a Geometry or Feature, or a problem naming what came instead. */
export function unwrap(
  input: unknown,
): { geometry: { type: string; coordinates: unknown } } | PolygonProblem {
  const fail = (code: PolygonProblemCode, what: string) => ({
    code,
    message: `geometry: ${what}`,
    where: 'geometry',
  });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('malformed', `expected a GeoJSON Polygon or MultiPolygon object, got ${quote(input)}`);
  }
  const { type } = input as { type?: unknown };
  if (type === 'Feature') {
    const inner = (input as { geometry?: unknown }).geometry;
    const innerType = (inner as { type?: unknown } | null)?.type;
    if (innerType === 'Polygon' || innerType === 'MultiPolygon') return unwrap(inner);
    if (typeof innerType === 'string' && GEOMETRY_TYPES.includes(innerType)) {
      return fail(
        'not_polygonal',
        `expected a Polygon or MultiPolygon, got a Feature with ${innerType} geometry`,
      );
    }
    return fail('malformed', 'the Feature has no Polygon or MultiPolygon geometry');
  }
  if (type === 'Polygon' || type === 'MultiPolygon') {
    return { geometry: input as { type: string; coordinates: unknown } };
  }
  if (type === 'FeatureCollection') {
    return fail(
      'not_polygonal',
      'expected a Polygon or MultiPolygon, got a FeatureCollection; send one Feature',
    );
  }
  if (typeof type === 'string' && GEOMETRY_TYPES.includes(type)) {
    return fail('not_polygonal', `expected a Polygon or MultiPolygon, got ${type}`);
  }
  return fail(
    'malformed',
    `expected a GeoJSON object with type Polygon or MultiPolygon, got type ${quote(type)}`,
  );
}

/** Why a position is not [lng, lat], or null when it is. */
function notLngLat(p: Pos): string | null {
  const [x, y] = p;
  if (x >= -180 && x <= 180 && y >= -90 && y <= 90) return null;
  const base = `${quote(p)} is not longitude/latitude (expected lng -180…180, lat -90…90)`;
  if (Math.abs(x) <= 90 && Math.abs(y) <= 180)
    return `${base}; it looks like [lat, lng], but GeoJSON puts longitude first`;
  if (Math.abs(x) > 1000 || Math.abs(y) > 1000) {
    return `${base}; it looks like projected metres (e.g. CGCS2000 Gauss-Krüger), convert to longitude/latitude first`;
  }
  return base;
}

/** Parses the coordinate arrays, reporting malformed positions and ones that are not lng/lat. */
export function readPolygons(
  geometry: { type: string; coordinates: unknown },
  problems: PolygonProblem[],
): Pos[][][] {
  const multi = geometry.type === 'MultiPolygon';
  const raw = multi ? geometry.coordinates : [geometry.coordinates];
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push(problem('malformed', 'geometry', `${geometry.type} has no coordinates`));
    return [];
  }
  const polygons: Pos[][][] = [];
  raw.forEach((rawPolygon: unknown, pi) => {
    if (!Array.isArray(rawPolygon) || rawPolygon.length === 0) {
      problems.push(
        problem('malformed', place(multi, pi), `expected a list of rings, got ${quote(rawPolygon)}`),
      );
      return;
    }
    const rings: Pos[][] = [];
    rawPolygon.forEach((rawRing: unknown, ri) => {
      if (!Array.isArray(rawRing)) {
        problems.push(
          problem('malformed', place(multi, pi, ri), `expected a list of positions, got ${quote(rawRing)}`),
        );
        return;
      }
      const ring: Pos[] = [];
      let offLngLat = 0;
      rawRing.forEach((p: unknown, vi) => {
        const ok = Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every(Number.isFinite);
        if (!ok) {
          if (problems.length < MAX_PROBLEMS) {
            problems.push(
              problem('malformed', place(multi, pi, ri, vi), `expected [lng, lat] numbers, got ${quote(p)}`),
            );
          }
          return;
        }
        const pos: Pos = [p[0], p[1]];
        const why = notLngLat(pos);
        if (why && offLngLat++ === 0)
          problems.push(problem('not_lng_lat', place(multi, pi, ri, vi), why, pos));
        ring.push(pos);
      });
      if (offLngLat > 1)
        problems[problems.length - 1].message += ` (and ${offLngLat - 1} more positions in this ring)`;
      rings.push(ring);
    });
    polygons.push(rings);
  });
  return polygons;
}
