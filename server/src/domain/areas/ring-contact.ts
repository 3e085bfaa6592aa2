import { crossSign } from './exact-cross-sign';
import type { Intersection, Ring } from './segment-intersections';

type P = readonly [number, number];

/** The ring's positions just before and after p, which lies on its edge `edge`; `straight` when p is inside that edge. */
function around(ring: Ring, edge: number, p: P): { prev: P; next: P; straight: boolean } {
  const n = ring.length - 1;
  const same = (q: P) => q[0] === p[0] && q[1] === p[1];
  if (same(ring[edge])) return { prev: ring[(edge - 1 + n) % n], next: ring[edge + 1], straight: false };
  if (same(ring[edge + 1])) return { prev: ring[edge], next: ring[(edge + 2) % n], straight: false };
  return { prev: ring[edge], next: ring[edge + 1], straight: true };
}

const cross = (u: P, w: P) => crossSign(u[0], u[1], w[0], w[1]);
const along = (u: P, w: P) => cross(u, w) === 0 && u[0] * w[0] + u[1] * w[1] > 0;

/** Whether direction w lies strictly inside the counter-clockwise turn from u to v. */
function inTurn(u: P, v: P, w: P): boolean {
  const uv = cross(u, v);
  if (uv > 0) return cross(u, w) > 0 && cross(w, v) > 0;
  if (uv < 0) return !(cross(v, w) >= 0 && cross(w, u) >= 0);
  return cross(u, w) > 0;
}

/**
 * Whether two different rings that meet at one point (a touch found by findIntersections) pass
 * through each other there, rather than only touching. A touch leaves ring b's two edges at the
 * point on the same side of ring a; a crossing puts them on opposite sides, so one ring's inside
 * reaches into the other's even though no two edges cross between vertices. Edges running along
 * each other count as crossing (that stretch is reported as an overlap anyway).
 */
export function crossesAt(rings: readonly Ring[], hit: Intersection): boolean {
  const p = hit.lngLat;
  const a = around(rings[hit.a.ring], hit.a.edge, p);
  const b = around(rings[hit.b.ring], hit.b.edge, p);
  const rel = (q: P): P => [q[0] - p[0], q[1] - p[1]];
  if (a.straight && b.straight) return true;
  if (a.straight || b.straight) {
    const [line, other] = a.straight ? [a, b] : [b, a];
    const [x0, y0] = line.prev;
    const side = (q: P) => crossSign(line.next[0] - x0, line.next[1] - y0, q[0] - x0, q[1] - y0);
    const s1 = side(other.prev);
    const s2 = side(other.next);
    return s1 === 0 || s2 === 0 || s1 !== s2;
  }
  const [u, v, w1, w2] = [rel(a.next), rel(a.prev), rel(b.prev), rel(b.next)];
  if (along(u, w1) || along(u, w2) || along(v, w1) || along(v, w2)) return true;
  return inTurn(u, v, w1) !== inTurn(u, v, w2);
}

/** Whether two different rings meet at `hit` only by touching at a point, which a valid shape may do. */
export function onlyTouch(rings: readonly Ring[], hit: Intersection): boolean {
  return hit.kind === 'touch' && hit.a.ring !== hit.b.ring && !crossesAt(rings, hit);
}
