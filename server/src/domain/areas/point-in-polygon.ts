import { crossSign } from './exact-cross-sign';

export type Polygonal = GeoJSON.Polygon | GeoJSON.MultiPolygon;

/**
 * A polygon or multipolygon flattened to its edges, for the hot loop: edge i runs from
 * (edges[4i], edges[4i+1]) to (edges[4i+2], edges[4i+3]). Zero-length edges are dropped.
 */
export interface ShapeEdges {
  edges: Float64Array;
  edgeCount: number;
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
}

/** The rings of a Polygon or MultiPolygon, outer ring first in each polygon. */
export function polygonsOf(geometry: Polygonal): GeoJSON.Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Flattens a (closed-ring) Polygon or MultiPolygon into edges and a bounding box. */
export function shapeEdges(geometry: Polygonal): ShapeEdges {
  let n = 0;
  for (const polygon of polygonsOf(geometry)) for (const ring of polygon) n += Math.max(0, ring.length - 1);
  const edges = new Float64Array(4 * n);
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let nn = Number.NEGATIVE_INFINITY;
  let k = 0;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i];
        const [x2, y2] = ring[i + 1];
        if (x1 < w) w = x1;
        if (x1 > e) e = x1;
        if (y1 < s) s = y1;
        if (y1 > nn) nn = y1;
        if (x1 === x2 && y1 === y2) continue;
        edges[k++] = x1;
        edges[k++] = y1;
        edges[k++] = x2;
        edges[k++] = y2;
      }
    }
  }
  return { edges: edges.subarray(0, k), edgeCount: k / 4, bbox: [w, s, e, nn] };
}

/** Result of testing a point against some edges: the number of crossings, or ON_EDGE. */
export const ON_EDGE = -1;

/**
 * Counts the crossings of a horizontal ray from (x, y) with the given edges, or returns ON_EDGE
 * when the point lies exactly on one. `ids` picks edges by index (all edges when null).
 *
 * The arithmetic is that of point-in-polygon-hao, which turf's booleanPointInPolygon uses:
 * coordinates relative to the point, an exact orientation sign, and a half-open rule at vertices,
 * so a point counts the same here as in turf, down to the last bit.
 */
export function rayCrossings(
  edges: Float64Array,
  ids: ArrayLike<number> | null,
  from: number,
  to: number,
  x: number,
  y: number,
): number {
  let k = 0;
  for (let j = from; j < to; j++) {
    const o = 4 * (ids === null ? j : ids[j]);
    const v1 = edges[o + 1] - y;
    const v2 = edges[o + 3] - y;
    if (v1 === 0 && v2 === 0) {
      const u1 = edges[o] - x;
      const u2 = edges[o + 2] - x;
      if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return ON_EDGE;
    } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
      const u1 = edges[o] - x;
      const u2 = edges[o + 2] - x;
      const f = crossSign(u2, u1, v2, v1); // sign of u2 * v1 - u1 * v2
      if (f === 0) return ON_EDGE;
      if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) k++;
    }
  }
  return k;
}

/**
 * Whether (x, y) is in the shape, boundary included (a premise exactly on an edge, of the outer
 * ring or of a hole, counts as inside: turf's booleanPointInPolygon with ignoreBoundary false).
 * Parity is taken over all rings together, which equals "in some polygon, outside its holes" for
 * the shapes polygon-validation accepts (rings neither cross nor share a stretch of edge, touch
 * one another at single points at most, and parts do not overlap: those that did are merged).
 */
export function pointInShape(shape: ShapeEdges, x: number, y: number): boolean {
  const [w, s, e, n] = shape.bbox;
  if (x < w || x > e || y < s || y > n) return false;
  const k = rayCrossings(shape.edges, null, 0, shape.edgeCount, x, y);
  return k === ON_EDGE || (k & 1) === 1;
}
