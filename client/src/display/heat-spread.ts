/**
 * Heat cells as points for the heatmap. A cell the server merged to gather enough premises
 * (400 m, 800 m, 1.6 km) says only "this many somewhere in this square". Drawn as one point it
 * would look like a hot spot at its centre, and spread flat it would look like a lit tile; so its
 * count is spread over the finest cells it covers in a soft bell that fades towards its edges,
 * leaving out those outside the township (a square on its edge reaches where no premise is).
 */
export interface HeatSpread {
  /** [lng, lat] per point, flat. */
  positions: Float32Array;
  /** Each point's share of its cell's count (the shares of a cell add up to 1; 0 outside). */
  share: Float32Array;
  /** Points of cell i are [start[i], start[i + 1]). */
  start: Uint32Array;
  /** Finest cells of cell i that are inside the township: the area its count is spread over. */
  inside: Uint32Array;
}

/** Whether a position is in the township; every position is when the villages are not known. */
export type InsideTownship = (lng: number, lat: number) => boolean;

/** A bell across `side` steps: sin² at the steps' centres, so it fades to nothing at the edges. */
function bell(side: number): number[] {
  const b = Array.from({ length: side }, (_, i) => Math.sin((Math.PI * (i + 0.5)) / side) ** 2);
  const sum = b.reduce((a, x) => a + x, 0);
  return b.map((x) => x / sum);
}

/**
 * Points for the cells in `cells` (flat, `stride` numbers per cell: lng, lat, side in metres, …),
 * on the grid of the finest cell (`cellMeters`, `cellDegrees` = its [lng, lat] size in degrees).
 */
export function spreadHeatCells(
  cells: readonly number[],
  stride: number,
  cellMeters: number,
  cellDegrees: readonly [number, number],
  insideTownship: InsideTownship = () => true,
): HeatSpread {
  const n = Math.floor(cells.length / stride);
  const side = (i: number) => Math.max(1, Math.round(cells[i * stride + 2] / cellMeters));
  const start = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + side(i) ** 2;
  const positions = new Float32Array(2 * start[n]);
  const share = new Float32Array(start[n]);
  const inside = new Uint32Array(n);
  const [dLng, dLat] = cellDegrees;
  for (let i = 0; i < n; i++) {
    const s = side(i);
    const b = bell(s);
    const lng = cells[i * stride];
    const lat = cells[i * stride + 1];
    const keep: boolean[] = [];
    for (let y = 0, p = start[i]; y < s; y++) {
      for (let x = 0; x < s; x++, p++) {
        positions[2 * p] = lng + (x + 0.5 - s / 2) * dLng;
        positions[2 * p + 1] = lat + (y + 0.5 - s / 2) * dLat;
        share[p] = b[x] * b[y];
        // a finest cell always counts: its premises are there
        keep.push(s === 1 || insideTownship(positions[2 * p], positions[2 * p + 1]));
      }
    }
    // a merged cell wholly outside (premises placed off the map) keeps its whole square
    const kept = keep.some(Boolean) ? keep : keep.map(() => true);
    let total = 0;
    kept.forEach((k, j) => {
      if (k) total += share[start[i] + j];
      else share[start[i] + j] = 0;
    });
    for (let p = start[i]; p < start[i + 1]; p++) share[p] /= total;
    inside[i] = kept.filter(Boolean).length;
  }
  return { positions, share, start, inside };
}

/**
 * Writes the weights of cell i holding `count` into `weights`; returns the cell's heat, the weight
 * its points have on average. That is the square root of the count per finest cell: the screen
 * must show a thin spread of unlicensed shops as well as a dense cluster, and on a linear scale
 * the spread would fall below the heatmap's threshold beside the cluster (denser stays hotter).
 */
export function spreadCount(spread: HeatSpread, weights: Float32Array, i: number, count: number): number {
  const area = spread.inside[i];
  const heat = Math.sqrt(count / area);
  for (let p = spread.start[i]; p < spread.start[i + 1]; p++) weights[p] = heat * area * spread.share[p];
  return heat;
}
