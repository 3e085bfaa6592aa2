import { booleanIntersects } from '@turf/turf';
import { type Polygonal, pointInShape, shapeEdges } from './point-in-polygon';
import { readPolygons, unwrap } from './polygon-input';
import { type PolygonProblem, type Pos, place, problem, quote } from './polygon-problem';
import { findIntersections, type Ring } from './segment-intersections';

export type { PolygonProblem, PolygonProblemCode } from './polygon-problem';

export interface PolygonValidationOptions {
  /** Most vertices the shape may have, over all rings (closing positions not counted). */
  maxVertices?: number;
  /** The township outline(s): a shape touching none of them is refused. */
  township?: readonly Polygonal[];
}

export type PolygonValidation = { ok: true; geometry: Polygonal } | { ok: false; problems: PolygonProblem[] };

export const MAX_VERTICES = 5000;
/** Most problems reported before giving up listing them. */
const MAX_PROBLEMS = 20;
/** Points off the line by less than this fraction of the ring's length count as on it (zero area). */
const ZERO_AREA = 1e-9;

/** The ring without consecutive repeats, and for each kept position its index in the input. */
function dedupe(ring: Pos[]): { ring: Pos[]; index: number[] } {
  const out: Pos[] = [];
  const index: number[] = [];
  ring.forEach((p, i) => {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) return;
    out.push(p);
    index.push(i);
  });
  return { ring: out, index };
}

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
      const d = dedupe(ring);
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

/** Checks how rings and polygons sit together: no crossing or touching, holes inside, parts apart. */
function checkLayout(
  polygons: Pos[][][],
  clean: ReturnType<typeof checkRings>,
  multi: boolean,
  problems: PolygonProblem[],
) {
  const hits = findIntersections(
    clean.map((r) => r.positions as Ring),
    5,
  );
  for (const hit of hits) {
    const a = clean[hit.a.ring];
    const b = clean[hit.b.ring];
    const va = a.index[hit.a.edge];
    const vb = b.index[hit.b.edge];
    const other = a === b ? `vertex ${vb}` : `${place(multi, b.polygon, b.ring, vb)}`;
    const ends = [
      a.positions[hit.a.edge],
      a.positions[hit.a.edge + 1],
      b.positions[hit.b.edge],
      b.positions[hit.b.edge + 1],
    ];
    const touches = ends.some(([x, y]) => x === hit.lngLat[0] && y === hit.lngLat[1]);
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
  if (hits.length > 0) return;
  const outers = polygons.map((rings) => shapeEdges({ type: 'Polygon', coordinates: [rings[0]] }));
  polygons.forEach((rings, pi) => {
    for (let ri = 1; ri < rings.length; ri++) {
      const [x, y] = rings[ri][0];
      if (!pointInShape(outers[pi], x, y)) {
        problems.push(
          problem('hole_outside', place(multi, pi, ri), `hole lies outside its outer ring (ring 0)`, [x, y]),
        );
      }
    }
  });
  if (polygons.length < 2) return;
  const parts = polygons.map((rings) => shapeEdges({ type: 'Polygon', coordinates: rings }));
  for (let i = 0; i < polygons.length && problems.length < MAX_PROBLEMS; i++) {
    const [x, y] = polygons[i][0][0];
    for (let j = 0; j < polygons.length; j++) {
      if (i !== j && pointInShape(parts[j], x, y)) {
        problems.push(
          problem(
            'overlapping_polygons',
            place(multi, i),
            `polygon ${i} lies inside polygon ${j}; parts of a MultiPolygon must not overlap`,
            [x, y],
          ),
        );
        break;
      }
    }
  }
}

/**
 * Validates a GeoJSON Polygon or MultiPolygon (or a Feature holding one) as a key-area shape.
 * Returns the geometry with positions reduced to [lng, lat], or every problem found, each saying
 * what is wrong and where. Checks run in stages; a stage runs only if the ones before it passed.
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

  const clean = checkRings(polygons, multi, problems);
  if (problems.length > 0) return { ok: false, problems };
  checkLayout(polygons, clean, multi, problems);
  if (problems.length > 0) return { ok: false, problems };

  const result: Polygonal = multi
    ? { type: 'MultiPolygon', coordinates: polygons }
    : { type: 'Polygon', coordinates: polygons[0] };
  if (
    options.township &&
    options.township.length > 0 &&
    !options.township.some((t) => booleanIntersects(result, t))
  ) {
    const what =
      'the shape lies entirely outside the township; check the coordinates and their system (web-map GCJ-02 positions are several hundred metres off)';
    return { ok: false, problems: [problem('outside_township', 'geometry', what)] };
  }
  return { ok: true, geometry: result };
}
