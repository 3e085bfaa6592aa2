import { booleanIntersects } from '@turf/turf';
import { type DissolvedParts, dissolveParts } from './dissolve-parts';
import {
  ON_EDGE,
  type Polygonal,
  polygonsOf,
  rayCrossings,
  type ShapeEdges,
  shapeEdges,
} from './point-in-polygon';
import { readPolygons, unwrap } from './polygon-input';
import { type PolygonProblem, type Pos, place, problem, quote } from './polygon-problem';
import { onlyTouch } from './ring-contact';
import { dedupeRing, findIntersections, type Ring } from './segment-intersections';

export type { PolygonProblem, PolygonProblemCode } from './polygon-problem';

export interface PolygonValidationOptions {
  /** Most vertices the shape may have, over all rings (closing positions not counted). */
  maxVertices?: number;
  /** The township outline(s): a shape touching none of them is refused. */
  township?: readonly Polygonal[];
}

/** Parts of a MultiPolygon that touched along an edge or overlapped, merged into fewer. */
export interface PartsDissolved {
  partsBefore: number;
  partsAfter: number;
}

export type PolygonValidation =
  | { ok: true; geometry: Polygonal; dissolved: PartsDissolved | null }
  | { ok: false; problems: PolygonProblem[] };

export const MAX_VERTICES = 5000;
/** Most problems reported before giving up listing them. */
const MAX_PROBLEMS = 20;
/** Points off the line by less than this fraction of the ring's length count as on it (zero area). */
const ZERO_AREA = 1e-9;

/** Whether the ring's points all lie on one line (within rounding): it has no area to hold anything. */
function collinear(ring: Pos[]): boolean {
  const [x0, y0] = ring[0];
  let far = ring[0];
  let farD2 = 0;
  for (const p of ring) {
    const d2 = (p[0] - x0) ** 2 + (p[1] - y0) ** 2;
    if (d2 > farD2) [far, farD2] = [p, d2];
  }
  const dx = far[0] - x0;
  const dy = far[1] - y0;
  for (const [x, y] of ring) {
    const cross = dx * (y - y0) - dy * (x - x0);
    if (cross * cross > ZERO_AREA * ZERO_AREA * farD2 * farD2) return false;
  }
  return true;
}

/** Checks each ring on its own: closed, three distinct points, some area. */
function checkRings(polygons: Pos[][][], multi: boolean, problems: PolygonProblem[]) {
  const clean: { polygon: number; ring: number; positions: Pos[]; index: number[] }[] = [];
  polygons.forEach((rings, pi) => {
    rings.forEach((ring, ri) => {
      const where = place(multi, pi, ri);
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) {
        problems.push(
          problem(
            'unclosed_ring',
            where,
            `not closed: the last position ${quote(last)} must repeat the first ${quote(first)}`,
            last,
          ),
        );
        return;
      }
      const d = dedupeRing(ring);
      const distinct = new Set(d.ring.map((p) => `${p[0]},${p[1]}`)).size;
      if (distinct < 3) {
        problems.push(
          problem('too_few_points', where, `only ${distinct} distinct points; a ring needs at least 3`),
        );
        return;
      }
      if (collinear(d.ring)) {
        problems.push(problem('zero_area', where, 'zero area: its points lie on one line'));
        return;
      }
      clean.push({ polygon: pi, ring: ri, positions: d.ring, index: d.index });
    });
  });
  return clean;
}

/**
 * Whether the ring lies inside the shape, judged at its first vertex (else edge midpoint) off the
 * shape's outline; null when none is off it. Meaningful when the two touch at points at most.
 */
function ringInside(shape: ShapeEdges, ring: Pos[]): { inside: boolean; lngLat: Pos } | null {
  const n = ring.length - 1;
  for (let i = 0; i < 2 * n; i++) {
    const [x, y]: Pos =
      i < n
        ? ring[i]
        : [(ring[i - n][0] + ring[i - n + 1][0]) / 2, (ring[i - n][1] + ring[i - n + 1][1]) / 2];
    const k = rayCrossings(shape.edges, null, 0, shape.edgeCount, x, y);
    if (k !== ON_EDGE) return { inside: (k & 1) === 1, lngLat: [x, y] };
  }
  return null;
}

/**
 * Checks each polygon on its own: no ring crosses itself or another, rings share no stretch of
 * edge, and holes lie inside the outer ring. Different rings may touch at single points (a hole
 * touching its outer ring at a vertex), as in the OGC simple-features rules: counting by parity
 * over all rings stays right when they only touch, and merged parts come out of turf that way.
 */
function checkParts(
  polygons: Pos[][][],
  clean: ReturnType<typeof checkRings>,
  multi: boolean,
  problems: PolygonProblem[],
) {
  polygons.forEach((_, pi) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const own = clean.filter((r) => r.polygon === pi);
    const rings = own.map((r) => r.positions as Ring);
    for (const hit of findIntersections(rings, 5, (h) => onlyTouch(rings, h))) {
      const a = own[hit.a.ring];
      const b = own[hit.b.ring];
      const va = a.index[hit.a.edge];
      const vb = b.index[hit.b.edge];
      const other = a === b ? `vertex ${vb}` : `${place(multi, b.polygon, b.ring, vb)}`;
      const touches = hit.kind !== 'cross';
      const at = hit.lngLat.map((v) => Number(v.toFixed(7))) as Pos;
      problems.push(
        problem(
          'self_intersection',
          place(multi, a.polygon, a.ring, va),
          `self-intersection: the edge from vertex ${va} ${touches ? 'touches' : 'crosses'} the edge from ${other} at ${quote(at)}`,
          at,
        ),
      );
    }
  });
  if (problems.length > 0) return;
  polygons.forEach((rings, pi) => {
    const outer = shapeEdges({ type: 'Polygon', coordinates: [rings[0]] });
    for (let ri = 1; ri < rings.length; ri++) {
      const side = ringInside(outer, rings[ri]);
      if (side && !side.inside) {
        problems.push(
          problem(
            'hole_outside',
            place(multi, pi, ri),
            `hole lies outside its outer ring (ring 0)`,
            side.lngLat,
          ),
        );
      }
    }
  });
}

/**
 * Checks that no part lies inside another. Parts whose outlines cross or share a stretch are merged
 * before this; a part inside another that touches it at points at most is refused rather than
 * merged, because it is most often a hole written as a part of its own, and merging would drop it
 * silently. `sources` names each part by the input part it came from.
 */
function checkApart(polygons: Pos[][][], sources: number[][], problems: PolygonProblem[]) {
  if (polygons.length < 2) return;
  const parts = polygons.map((rings) => shapeEdges({ type: 'Polygon', coordinates: rings }));
  for (let i = 0; i < polygons.length && problems.length < MAX_PROBLEMS; i++) {
    for (let j = 0; j < polygons.length; j++) {
      const side = i === j ? null : ringInside(parts[j], polygons[i][0]);
      if (side?.inside) {
        const [si, sj] = [sources[i][0], sources[j][0]];
        problems.push(
          problem(
            'overlapping_polygons',
            place(true, si),
            `polygon ${si} lies inside polygon ${sj}; parts of a MultiPolygon must not overlap`,
            side.lngLat,
          ),
        );
        break;
      }
    }
  }
}

/** The problems of a shape's rings and of how they sit in each polygon, in stages. */
function layoutProblems(polygons: Pos[][][], multi: boolean): PolygonProblem[] {
  const problems: PolygonProblem[] = [];
  const clean = checkRings(polygons, multi, problems);
  if (problems.length === 0) checkParts(polygons, clean, multi, problems);
  return problems;
}

/**
 * Merges the parts that touch along an edge or overlap, then checks the outcome: valid as it
 * would be if sent again, and no part inside another. Merging lives in validation rather than in
 * each caller so that every shape the counting sees has parts that do not overlap, whoever sends
 * it (key areas drawn by leaders and imported village boundaries alike).
 */
function mergeParts(polygons: Pos[][][], multi: boolean): DissolvedParts | { problems: PolygonProblem[] } {
  const read: Polygonal = multi
    ? { type: 'MultiPolygon', coordinates: polygons }
    : { type: 'Polygon', coordinates: polygons[0] };
  let merged: DissolvedParts;
  try {
    merged = dissolveParts(read);
  } catch (err) {
    // clipping libraries have thrown on numerically hard inputs before: a clear refusal, not a 500
    const what = `the parts touch or overlap and could not be merged (${(err as Error).message}); dissolve them before sending`;
    return { problems: [problem('overlapping_polygons', 'geometry', what)] };
  }
  const parts = polygonsOf(merged.geometry) as Pos[][][];
  // turf's union is valid by construction; this keeps the promise that a merged shape, sent back, passes
  const problems = merged.dissolved
    ? layoutProblems(parts, parts.length > 1).map((p) => ({
        ...p,
        message: `after merging the parts that touch: ${p.message}`,
      }))
    : [];
  if (problems.length === 0) checkApart(parts, merged.sources, problems);
  return problems.length > 0 ? { problems } : merged;
}

/**
 * Validates a GeoJSON Polygon or MultiPolygon (or a Feature holding one) as a key-area shape.
 * Returns the geometry with positions reduced to [lng, lat] (parts that touch along an edge or
 * overlap merged into one, and `dissolved` saying so), or every problem found, each saying what is
 * wrong and where. Checks run in stages; a stage runs only if the ones before it passed.
 */
export function validatePolygon(input: unknown, options: PolygonValidationOptions = {}): PolygonValidation {
  const maxVertices = options.maxVertices ?? MAX_VERTICES;
  const unwrapped = unwrap(input);
  if (!('geometry' in unwrapped)) return { ok: false, problems: [unwrapped] };
  const { geometry } = unwrapped;
  const multi = geometry.type === 'MultiPolygon';
  const problems: PolygonProblem[] = [];
  const polygons = readPolygons(geometry, problems);
  if (problems.length > 0) return { ok: false, problems };

  let vertices = 0;
  for (const rings of polygons) for (const ring of rings) vertices += Math.max(0, ring.length - 1);
  if (vertices > maxVertices) {
    const what = `has ${vertices.toLocaleString('en')} vertices; at most ${maxVertices.toLocaleString('en')} are allowed (simplify the shape)`;
    return { ok: false, problems: [problem('too_many_vertices', 'geometry', what)] };
  }

  problems.push(...layoutProblems(polygons, multi));
  if (problems.length > 0) return { ok: false, problems };

  const merged = mergeParts(polygons, multi);
  if ('problems' in merged) return { ok: false, problems: merged.problems };
  const result = merged.geometry;
  if (
    options.township &&
    options.township.length > 0 &&
    !options.township.some((t) => booleanIntersects(result, t))
  ) {
    const what =
      'the shape lies entirely outside the township; check the coordinates and their system (web-map GCJ-02 positions are several hundred metres off)';
    return { ok: false, problems: [problem('outside_township', 'geometry', what)] };
  }
  const { partsBefore, partsAfter } = merged;
  return { ok: true, geometry: result, dissolved: merged.dissolved ? { partsBefore, partsAfter } : null };
}
