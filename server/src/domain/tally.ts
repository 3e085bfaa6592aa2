import { CATEGORY_CODES } from './categories';
import type { PremiseColumns } from './premise-columns';
import { progress } from './progress';
import { STATUS_KEYS, type Status } from './statuses';
import { villageSlots } from './village-slots';

export type StatusCounts = Record<Status, number>;

/** One group's counts on a day: premises surveyed, unlicensed, progress (0–1) and by status. */
export interface GroupTally {
  surveyed: number;
  unlicensed: number;
  progress: number;
  byStatus: StatusCounts;
}

/** The /api/stats counts: the total, each category, and each village with premises surveyed. */
export interface Tally extends GroupTally {
  byCategory: Record<string, GroupTally>;
  byVillage: Record<string, GroupTally>;
}

/** Which premises to count: all rows, or only those passing the filters. */
export interface TallyFilter {
  villageId?: number;
  /** Category index (position in CATEGORIES). */
  category?: number;
  /** Restrict to these rows (e.g. the premises inside a polygon). */
  rows?: ArrayLike<number>;
}

const S = STATUS_KEYS.length;
const C = CATEGORY_CODES.length;

/**
 * Counts by status and licence state in flat typed arrays, `rows` rows of groups: the total, then
 * each category, then each village. A tally on one day is one row, a day table or a series one row
 * per day; counting adds into the arrays and makes no object, objects are made only when a row is read.
 */
export interface TallyTable {
  rows: number;
  /** Groups per row: 1 (the total only), 1 + categories, or 1 + categories + villages. */
  width: number;
  /** Village id of each village slot; empty when the table does not count villages. */
  villageIds: ArrayLike<number>;
  /** [row][group][status] */
  counts: Int32Array;
  /** [row][group] */
  unlicensed: Int32Array;
}

/** What a table counts besides the total: nothing, each category, or each category and village. */
export type TallyGroups = 'total' | 'categories' | { villageIds: ArrayLike<number> };

/** A table of zeros. */
export function tallyTable(rows: number, groups: TallyGroups): TallyTable {
  const villageIds = typeof groups === 'object' ? groups.villageIds : [];
  const width = groups === 'total' ? 1 : 1 + C + villageIds.length;
  return {
    rows,
    width,
    villageIds,
    counts: new Int32Array(rows * width * S),
    unlicensed: new Int32Array(rows * width),
  };
}

/**
 * Counts one premise's status interval in `row` (delta -1 takes it out again): in the total, its
 * category (index) and its village (slot), as far as the table counts those. `unlicensed` is 0 or 1.
 */
export function addInterval(
  t: TallyTable,
  row: number,
  category: number,
  village: number,
  status: number,
  unlicensed: number,
  delta = 1,
): void {
  const base = row * t.width;
  t.counts[base * S + status] += delta;
  if (unlicensed) t.unlicensed[base] += delta;
  if (t.width === 1) return;
  const c = base + 1 + category;
  t.counts[c * S + status] += delta;
  if (unlicensed) t.unlicensed[c] += delta;
  if (t.width === 1 + C) return;
  const v = base + 1 + C + village;
  t.counts[v * S + status] += delta;
  if (unlicensed) t.unlicensed[v] += delta;
}

/**
 * Counts a whole group of premises of one category and village at once, from counts laid out as
 * the statuses then the unlicensed: source[offset .. offset + statuses] (a precomputed running count).
 */
export function addCounts(
  t: TallyTable,
  row: number,
  category: number,
  village: number,
  source: ArrayLike<number>,
  offset: number,
): void {
  const base = row * t.width;
  addGroupCounts(t, base, source, offset);
  if (t.width === 1) return;
  addGroupCounts(t, base + 1 + category, source, offset);
  if (t.width === 1 + C) return;
  addGroupCounts(t, base + 1 + C + village, source, offset);
}

function addGroupCounts(t: TallyTable, group: number, source: ArrayLike<number>, offset: number): void {
  for (let s = 0; s < S; s++) t.counts[group * S + s] += source[offset + s];
  t.unlicensed[group] += source[offset + S];
}

/** Turns a table of changes (+1 where an interval starts, -1 where it ends) into running counts. */
export function runningTotals(t: TallyTable): void {
  const row = t.width * S;
  for (let r = 1; r < t.rows; r++) {
    for (let i = 0; i < row; i++) t.counts[r * row + i] += t.counts[(r - 1) * row + i];
    for (let g = 0; g < t.width; g++) t.unlicensed[r * t.width + g] += t.unlicensed[(r - 1) * t.width + g];
  }
}

/** The counts of group `group` (0 the total, 1 + c a category, 1 + categories + v a village) in `row`. */
export function groupOn(t: TallyTable, row: number, group: number): GroupTally {
  const at = (row * t.width + group) * S;
  const byStatus = {} as StatusCounts;
  let surveyed = 0;
  for (let s = 0; s < S; s++) {
    byStatus[STATUS_KEYS[s]] = t.counts[at + s];
    surveyed += t.counts[at + s];
  }
  return {
    surveyed,
    unlicensed: t.unlicensed[row * t.width + group],
    progress: progress(t.counts, at),
    byStatus,
  };
}

/** Each category's counts in `row`, by code; {} when the table counts the total only. */
export function categoriesOn(t: TallyTable, row: number): Record<string, GroupTally> {
  const byCategory: Record<string, GroupTally> = {};
  if (t.width > 1) for (let c = 0; c < C; c++) byCategory[CATEGORY_CODES[c]] = groupOn(t, row, 1 + c);
  return byCategory;
}

/** The counts in `row` of each village with premises surveyed, by id. */
export function villagesOn(t: TallyTable, row: number): Record<string, GroupTally> {
  const byVillage: Record<string, GroupTally> = {};
  for (let v = 0; v < t.villageIds.length; v++) {
    const g = groupOn(t, row, 1 + C + v);
    if (g.surveyed > 0) byVillage[String(t.villageIds[v])] = g;
  }
  return byVillage;
}

/** Row `row` as /api/stats has it. */
export function tallyOn(t: TallyTable, row: number): Tally {
  return { ...groupOn(t, row, 0), byCategory: categoriesOn(t, row), byVillage: villagesOn(t, row) };
}

/** A group with nothing counted (a village no premise of which is surveyed yet). */
export function emptyGroup(): GroupTally {
  return groupOn(tallyTable(1, 'total'), 0, 0);
}

/** Counts premises by status and licence state on `day`, overall and per category and village. */
export function tally(cols: PremiseColumns, day: number, filter: TallyFilter = {}): Tally {
  const { ids, slotOf } = villageSlots(cols.villageId);
  const t = tallyTable(1, { villageIds: ids });
  const count = (row: number) => {
    if (filter.villageId !== undefined && cols.villageId[row] !== filter.villageId) return;
    if (filter.category !== undefined && cols.category[row] !== filter.category) return;
    const end = cols.intervalStart[row + 1];
    for (let k = cols.intervalStart[row]; k < end; k++) {
      if (cols.fromDay[k] > day || day >= cols.toDay[k]) continue;
      addInterval(t, 0, cols.category[row], slotOf[row], cols.status[k], cols.unlicensed[k]);
      break;
    }
  };
  if (filter.rows) for (let i = 0; i < filter.rows.length; i++) count(filter.rows[i]);
  else for (let row = 0; row < cols.count; row++) count(row);
  return tallyOn(t, 0);
}
