import { CATEGORY_CODES } from '@domain/categories';
import { STATUS_KEYS, STATUSES } from '@domain/statuses';
import type { CampaignDay } from './campaign-days';
import { maskOf, type PremiseFilter } from './premise-filter';
import type { PremisesData } from './premises-binary';

/**
 * The interval rows that pass the filters, as GPU-ready columns: one point per interval, with its
 * [from, to) as the filter value, so the date is chosen on the GPU and a scrub rebuilds nothing.
 */
export interface PremiseSelection {
  length: number;
  /** Interval index of each point (to pick back to the premise). */
  rows: Uint32Array;
  /** lng/lat interleaved. */
  positions: Float32Array;
  /** RGBA per point, the status colour. */
  colors: Uint8Array;
  /** [from, to) per point, campaign days. */
  filterValues: Float32Array;
  /** Category index per point. */
  category: Uint8Array;
}

const POINT_ALPHA = 235;

/**
 * Picks the interval rows whose premise and status pass the filter, and whose village is one of
 * `villages` when given (a township drilled into). O(intervals), typed arrays only.
 */
export function selectIntervals(
  data: PremisesData,
  filter: PremiseFilter,
  villages: ReadonlySet<number> | null = null,
): Uint32Array {
  const catMask = maskOf(filter.categories, CATEGORY_CODES.length);
  const statusMask = maskOf(filter.statuses, STATUSES.length);
  const rows = new Uint32Array(data.intervalCount);
  let n = 0;
  for (let k = 0; k < data.intervalCount; k++) {
    const p = data.premise[k];
    if (catMask[data.category[p]] === 0 || statusMask[data.status[k]] === 0) continue;
    if (filter.village !== null && data.village[p] !== filter.village) continue;
    if (villages !== null && !villages.has(data.village[p])) continue;
    rows[n++] = k;
  }
  return rows.slice(0, n);
}

/** Builds the point columns for the chosen interval rows. */
export function pointColumns(data: PremisesData, rows: Uint32Array): PremiseSelection {
  const n = rows.length;
  const positions = new Float32Array(n * 2);
  const colors = new Uint8Array(n * 4);
  const filterValues = new Float32Array(n * 2);
  const category = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = rows[i];
    const p = data.premise[k];
    positions[i * 2] = data.position[p * 2];
    positions[i * 2 + 1] = data.position[p * 2 + 1];
    const color = STATUSES[data.status[k]]?.color ?? [128, 128, 128];
    colors[i * 4] = color[0];
    colors[i * 4 + 1] = color[1];
    colors[i * 4 + 2] = color[2];
    colors[i * 4 + 3] = POINT_ALPHA;
    filterValues[i * 2] = data.from[k];
    filterValues[i * 2 + 1] = data.to[k];
    category[i] = data.category[p];
  }
  return { length: n, rows, positions, colors, filterValues, category };
}

/** The rows of `rows` whose status is `statusIndex` (e.g. the model sites, drawn with a ring). */
/** The status index of a model site (示范点): the map rings them. */
export const MODEL_STATUS = STATUS_KEYS.indexOf('model');

export function rowsWithStatus(data: PremisesData, rows: Uint32Array, statusIndex: number): Uint32Array {
  const out = new Uint32Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (data.status[rows[i]] === statusIndex) out[n++] = rows[i];
  return out.slice(0, n);
}

/**
 * Positions of the unlicensed premises on `day` among `rows`, for the heatmap. The heatmap layer
 * does not apply DataFilterExtension to its weight pass, so the date is filtered here, on the CPU,
 * once per date change: O(rows) over typed arrays.
 */
export function unlicensedPositionsAt(data: PremisesData, rows: Uint32Array, day: CampaignDay): Float32Array {
  const out = new Float32Array(rows.length * 2);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const k = rows[i];
    if (data.unlicensed[k] === 0 || data.from[k] > day || day >= data.to[k]) continue;
    const p = data.premise[k];
    out[n * 2] = data.position[p * 2];
    out[n * 2 + 1] = data.position[p * 2 + 1];
    n++;
  }
  return out.slice(0, n * 2);
}
