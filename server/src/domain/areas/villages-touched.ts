import { type Polygonal, pointInShape, polygonsOf, type ShapeEdges, shapeEdges } from './point-in-polygon';
import { segmentsMeet } from './segment-intersections';

export interface VillageShape {
  id: number;
  name: string;
  geometry: Polygonal;
}

/**
 * Each frozen village boundary's edges, kept while the boundary object lives: the villages come
 * parsed and frozen from memory (listVillages), the same objects until the boundaries change, so no
 * request rebuilds them. A boundary that could still change is measured afresh.
 */
const edgesOfBoundary = new WeakMap<Polygonal, ShapeEdges>();
function villageEdges(geometry: Polygonal): ShapeEdges {
  let edges = edgesOfBoundary.get(geometry);
  if (!edges) {
    edges = shapeEdges(geometry);
    if (Object.isFrozen(geometry)) edgesOfBoundary.set(geometry, edges);
  }
  return edges;
}

const overlaps = (a: ShapeEdges['bbox'], b: ShapeEdges['bbox']) =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Whether some ring of `of` starts inside `shape`. */
function ringStartsInside(of: Polygonal, shape: ShapeEdges): boolean {
  for (const polygon of polygonsOf(of)) {
    for (const ring of polygon)
      if (ring.length > 0 && pointInShape(shape, ring[0][0], ring[0][1])) return true;
  }
  return false;
}

/** Whether an edge of `a` meets an edge of `b` (only a's edges near b's bounding box are tried). */
function edgesMeet(a: ShapeEdges, b: ShapeEdges): boolean {
  const [w, s, e, n] = b.bbox;
  const ea = a.edges;
  const eb = b.edges;
  for (let i = 0; i < a.edgeCount; i++) {
    const o = 4 * i;
    if (Math.max(ea[o], ea[o + 2]) < w || Math.min(ea[o], ea[o + 2]) > e) continue;
    if (Math.max(ea[o + 1], ea[o + 3]) < s || Math.min(ea[o + 1], ea[o + 3]) > n) continue;
    for (let j = 0; j < b.edgeCount; j++) {
      const q = 4 * j;
      const hit = segmentsMeet(
        [ea[o], ea[o + 1]],
        [ea[o + 2], ea[o + 3]],
        [eb[q], eb[q + 1]],
        [eb[q + 2], eb[q + 3]],
      );
      if (hit) return true;
    }
  }
  return false;
}

/**
 * The villages whose land the shape touches (sharing even a boundary point), in the given order.
 * Villages already known to have premises inside are taken without a geometry test. Otherwise two
 * shapes meet when their edges meet, or else when one holds the start of some ring of the other:
 * with boundaries apart, each ring lies wholly inside or wholly outside the other shape.
 */
export function villagesTouched(
  geometry: Polygonal,
  shape: ShapeEdges,
  villages: readonly VillageShape[],
  withPremisesInside: ReadonlySet<number> = new Set(),
): { id: number; name: string }[] {
  const out: { id: number; name: string }[] = [];
  for (const v of villages) {
    let touched = withPremisesInside.has(v.id);
    if (!touched) {
      const vs = villageEdges(v.geometry);
      touched =
        overlaps(shape.bbox, vs.bbox) &&
        (edgesMeet(shape, vs) || ringStartsInside(v.geometry, shape) || ringStartsInside(geometry, vs));
    }
    if (touched) out.push({ id: v.id, name: v.name });
  }
  return out;
}
