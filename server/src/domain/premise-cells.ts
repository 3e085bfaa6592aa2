import type { PremiseColumns } from './premise-columns';
import { WIRE_OPEN_END } from './premise-layer-codec';
import { STATUS_KEYS } from './statuses';

const S = STATUS_KEYS.length;

/**
 * The premises summed into square grid cells, as weighted interval rows the map filters on the GPU
 * as it filters premises: row k says that `count[k]` premises of cell `cell[k]` are in status
 * `status[k]` on the days d (since campaign start) with from[k] <= d < to[k]. So the timeline
 * stays a uniform update at any size. Days are counted in steps of `step` days: on day d a cell
 * shows its counts of day ⌊d / step⌋·step (with step 1, of day d itself).
 */
export interface PremiseCells {
  /** Cell edge in degrees of longitude and latitude. */
  cellSize: number;
  step: number;
  premiseCount: number;
  cellCount: number;
  /** Per cell: the mean position of its premises, lng/lat interleaved. */
  cellPosition: Float32Array;
  /** Per cell: premises in it, whatever their status. */
  cellPremises: Uint32Array;
  rowCount: number;
  cell: Uint32Array;
  status: Uint8Array;
  count: Uint32Array;
  from: Float32Array;
  to: Float32Array;
  /**
   * The unlicensed premises among them (for the heatmap), as rows of their own: `unlicensedCount[k]`
   * premises of cell `unlicensedCell[k]` lack a licence on the days with unlicensedFrom[k] <= d <
   * unlicensedTo[k] (and have a status the options keep).
   */
  unlicensedRowCount: number;
  unlicensedCell: Uint32Array;
  unlicensedCount: Uint32Array;
  unlicensedFrom: Float32Array;
  unlicensedTo: Float32Array;
}

export interface CellOptions {
  cellSize: number;
  /** Days per step, at least 1. */
  step: number;
  /** Only these premise rows (e.g. those in a box), else every row. */
  rows?: ArrayLike<number>;
  /** Only premises of these category indexes. */
  categories?: ReadonlySet<number>;
  /** Only rows of these status indexes. */
  statuses?: ReadonlySet<number>;
}

/** Cell edge in degrees that makes a cell about 32 screen pixels wide at web-map zoom `z`. */
export function cellSizeForZoom(z: number): number {
  return 360 / 2 ** z / 8;
}

const GRID = 2 ** 22;
/** Groups per cell: one per status, then one for the unlicensed premises (whatever their status). */
const G = S + 1;
const UNLICENSED = S;

/** Sums the premises of `cols` into cells (see PremiseCells); `startDay` is the campaign start (epoch day). */
export function premiseCells(cols: PremiseColumns, startDay: number, opts: CellOptions): PremiseCells {
  const { cellSize, step } = opts;
  const total = opts.rows ? opts.rows.length : cols.count;
  const cellOfKey = new Map<number, number>();
  const cellOfPremise = new Int32Array(total).fill(-1);
  const sums: number[] = [];
  let premiseCount = 0;
  let events = 0;
  for (let i = 0; i < total; i++) {
    const r = opts.rows ? opts.rows[i] : i;
    if (opts.categories && !opts.categories.has(cols.category[r])) continue;
    const key =
      (Math.floor(cols.lng[r] / cellSize) + GRID) * 2 * GRID + (Math.floor(cols.lat[r] / cellSize) + GRID);
    let c = cellOfKey.get(key);
    if (c === undefined) {
      c = cellOfKey.size;
      cellOfKey.set(key, c);
      sums.push(0, 0, 0);
    }
    cellOfPremise[i] = c;
    sums[3 * c] += cols.lng[r];
    sums[3 * c + 1] += cols.lat[r];
    sums[3 * c + 2]++;
    premiseCount++;
    // A +1 and a -1 per interval for its status, and as many again when it is unlicensed.
    for (let k = cols.intervalStart[r]; k < cols.intervalStart[r + 1]; k++)
      events += 2 + 2 * cols.unlicensed[k];
  }
  const cellCount = cellOfKey.size;
  const cellPosition = new Float32Array(cellCount * 2);
  const cellPremises = new Uint32Array(cellCount);
  for (let c = 0; c < cellCount; c++) {
    cellPremises[c] = sums[3 * c + 2];
    cellPosition[2 * c] = sums[3 * c] / sums[3 * c + 2];
    cellPosition[2 * c + 1] = sums[3 * c + 1] / sums[3 * c + 2];
  }

  // Each interval, its ends moved up to whole steps, is a +1 and a -1 for its (cell, status), and for
  // (cell, unlicensed) when it is. One number per change, ((cell·G + group)·span + day)·2 +
  // (start?1:0), sorts them with a native sort.
  const lowest = Math.floor(-GRID / step) * step;
  const span = Math.ceil((WIRE_OPEN_END + step) / step) * step - lowest + 1;
  const keys = new Float64Array(events);
  let n = 0;
  for (let i = 0; i < total; i++) {
    const c = cellOfPremise[i];
    if (c < 0) continue;
    const r = opts.rows ? opts.rows[i] : i;
    for (let k = cols.intervalStart[r]; k < cols.intervalStart[r + 1]; k++) {
      if (opts.statuses && !opts.statuses.has(cols.status[k])) continue;
      const from = Math.ceil((cols.fromDay[k] - startDay) / step) * step;
      const to = Math.ceil(Math.min(cols.toDay[k] - startDay, WIRE_OPEN_END) / step) * step;
      if (to <= from || from < lowest) continue;
      const group = c * G + cols.status[k];
      keys[n++] = ((group * span + (from - lowest)) * 2 + 1) as number;
      keys[n++] = (group * span + (to - lowest)) * 2;
      if (cols.unlicensed[k] === 1) {
        const heat = c * G + UNLICENSED;
        keys[n++] = (heat * span + (from - lowest)) * 2 + 1;
        keys[n++] = (heat * span + (to - lowest)) * 2;
      }
    }
  }
  const sorted = keys.subarray(0, n).sort();

  // Sweep each (cell, group): a row for every stretch of days its count holds above zero.
  const cell = new Uint32Array(n);
  const status = new Uint8Array(n);
  const count = new Uint32Array(n);
  const from = new Float32Array(n);
  const to = new Float32Array(n);
  const heat = {
    cell: new Uint32Array(n),
    count: new Uint32Array(n),
    from: new Float32Array(n),
    to: new Float32Array(n),
  };
  let rowCount = 0;
  let heatCount = 0;
  let group = -1;
  let running = 0;
  let since = 0;
  for (let i = 0; i < n; ) {
    const at = Math.floor(sorted[i] / 2);
    const g = Math.floor(at / span);
    const d = (at % span) + lowest;
    if (g !== group) {
      group = g;
      running = 0;
    }
    // Every change of this group on this day at once.
    let delta = 0;
    while (i < n && Math.floor(sorted[i] / 2) === at) delta += sorted[i++] % 2 === 1 ? 1 : -1;
    if (running > 0 && d > since && g % G === UNLICENSED) {
      heat.cell[heatCount] = Math.floor(g / G);
      heat.count[heatCount] = running;
      heat.from[heatCount] = since;
      heat.to[heatCount] = d;
      heatCount++;
    } else if (running > 0 && d > since) {
      cell[rowCount] = Math.floor(g / G);
      status[rowCount] = g % G;
      count[rowCount] = running;
      from[rowCount] = since;
      to[rowCount] = d;
      rowCount++;
    }
    running += delta;
    since = d;
  }
  return {
    cellSize,
    step,
    premiseCount,
    cellCount,
    cellPosition,
    cellPremises,
    rowCount,
    cell: cell.slice(0, rowCount),
    status: status.slice(0, rowCount),
    count: count.slice(0, rowCount),
    from: from.slice(0, rowCount),
    to: to.slice(0, rowCount),
    unlicensedRowCount: heatCount,
    unlicensedCell: heat.cell.slice(0, heatCount),
    unlicensedCount: heat.count.slice(0, heatCount),
    unlicensedFrom: heat.from.slice(0, heatCount),
    unlicensedTo: heat.to.slice(0, heatCount),
  };
}

type Column = Float32Array | Uint32Array | Uint8Array;
const align8 = (n: number) => Math.ceil(n / 8) * 8;
const typeOf = (a: Column) =>
  a instanceof Float32Array ? 'float32' : a instanceof Uint32Array ? 'uint32' : 'uint8';

/**
 * The cells on the wire, framed as the premises layer is (docs/api-contract.md): 'SXC1', a uint32
 * header length, a JSON header (counts, cell size, step, column offsets), then each column 8-aligned.
 */
export function encodePremiseCells(cells: PremiseCells): Uint8Array {
  const columns: [string, Column][] = [
    ['cellPosition', cells.cellPosition],
    ['cellPremises', cells.cellPremises],
    ['cell', cells.cell],
    ['status', cells.status],
    ['count', cells.count],
    ['from', cells.from],
    ['to', cells.to],
    ['unlicensedCell', cells.unlicensedCell],
    ['unlicensedCount', cells.unlicensedCount],
    ['unlicensedFrom', cells.unlicensedFrom],
    ['unlicensedTo', cells.unlicensedTo],
  ];
  const layout = (headerBytes: number) => {
    let offset = align8(8 + headerBytes);
    const entries = columns.map(([name, arr]) => {
      const entry = { name, type: typeOf(arr), length: arr.length, byteOffset: offset };
      offset = align8(offset + arr.byteLength);
      return entry;
    });
    const header = {
      cellSize: cells.cellSize,
      step: cells.step,
      premiseCount: cells.premiseCount,
      cellCount: cells.cellCount,
      rowCount: cells.rowCount,
      unlicensedRowCount: cells.unlicensedRowCount,
      columns: entries,
    };
    return { header: new TextEncoder().encode(JSON.stringify(header)), total: offset, entries };
  };
  let laid = layout(0);
  laid = layout(laid.header.length + 64);
  const out = new Uint8Array(laid.total);
  out.set(new TextEncoder().encode('SXC1'), 0);
  new DataView(out.buffer).setUint32(4, laid.header.length, true);
  out.set(laid.header, 8);
  laid.entries.forEach((entry, i) => {
    const arr = columns[i][1];
    out.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), entry.byteOffset);
  });
  return out;
}
