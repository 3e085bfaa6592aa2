import { STATUSES } from '@domain/statuses';
import type { PremiseCellsData } from './premises-binary';

/** A big record's cells as the map draws them: per row, a dot for one status of one cell. */
export interface CellPoints {
  length: number;
  /** lng/lat interleaved: the cell's centre moved a little towards its status's place on a ring. */
  positions: Float32Array;
  /** Dot radius in pixels (before the page's pixel scale), growing with the square root of the count. */
  radii: Float32Array;
  colors: Uint8Array;
  /** [from, to) per row, campaign days: the timeline filters the rows on the GPU, as it does points. */
  filterValues: Float32Array;
  /** Premises of each row, for the tooltip. */
  counts: Uint32Array;
  /** The unlicensed premises of the cells over time, for the heatmap: per row its cell's position, count and [from, to). */
  unlicensed: { positions: Float32Array; counts: Uint32Array; from: Float32Array; to: Float32Array };
}

/** Heatmap input: positions (lng/lat interleaved) and a weight each, or null for a weight of 1 each. */
export interface HeatPoints {
  positions: Float32Array;
  weights: Float32Array | null;
}

const MIN_RADIUS = 3;
const MAX_RADIUS = 14;

/**
 * Lays the cell rows out for the map: the statuses of a cell sit on a small ring around its
 * premises' mean position (a fifth of a cell out), each dot sized by its count against the largest.
 */
export function cellPoints(cells: PremiseCellsData): CellPoints {
  const n = cells.rowCount;
  const positions = new Float32Array(n * 2);
  const radii = new Float32Array(n);
  const colors = new Uint8Array(n * 4);
  const filterValues = new Float32Array(n * 2);
  let most = 1;
  for (let k = 0; k < n; k++) most = Math.max(most, cells.count[k]);
  const ring = cells.cellSize * 0.2;
  for (let k = 0; k < n; k++) {
    const c = cells.cell[k];
    const s = cells.status[k];
    const angle = (2 * Math.PI * s) / STATUSES.length;
    positions[2 * k] = cells.cellPosition[2 * c] + ring * Math.cos(angle);
    positions[2 * k + 1] = cells.cellPosition[2 * c + 1] + ring * Math.sin(angle);
    radii[k] = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(cells.count[k] / most);
    const color = STATUSES[s]?.color ?? [128, 128, 128];
    colors.set([color[0], color[1], color[2], 210], 4 * k);
    filterValues[2 * k] = cells.from[k];
    filterValues[2 * k + 1] = cells.to[k];
  }
  const u = cells.unlicensedRowCount;
  const heatPositions = new Float32Array(u * 2);
  for (let k = 0; k < u; k++) {
    const c = cells.unlicensedCell[k];
    heatPositions[2 * k] = cells.cellPosition[2 * c];
    heatPositions[2 * k + 1] = cells.cellPosition[2 * c + 1];
  }
  return {
    length: n,
    positions,
    radii,
    colors,
    filterValues,
    counts: cells.count.slice(),
    unlicensed: {
      positions: heatPositions,
      counts: cells.unlicensedCount.slice(),
      from: cells.unlicensedFrom.slice(),
      to: cells.unlicensedTo.slice(),
    },
  };
}

/**
 * Where the unlicensed premises are on `day` (days since the campaign start), from the cells: each
 * cell's position weighted by how many of its premises lack a licence then. O(unlicensed rows) a
 * scrub step, on the CPU: deck.gl's heatmap takes no GPU filter.
 */
export function cellHeatAt(cells: CellPoints, day: number): HeatPoints {
  const { positions, counts, from, to } = cells.unlicensed;
  const outPositions = new Float32Array(counts.length * 2);
  const weights = new Float32Array(counts.length);
  let n = 0;
  for (let k = 0; k < counts.length; k++) {
    if (from[k] > day || day >= to[k]) continue;
    outPositions[2 * n] = positions[2 * k];
    outPositions[2 * n + 1] = positions[2 * k + 1];
    weights[n++] = counts[k];
  }
  return { positions: outPositions.slice(0, 2 * n), weights: weights.slice(0, n) };
}
