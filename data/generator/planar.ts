import type { XY } from './local-frame';

/** Closed ring: the first point repeated at the end. */
export type Ring = XY[];

/** Signed area by the shoelace formula (positive when counter-clockwise). */
export function ringArea(ring: readonly XY[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
}

/** Even-odd ray cast; works on closed or open rings and on any planar units. */
export function pointInRing(x: number, y: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function pointInPolygon(
  x: number,
  y: number,
  rings: readonly (readonly (readonly number[])[])[],
): boolean {
  if (!pointInRing(x, y, rings[0])) return false;
  for (let k = 1; k < rings.length; k++) if (pointInRing(x, y, rings[k])) return false;
  return true;
}

export function bboxOf(points: readonly (readonly number[])[]): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (p[0] < minX) minX = p[0];
    if (p[1] < minY) minY = p[1];
    if (p[0] > maxX) maxX = p[0];
    if (p[1] > maxY) maxY = p[1];
  }
  return [minX, minY, maxX, maxY];
}

export function distance(a: XY, b: XY): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

export function polylineLength(line: readonly XY[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += distance(line[i - 1], line[i]);
  return total;
}

/** The point `metres` along a polyline and the unit direction of its segment there. */
export function pointAlong(line: readonly XY[], metres: number): { xy: XY; dir: XY } {
  let left = metres;
  for (let i = 1; i < line.length; i++) {
    const len = distance(line[i - 1], line[i]);
    if (left <= len || i === line.length - 1) {
      const t = len === 0 ? 0 : Math.min(1, left / len);
      const dx = line[i][0] - line[i - 1][0];
      const dy = line[i][1] - line[i - 1][1];
      return {
        xy: [line[i - 1][0] + dx * t, line[i - 1][1] + dy * t],
        dir: len === 0 ? [1, 0] : [dx / len, dy / len],
      };
    }
    left -= len;
  }
  return { xy: line[0], dir: [1, 0] };
}

/** Parameter t along a→b where it crosses c→d, or null when the segments do not cross. */
function crossing(a: XY, b: XY, c: XY, d: XY): number | null {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
  const u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / den;
  return t > 0 && t < 1 && u >= 0 && u <= 1 ? t : null;
}

/** The pieces of a polyline that lie inside a ring, split where it crosses the ring. */
export function clipPolyline(line: readonly XY[], ring: Ring): XY[][] {
  const pieces: XY[][] = [];
  let current: XY[] = [];
  for (let i = 0; i < line.length - 1; i++) {
    const a = line[i];
    const b = line[i + 1];
    const ts: number[] = [0, 1];
    for (let k = 0; k < ring.length - 1; k++) {
      const t = crossing(a, b, ring[k], ring[k + 1]);
      if (t !== null) ts.push(t);
    }
    ts.sort((p, q) => p - q);
    for (let k = 0; k < ts.length - 1; k++) {
      const p: XY = [a[0] + (b[0] - a[0]) * ts[k], a[1] + (b[1] - a[1]) * ts[k]];
      const q: XY = [a[0] + (b[0] - a[0]) * ts[k + 1], a[1] + (b[1] - a[1]) * ts[k + 1]];
      const mid: XY = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
      if (pointInRing(mid[0], mid[1], ring)) {
        if (current.length === 0) current.push(p);
        current.push(q);
      } else if (current.length > 0) {
        pieces.push(current);
        current = [];
      }
    }
  }
  if (current.length > 0) pieces.push(current);
  return pieces.filter((piece) => piece.length >= 2);
}
