import { CATEGORIES, categoryIndex } from './categories';
import { OPEN_END, premiseIntervals } from './intervals';
import { indexPositions, type PremiseColumns, type PremiseInput } from './premise-columns';
import { statusIndex } from './statuses';

function spliced<T extends Uint32Array | Uint8Array | Int32Array>(
  arr: T,
  a: number,
  b: number,
  insert: ArrayLike<number>,
): T {
  const out = new (arr.constructor as new (n: number) => T)(arr.length - (b - a) + insert.length);
  out.set(arr.subarray(0, a), 0);
  out.set(insert, a);
  out.set(arr.subarray(b), a + insert.length);
  return out;
}

/**
 * The columns with one premise added or replaced (its position, category, village and intervals),
 * leaving `cols` untouched. O(intervals) typed-array copies; the spatial index is rebuilt only when
 * the premise is new or moved.
 */
export function withPremise(cols: PremiseColumns, p: PremiseInput): PremiseColumns {
  const ci = categoryIndex(p.category);
  if (ci < 0) throw new Error(`premise ${p.id}: unknown category ${p.category}`);
  const intervals = premiseIntervals(CATEGORIES[ci], p.events);
  const existing = cols.rowOf.get(p.id);
  const isNew = existing === undefined;
  const row = existing ?? cols.count;
  const n = isNew ? cols.count + 1 : cols.count;
  const grow = <T extends Uint32Array | Float64Array | Uint8Array>(arr: T): T => {
    if (!isNew) return arr.slice() as T;
    const out = new (arr.constructor as new (n: number) => T)(n);
    out.set(arr);
    return out;
  };
  const id = grow(cols.id);
  const lng = grow(cols.lng);
  const lat = grow(cols.lat);
  const category = grow(cols.category);
  const villageId = grow(cols.villageId);
  const moved = isNew || lng[row] !== p.lng || lat[row] !== p.lat;
  id[row] = p.id;
  lng[row] = p.lng;
  lat[row] = p.lat;
  category[row] = ci;
  villageId[row] = p.villageId;

  const a = isNew ? cols.intervalCount : cols.intervalStart[row];
  const b = isNew ? cols.intervalCount : cols.intervalStart[row + 1];
  const k = intervals.length;
  const delta = k - (b - a);
  const intervalStart = new Uint32Array(n + 1);
  intervalStart.set(cols.intervalStart.subarray(0, row + 1));
  for (let r = row + 1; r <= n; r++) {
    intervalStart[r] = (isNew ? cols.intervalStart[r - 1] : cols.intervalStart[r]) + delta;
  }
  intervalStart[row] = a;
  const rowCol = new Uint32Array(k).fill(row);
  const rowOf = isNew ? new Map(cols.rowOf).set(p.id, row) : cols.rowOf;
  return {
    count: n,
    id,
    lng,
    lat,
    category,
    villageId,
    intervalStart,
    intervalCount: cols.intervalCount + delta,
    intervalPremise: spliced(cols.intervalPremise, a, b, rowCol),
    status: spliced(
      cols.status,
      a,
      b,
      intervals.map((iv) => statusIndex(iv.status)),
    ),
    unlicensed: spliced(
      cols.unlicensed,
      a,
      b,
      intervals.map((iv) => (iv.unlicensed ? 1 : 0)),
    ),
    fromDay: spliced(
      cols.fromDay,
      a,
      b,
      intervals.map((iv) => iv.fromDay),
    ),
    toDay: spliced(
      cols.toDay,
      a,
      b,
      intervals.map((iv) => Math.min(iv.toDay, OPEN_END)),
    ),
    index: moved ? indexPositions(lng, lat) : cols.index,
    rowOf,
  };
}

/**
 * The columns with many premises added or replaced at once (an import's): one pass over the rows
 * and intervals instead of one copy of every column per premise. New premises go after the others
 * in the order given; the spatial index is rebuilt once, if any premise is new or moved.
 */
export function withPremises(cols: PremiseColumns, premises: readonly PremiseInput[]): PremiseColumns {
  if (premises.length === 0) return cols;
  if (premises.length === 1) return withPremise(cols, premises[0]);
  const replaced = new Map<number, PremiseInput>();
  const added: PremiseInput[] = [];
  for (const p of premises) {
    if (categoryIndex(p.category) < 0) throw new Error(`premise ${p.id}: unknown category ${p.category}`);
    if (cols.rowOf.has(p.id)) replaced.set(cols.rowOf.get(p.id) as number, p);
    else added.push(p);
  }
  const n = cols.count + added.length;
  const grow = <T extends Uint32Array | Float64Array | Uint8Array>(arr: T): T => {
    const out = new (arr.constructor as new (n: number) => T)(n);
    out.set(arr);
    return out;
  };
  const id = grow(cols.id);
  const lng = grow(cols.lng);
  const lat = grow(cols.lat);
  const category = grow(cols.category);
  const villageId = grow(cols.villageId);
  const rowOf = added.length > 0 ? new Map(cols.rowOf) : cols.rowOf;
  let moved = added.length > 0;
  const intervalsOf = new Map<number, ReturnType<typeof premiseIntervals>>();
  const place = (row: number, p: PremiseInput) => {
    const ci = categoryIndex(p.category);
    if (lng[row] !== p.lng || lat[row] !== p.lat) moved = true;
    id[row] = p.id;
    lng[row] = p.lng;
    lat[row] = p.lat;
    category[row] = ci;
    villageId[row] = p.villageId;
    intervalsOf.set(row, premiseIntervals(CATEGORIES[ci], p.events));
  };
  for (const [row, p] of replaced) place(row, p);
  added.forEach((p, i) => {
    const row = cols.count + i;
    rowOf.set(p.id, row);
    place(row, p);
  });
  let total = cols.intervalCount;
  for (const [row, ivs] of intervalsOf)
    total += ivs.length - (row < cols.count ? cols.intervalStart[row + 1] - cols.intervalStart[row] : 0);
  const intervalStart = new Uint32Array(n + 1);
  const intervalPremise = new Uint32Array(total);
  const status = new Uint8Array(total);
  const unlicensed = new Uint8Array(total);
  const fromDay = new Int32Array(total);
  const toDay = new Int32Array(total);
  let k = 0;
  // Rows [from, to) unchanged: their intervals copied as one run each column (rows keep their numbers).
  const copyRows = (from: number, to: number) => {
    if (to <= from) return;
    const a = cols.intervalStart[from];
    const b = cols.intervalStart[to];
    for (let r = from; r < to; r++) intervalStart[r] = cols.intervalStart[r] - a + k;
    intervalPremise.set(cols.intervalPremise.subarray(a, b), k);
    status.set(cols.status.subarray(a, b), k);
    unlicensed.set(cols.unlicensed.subarray(a, b), k);
    fromDay.set(cols.fromDay.subarray(a, b), k);
    toDay.set(cols.toDay.subarray(a, b), k);
    k += b - a;
  };
  let next = 0;
  for (const row of [...intervalsOf.keys()].sort((a, b) => a - b)) {
    copyRows(next, Math.min(row, cols.count));
    intervalStart[row] = k;
    for (const iv of intervalsOf.get(row) ?? []) {
      intervalPremise[k] = row;
      status[k] = statusIndex(iv.status);
      unlicensed[k] = iv.unlicensed ? 1 : 0;
      fromDay[k] = iv.fromDay;
      toDay[k] = Math.min(iv.toDay, OPEN_END);
      k++;
    }
    next = row + 1;
  }
  copyRows(next, cols.count);
  intervalStart[n] = k;
  return {
    count: n,
    id,
    lng,
    lat,
    category,
    villageId,
    intervalStart,
    intervalCount: total,
    intervalPremise,
    status,
    unlicensed,
    fromDay,
    toDay,
    index: moved ? indexPositions(lng, lat) : cols.index,
    rowOf,
  };
}
