/** A uniform grid of cells over lng/lat (or any x/y), row-major, cell (r, c) at index r * nx + c. */
export interface GridSpec {
  minX: number;
  minY: number;
  cellW: number;
  cellH: number;
  nx: number;
  ny: number;
}

/**
 * A grid over [minX, maxX] × [minY, maxY] with about `cells` cells, as square as `xScale` makes
 * them (pass cos(latitude) so lng/lat cells are square on the ground).
 */
export function gridOver(
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
  cells: number,
  xScale = 1,
): GridSpec {
  const spanX = (maxX - minX) * xScale;
  const spanY = maxY - minY;
  const side = Math.sqrt(Math.max(spanX * spanY, 1e-24) / Math.max(1, cells));
  const nx = Math.max(1, Math.min(4096, Math.ceil(spanX / side)));
  const ny = Math.max(1, Math.min(4096, Math.ceil(spanY / side)));
  // a hair wider than span / n, so that maxX and maxY fall inside the last cell, not past it
  const cellW = ((maxX - minX) / nx) * (1 + 1e-9) + 1e-12;
  const cellH = ((maxY - minY) / ny) * (1 + 1e-9) + 1e-12;
  return { minX, minY, cellW, cellH, nx, ny };
}

/** Column of x, clamped to the grid (monotonic in x, which the area index relies on). */
export function colOf(g: GridSpec, x: number): number {
  const c = Math.floor((x - g.minX) / g.cellW);
  return c < 0 ? 0 : c >= g.nx ? g.nx - 1 : c;
}

/** Row of y, clamped to the grid (monotonic in y). */
export function rowOf(g: GridSpec, y: number): number {
  const r = Math.floor((y - g.minY) / g.cellH);
  return r < 0 ? 0 : r >= g.ny ? g.ny - 1 : r;
}

/**
 * Margin by which cell runs over-cover a segment to absorb rounding: a millionth of a cell plus
 * 1e-9 (a tenth of a millimetre in degrees, yet thousands of times the rounding error at lng 120).
 */
const MARGIN = 1e-6;
const ABSOLUTE_MARGIN = 1e-9;

/**
 * Calls visit(row, fromCol, toCol) for each row of cells the segment may touch: a superset of the
 * cells it passes through (it never misses one, it may add a neighbour), in O(cells visited).
 */
export function forEachCellRun(
  g: GridSpec,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  visit: (row: number, fromCol: number, toCol: number) => void,
): void {
  const mx = g.cellW * MARGIN + ABSOLUTE_MARGIN;
  const my = g.cellH * MARGIN + ABSOLUTE_MARGIN;
  const ylo = Math.min(y1, y2);
  const yhi = Math.max(y1, y2);
  const xlo = Math.min(x1, x2);
  const xhi = Math.max(x1, x2);
  const r0 = rowOf(g, ylo - my);
  const r1 = rowOf(g, yhi + my);
  // Flat segments span at most two rows: take their whole x-range rather than trust a steep slope.
  if (yhi - ylo < g.cellH || r0 === r1) {
    const c0 = colOf(g, xlo - mx);
    const c1 = colOf(g, xhi + mx);
    for (let r = r0; r <= r1; r++) visit(r, c0, c1);
    return;
  }
  const slope = (x2 - x1) / (y2 - y1);
  const xAt = (y: number) => x1 + (y - y1) * slope;
  for (let r = r0; r <= r1; r++) {
    const lo = r === 0 ? ylo : Math.max(ylo, g.minY + r * g.cellH - my);
    const hi = r === g.ny - 1 ? yhi : Math.min(yhi, g.minY + (r + 1) * g.cellH + my);
    const xa = xAt(lo);
    const xb = xAt(hi);
    visit(r, colOf(g, Math.max(xlo, Math.min(xa, xb)) - mx), colOf(g, Math.min(xhi, Math.max(xa, xb)) + mx));
  }
}
