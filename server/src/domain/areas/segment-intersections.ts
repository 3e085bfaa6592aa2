import { crossSign } from './exact-cross-sign';
import { forEachCellRun, gridOver } from './grid-cells';

/** A ring as a closed list of positions (first equals last) without consecutive repeats. */
export type Ring = readonly (readonly [number, number])[];

/**
 * How two edges meet: their insides cross at one point, they share a stretch of positive length,
 * or they touch at one point that is an end of at least one of them.
 */
export type ContactKind = 'cross' | 'overlap' | 'touch';

/** Two edges that meet where they should not: edge `edge` of ring `ring` starts at that vertex. */
export interface Intersection {
  a: { ring: number; edge: number };
  b: { ring: number; edge: number };
  lngLat: [number, number];
  kind: ContactKind;
}

type P = readonly [number, number];

/** The ring without consecutive repeats, and for each kept position its index in the input. */
export function dedupeRing<T extends P>(ring: readonly T[]): { ring: T[]; index: number[] } {
  const out: T[] = [];
  const index: number[] = [];
  ring.forEach((p, i) => {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) return;
    out.push(p);
    index.push(i);
  });
  return { ring: out, index };
}

/** Orientation of (cx, cy) against the line a→b: 1 left, -1 right, 0 on it (exact for the differences). */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return crossSign(bx - ax, by - ay, cx - ax, cy - ay);
}

/** Whether (px, py), known to be collinear with a→b, lies within the segment's extent. */
function within(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** Whether collinear segments (x1, y1)–(x2, y2) and (x3, y3)–(x4, y4) share more than a point. */
function shareStretch(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  x4: number,
  y4: number,
) {
  // along the axis the segments run furthest on, so that a vertical pair is not read as a point
  const alongX =
    Math.max(Math.abs(x2 - x1), Math.abs(x4 - x3)) >= Math.max(Math.abs(y2 - y1), Math.abs(y4 - y3));
  const [a1, a2, b1, b2] = alongX ? [x1, x2, x3, x4] : [y1, y2, y3, y4];
  return Math.min(Math.max(a1, a2), Math.max(b1, b2)) > Math.max(Math.min(a1, a2), Math.min(b1, b2));
}

/** Where and how segments (s[i]..s[i+3]) and (s[j]..s[j+3]) of a flat array meet, or null. */
function meet(s: Float64Array, i: number, j: number): { at: [number, number]; kind: ContactKind } | null {
  const x1 = s[i];
  const y1 = s[i + 1];
  const x2 = s[i + 2];
  const y2 = s[i + 3];
  const x3 = s[j];
  const y3 = s[j + 1];
  const x4 = s[j + 2];
  const y4 = s[j + 3];
  // bounding boxes first: most pairs sharing a cell are far enough apart for this to settle it
  if (Math.max(x1, x2) < Math.min(x3, x4) || Math.max(x3, x4) < Math.min(x1, x2)) return null;
  if (Math.max(y1, y2) < Math.min(y3, y4) || Math.max(y3, y4) < Math.min(y1, y2)) return null;
  const d1 = orient(x3, y3, x4, y4, x1, y1);
  const d2 = orient(x3, y3, x4, y4, x2, y2);
  if (d1 * d2 > 0) return null;
  const d3 = orient(x1, y1, x2, y2, x3, y3);
  const d4 = orient(x1, y1, x2, y2, x4, y4);
  if (d1 * d2 < 0 && d3 * d4 < 0) {
    const t =
      ((x3 - x1) * (y4 - y3) - (y3 - y1) * (x4 - x3)) / ((x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3));
    return { at: [x1 + t * (x2 - x1), y1 + t * (y2 - y1)], kind: 'cross' };
  }
  const collinear = (d1 === 0 && d2 === 0) || (d3 === 0 && d4 === 0);
  const kind = collinear && shareStretch(x1, y1, x2, y2, x3, y3, x4, y4) ? 'overlap' : 'touch';
  if (d1 === 0 && within(x3, y3, x4, y4, x1, y1)) return { at: [x1, y1], kind };
  if (d2 === 0 && within(x3, y3, x4, y4, x2, y2)) return { at: [x2, y2], kind };
  if (d3 === 0 && within(x1, y1, x2, y2, x3, y3)) return { at: [x3, y3], kind };
  if (d4 === 0 && within(x1, y1, x2, y2, x4, y4)) return { at: [x4, y4], kind };
  return null;
}

/** Whether segments p1p2 and p3p4 meet (touching counts): where, or null. */
export function segmentsMeet(p1: P, p2: P, p3: P, p4: P): [number, number] | null {
  return meet(Float64Array.of(p1[0], p1[1], p2[0], p2[1], p3[0], p3[1], p4[0], p4[1]), 0, 4)?.at ?? null;
}

/** Whether edge b → c doubles back along a → b (a spike: the ring retraces itself). */
function doublesBack(s: Float64Array, k: number, next: number): boolean {
  const [ax, ay, bx, by] = [s[4 * k], s[4 * k + 1], s[4 * k + 2], s[4 * k + 3]];
  const cx = s[4 * next + 2];
  const cy = s[4 * next + 3];
  return orient(ax, ay, bx, by, cx, cy) === 0 && (cx - bx) * (bx - ax) + (cy - by) * (by - ay) < 0;
}

/**
 * Finds edges that cross, touch or overlap, within and between rings (edges next to each other in
 * a ring may share only their common vertex). Buckets edges into a grid of about one cell per edge
 * and tests pairs that share a cell, so a 5,000-vertex outline takes milliseconds. Stops at `limit`.
 * Meetings for which `skip` answers true are passed over and not counted towards the limit.
 */
export function findIntersections(
  rings: readonly Ring[],
  limit = 5,
  skip: (hit: Intersection) => boolean = () => false,
): Intersection[] {
  let n = 0;
  for (const ring of rings) n += Math.max(0, ring.length - 1);
  const found: Intersection[] = [];
  if (n === 0) return found;
  const seg = new Float64Array(4 * n);
  const ringOf = new Int32Array(n);
  const edgeOf = new Int32Array(n);
  const edgesInRing = new Int32Array(n);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let k = 0;
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++, k++) {
      const [x, y] = ring[i];
      seg.set([x, y, ring[i + 1][0], ring[i + 1][1]], 4 * k);
      ringOf[k] = r;
      edgeOf[k] = i;
      edgesInRing[k] = ring.length - 1;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  });
  const report = (i: number, j: number, at: [number, number], kind: ContactKind) => {
    const [x, y] = i < j ? [i, j] : [j, i];
    const hit: Intersection = {
      a: { ring: ringOf[x], edge: edgeOf[x] },
      b: { ring: ringOf[y], edge: edgeOf[y] },
      lngLat: at,
      kind,
    };
    if (!skip(hit)) found.push(hit);
  };

  // neighbours in a ring share a vertex by design; they are wrong only where the ring doubles back
  for (let k = 0; k < n && found.length < limit; k++) {
    if (edgesInRing[k] < 3) continue;
    const next = edgeOf[k] + 1 === edgesInRing[k] ? k - edgesInRing[k] + 1 : k + 1;
    if (doublesBack(seg, k, next)) report(k, next, [seg[4 * k + 2], seg[4 * k + 3]], 'overlap');
  }

  // cells as compressed lists: count, then fill
  const grid = gridOver(minX, minY, maxX, maxY, n);
  const cellStart = new Int32Array(grid.nx * grid.ny + 1);
  const each = (visit: (cell: number, k: number) => void) => {
    for (let k = 0; k < n; k++) {
      forEachCellRun(grid, seg[4 * k], seg[4 * k + 1], seg[4 * k + 2], seg[4 * k + 3], (row, c0, c1) => {
        for (let c = c0; c <= c1; c++) visit(row * grid.nx + c, k);
      });
    }
  };
  each((cell) => cellStart[cell + 1]++);
  for (let c = 0; c < grid.nx * grid.ny; c++) cellStart[c + 1] += cellStart[c];
  const members = new Int32Array(cellStart[grid.nx * grid.ny]);
  const fill = cellStart.slice(0, -1);
  each((cell, k) => {
    members[fill[cell]++] = k;
  });

  const seen = new Set<number>();
  for (let c = 0; c < grid.nx * grid.ny; c++) {
    for (let a = cellStart[c]; a < cellStart[c + 1]; a++) {
      const i = members[a];
      for (let b = a + 1; b < cellStart[c + 1]; b++) {
        const j = members[b];
        if (ringOf[i] === ringOf[j]) {
          const d = Math.abs(edgeOf[i] - edgeOf[j]);
          if (d === 1 || d === edgesInRing[i] - 1) continue;
        }
        const m = meet(seg, 4 * i, 4 * j);
        if (!m) continue;
        const key = Math.min(i, j) * n + Math.max(i, j);
        if (seen.has(key)) continue;
        seen.add(key);
        report(i, j, m.at, m.kind);
        if (found.length >= limit) return found;
      }
    }
  }
  return found;
}
