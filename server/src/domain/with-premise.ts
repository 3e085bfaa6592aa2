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
