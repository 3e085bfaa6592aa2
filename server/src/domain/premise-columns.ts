import KDBush from 'kdbush';
import { CATEGORIES, type CategoryCode, categoryIndex } from './categories';
import { OPEN_END, premiseIntervals } from './intervals';
import type { PremiseEvent } from './premise-event';
import { statusIndex } from './statuses';

/** What the in-memory model needs of a premise: where it is, what it is, and its records. */
export interface PremiseInput {
  id: number;
  lng: number;
  lat: number;
  category: CategoryCode;
  villageId: number;
  /** Sorted by day. */
  events: readonly PremiseEvent[];
}

/**
 * The premises as typed-array columns plus their status intervals, sorted by premise, with a
 * kdbush index over the positions. Immutable: a write builds a new one (see CampaignModel).
 */
export interface PremiseColumns {
  count: number;
  id: Uint32Array;
  lng: Float64Array;
  lat: Float64Array;
  category: Uint8Array;
  villageId: Uint32Array;
  /** Intervals of premise i are [intervalStart[i], intervalStart[i + 1]). */
  intervalStart: Uint32Array;
  intervalCount: number;
  intervalPremise: Uint32Array;
  status: Uint8Array;
  unlicensed: Uint8Array;
  /** Epoch days; the interval holds on days d with fromDay <= d < toDay. */
  fromDay: Int32Array;
  toDay: Int32Array;
  index: KDBush;
  /** Row of a premise id in the columns. */
  rowOf: Map<number, number>;
}

/** Growable typed array, so a million premises can stream in without a JS array per column. */
class Grow<T extends Uint32Array | Float64Array | Uint8Array | Int32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const u32 = (n: number) => new Uint32Array(n);
const f64 = (n: number) => new Float64Array(n);
const u8 = (n: number) => new Uint8Array(n);
const i32 = (n: number) => new Int32Array(n);

/**
 * Builds the columns and the spatial index from premises (rows follow input order). Takes any
 * iterable so a database cursor can stream premises through without holding all their events.
 */
export function buildColumns(premises: Iterable<PremiseInput>): PremiseColumns {
  const builder = columnsBuilder();
  for (const p of premises) builder.add(p);
  return builder.done();
}

/**
 * The columns a premise at a time, for a reader that hands its premises on as it reads them (rows
 * follow the order given); done() adds the spatial index.
 */
export function columnsBuilder(): { add: (p: PremiseInput) => void; done: () => PremiseColumns } {
  const id = new Grow(u32(0), u32);
  const lng = new Grow(f64(0), f64);
  const lat = new Grow(f64(0), f64);
  const category = new Grow(u8(0), u8);
  const villageId = new Grow(u32(0), u32);
  const intervalStart = new Grow(u32(0), u32);
  const intervalPremise = new Grow(u32(0), u32);
  const status = new Grow(u8(0), u8);
  const unlicensed = new Grow(u8(0), u8);
  const fromDay = new Grow(i32(0), i32);
  const toDay = new Grow(i32(0), i32);
  const rowOf = new Map<number, number>();
  const add = (p: PremiseInput) => {
    const ci = categoryIndex(p.category);
    if (ci < 0) throw new Error(`premise ${p.id}: unknown category ${p.category}`);
    const row = id.length;
    rowOf.set(p.id, row);
    id.push(p.id);
    lng.push(p.lng);
    lat.push(p.lat);
    category.push(ci);
    villageId.push(p.villageId);
    intervalStart.push(intervalPremise.length);
    for (const iv of premiseIntervals(CATEGORIES[ci], p.events)) {
      intervalPremise.push(row);
      status.push(statusIndex(iv.status));
      unlicensed.push(iv.unlicensed ? 1 : 0);
      fromDay.push(iv.fromDay);
      toDay.push(Math.min(iv.toDay, OPEN_END));
    }
  };
  const done = (): PremiseColumns => {
    intervalStart.push(intervalPremise.length);
    const lngs = lng.done();
    const lats = lat.done();
    return {
      count: lngs.length,
      id: id.done(),
      lng: lngs,
      lat: lats,
      category: category.done(),
      villageId: villageId.done(),
      intervalStart: intervalStart.done(),
      intervalCount: intervalPremise.length,
      intervalPremise: intervalPremise.done(),
      status: status.done(),
      unlicensed: unlicensed.done(),
      fromDay: fromDay.done(),
      toDay: toDay.done(),
      index: indexPositions(lngs, lats),
      rowOf,
    };
  };
  return { add, done };
}

/** A kdbush index over the positions (row numbers are the ids kdbush returns). */
export function indexPositions(lng: Float64Array, lat: Float64Array): KDBush {
  const index = new KDBush(Math.max(lng.length, 1));
  for (let i = 0; i < lng.length; i++) index.add(lng[i], lat[i]);
  if (lng.length === 0) index.add(Number.NaN, Number.NaN);
  index.finish();
  return index;
}
