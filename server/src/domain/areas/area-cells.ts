import type { AreaIndex } from './area-index';
import { colOf, forEachCellRun, rowOf } from './grid-cells';
import type { ShapeEdges } from './point-in-polygon';

export const OUTSIDE = 0;
export const INSIDE = 1;
export const BOUNDARY = 2;

/**
 * The index's cells under a shape's bounding box, each wholly INSIDE, wholly OUTSIDE, or on the
 * BOUNDARY (an edge may pass through it), plus the shape's edges bucketed by grid row so that a
 * point of a boundary cell is tested against the few edges of its own row only.
 */
export interface CellCover {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  /** state[(r - r0) * width + (c - c0)] */
  state: Uint8Array;
  width: number;
  /** Edge ids (into shape.edges) of grid row r: rowEdges[rowEdgeStart[r - r0] .. rowEdgeStart[r - r0 + 1]). */
  rowEdgeStart: Uint32Array;
  rowEdges: Uint32Array;
}

/** Classifies the index's cells against the shape. O(edges + cells under the bounding box). */
export function coverCells(index: AreaIndex, shape: ShapeEdges): CellCover | null {
  const g = index.grid;
  const [w, s, e, n] = shape.bbox;
  const gridMaxX = g.minX + g.nx * g.cellW;
  const gridMaxY = g.minY + g.ny * g.cellH;
  if (shape.edgeCount === 0 || e < g.minX || w > gridMaxX || n < g.minY || s > gridMaxY) return null;
  const c0 = colOf(g, w);
  const c1 = colOf(g, e);
  const r0 = rowOf(g, s);
  const r1 = rowOf(g, n);
  const width = c1 - c0 + 1;
  const height = r1 - r0 + 1;
  const edges = shape.edges;

  // Edge buckets by row. rowOf is monotonic, so an edge whose y-range holds a point's y is in
  // the bucket of that point's row: every edge that can touch its ray or hold it is there.
  const rowEdgeStart = new Uint32Array(height + 1);
  const rowsOfEdge = (k: number): [number, number] => {
    const ya = edges[4 * k + 1];
    const yb = edges[4 * k + 3];
    return [Math.max(r0, rowOf(g, Math.min(ya, yb))), Math.min(r1, rowOf(g, Math.max(ya, yb)))];
  };
  for (let k = 0; k < shape.edgeCount; k++) {
    const [a, b] = rowsOfEdge(k);
    for (let r = a; r <= b; r++) rowEdgeStart[r - r0 + 1]++;
  }
  for (let r = 0; r < height; r++) rowEdgeStart[r + 1] += rowEdgeStart[r];
  const rowEdges = new Uint32Array(rowEdgeStart[height]);
  const fill = rowEdgeStart.slice(0, height);
  for (let k = 0; k < shape.edgeCount; k++) {
    const [a, b] = rowsOfEdge(k);
    for (let r = a; r <= b; r++) rowEdges[fill[r - r0]++] = k;
  }

  const state = new Uint8Array(width * height);
  for (let k = 0; k < shape.edgeCount; k++) {
    forEachCellRun(g, edges[4 * k], edges[4 * k + 1], edges[4 * k + 2], edges[4 * k + 3], (r, a, b) => {
      if (r < r0 || r > r1) return;
      const base = (r - r0) * width - c0;
      for (let c = Math.max(a, c0); c <= Math.min(b, c1); c++) state[base + c] = BOUNDARY;
    });
  }

  // The other cells hold no edge, so each is wholly in or out, like its centre: count the edges
  // crossing the row's centre line to the left of each centre. No edge comes near a clean cell,
  // so rounding in the crossing's x cannot move it past a centre.
  const crossings: number[] = [];
  for (let r = r0; r <= r1; r++) {
    const yc = g.minY + (r + 0.5) * g.cellH;
    crossings.length = 0;
    for (let j = rowEdgeStart[r - r0]; j < rowEdgeStart[r - r0 + 1]; j++) {
      const o = 4 * rowEdges[j];
      const [x1, y1, x2, y2] = [edges[o], edges[o + 1], edges[o + 2], edges[o + 3]];
      if (y1 > yc !== y2 > yc) crossings.push(x1 + ((yc - y1) / (y2 - y1)) * (x2 - x1));
    }
    crossings.sort((a, b) => a - b);
    let left = 0;
    const base = (r - r0) * width;
    for (let c = c0; c <= c1; c++) {
      const xc = g.minX + (c + 0.5) * g.cellW;
      while (left < crossings.length && crossings[left] < xc) left++;
      if (state[base + c - c0] !== BOUNDARY) state[base + c - c0] = left & 1 ? INSIDE : OUTSIDE;
    }
  }
  return { r0, r1, c0, c1, state, width, rowEdgeStart, rowEdges };
}
