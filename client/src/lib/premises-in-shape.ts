import {
  ON_EDGE,
  type Polygonal,
  pointInShape,
  rayCrossings,
  type ShapeEdges,
  shapeEdges,
} from '@domain/areas/point-in-polygon';
import type { PremisesData } from './premises-binary';

/**
 * How far (in degrees) the layer's float32 position of a premise may lie from the float64 one the
 * server holds: half a float32 step at longitude 180 is 2^-17·… ≈ 7.6e-6 / 2; 1e-5 covers it with room.
 */
export const FLOAT32_SLACK_DEGREES = 1e-5;

/** Which premises of the layer lie in a shape. */
export interface ShapeMembership {
  /** 1 for each premise row inside (boundary included), 0 otherwise. */
  inside: Uint8Array;
  count: number;
  /**
   * Premise rows within the float32 slack of an edge: the server, which holds float64 positions,
   * may place them on the other side. When there are none the client's answer is exactly the
   * server's; settleMembership() decides them from their exact positions.
   */
  uncertain: Uint32Array;
}

/** Squared distance from (x, y) to the segment (x1, y1)–(x2, y2), in degree units. */
function segmentDistance2(x: number, y: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - x1) * dx + (y - y1) * dy) / len2));
  const ex = x1 + t * dx - x;
  const ey = y1 + t * dy - y;
  return ex * ex + ey * ey;
}

function nearAnEdge(shape: ShapeEdges, x: number, y: number, slack: number): boolean {
  const e = shape.edges;
  const slack2 = slack * slack;
  for (let o = 0; o < shape.edgeCount * 4; o += 4) {
    if (Math.min(e[o], e[o + 2]) - slack > x || Math.max(e[o], e[o + 2]) + slack < x) continue;
    if (Math.min(e[o + 1], e[o + 3]) - slack > y || Math.max(e[o + 1], e[o + 3]) + slack < y) continue;
    if (segmentDistance2(x, y, e[o], e[o + 1], e[o + 2], e[o + 3]) <= slack2) return true;
  }
  return false;
}

/**
 * The premises inside a (validated) Polygon or MultiPolygon, with the server's own exact test
 * (pointInShape: boundary included, half-open at vertices), run on the layer's positions.
 * O(premises in the bounding box × edges), typed arrays only.
 */
export function premisesInShape(
  data: PremisesData,
  geometry: Polygonal,
  slackDegrees = FLOAT32_SLACK_DEGREES,
): ShapeMembership {
  const shape = shapeEdges(geometry);
  const [w, s, e, n] = shape.bbox;
  const inside = new Uint8Array(data.premiseCount);
  let count = 0;
  const uncertain: number[] = [];
  const pos = data.position;
  for (let p = 0; p < data.premiseCount; p++) {
    const x = pos[p * 2];
    const y = pos[p * 2 + 1];
    if (x < w - slackDegrees || x > e + slackDegrees || y < s - slackDegrees || y > n + slackDegrees)
      continue;
    if (nearAnEdge(shape, x, y, slackDegrees)) uncertain.push(p);
    if (x < w || x > e || y < s || y > n) continue;
    const k = rayCrossings(shape.edges, null, 0, shape.edgeCount, x, y);
    if (k === ON_EDGE || (k & 1) === 1) {
      inside[p] = 1;
      count++;
    }
  }
  return { inside, count, uncertain: Uint32Array.from(uncertain) };
}

/**
 * Decides the uncertain premises from their exact (float64) positions, as the server holds them,
 * with the server's test: the result is the server's answer for every premise given a position.
 * `exact` maps premise rows to [lng, lat]; rows without one stay uncertain.
 */
export function settleMembership(
  m: ShapeMembership,
  geometry: Polygonal,
  exact: ReadonlyMap<number, readonly [number, number]>,
): ShapeMembership {
  const shape = shapeEdges(geometry);
  const inside = m.inside.slice();
  let count = m.count;
  const uncertain: number[] = [];
  for (const p of m.uncertain) {
    const position = exact.get(p);
    if (!position) {
      uncertain.push(p);
      continue;
    }
    const now = pointInShape(shape, position[0], position[1]) ? 1 : 0;
    count += now - inside[p];
    inside[p] = now;
  }
  return { inside, count, uncertain: Uint32Array.from(uncertain) };
}
