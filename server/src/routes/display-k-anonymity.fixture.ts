import { booleanPointInPolygon } from '@turf/turf';
import { CATEGORY_CODES } from '../domain/categories';
import type { PremiseColumns } from '../domain/premise-columns';

/**
 * The display's groups counted again for its k-anonymity test, from the model's columns alone
 * (intervals, positions, villages, trades) and turf: nothing of the code under test.
 */

const C = CATEGORY_CODES.length;

/** Who is on the record and who is unlicensed on a day, read from the intervals alone. */
export function onRecord(cols: PremiseColumns, d: number) {
  const present = new Uint8Array(cols.count);
  const unlicensed = new Uint8Array(cols.count);
  for (let k = 0; k < cols.intervalCount; k++) {
    if (cols.fromDay[k] <= d && d < cols.toDay[k]) {
      present[cols.intervalPremise[k]] = 1;
      if (cols.unlicensed[k]) unlicensed[cols.intervalPremise[k]] = 1;
    }
  }
  return { present, unlicensed };
}

/** Premises on the record per trade and per village × trade on a day (memoised: lines look back). */
export function groupCounter(cols: PremiseColumns) {
  const memo = new Map<number, { trade: Int32Array; villageTrade: Map<number, number> }>();
  const counts = (d: number) => {
    let g = memo.get(d);
    if (!g) {
      const { present } = onRecord(cols, d);
      g = { trade: new Int32Array(C), villageTrade: new Map() };
      for (let row = 0; row < cols.count; row++) {
        if (!present[row]) continue;
        const key = cols.villageId[row] * C + cols.category[row];
        g.trade[cols.category[row]]++;
        g.villageTrade.set(key, (g.villageTrade.get(key) ?? 0) + 1);
      }
      memo.set(d, g);
    }
    return g;
  };
  return {
    inTownship: (category: number, d: number) => counts(d).trade[category],
    inVillage: (villageId: number, category: number, d: number) =>
      counts(d).villageTrade.get(villageId * C + category) ?? 0,
  };
}

/** Rows of the premises inside a shape, its boundary included. */
export function insideRows(cols: PremiseColumns, geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): number[] {
  const rows: number[] = [];
  for (let row = 0; row < cols.count; row++)
    if (booleanPointInPolygon([cols.lng[row], cols.lat[row]], geometry)) rows.push(row);
  return rows;
}

/**
 * A square round the k premises nearest some premise not in `taken`, holding exactly those k (and
 * standing clear of the next one); adds them to `taken`.
 */
export function squareRoundShops(cols: PremiseColumns, k: number, taken: Set<number>): GeoJSON.Polygon {
  const gapDeg = 3e-4;
  for (let r = 0; r < cols.count; r++) {
    if (taken.has(r)) continue;
    const near = [...Array(cols.count).keys()]
      .map((o) => ({ o, d: Math.hypot(cols.lng[o] - cols.lng[r], cols.lat[o] - cols.lat[r]) }))
      .sort((a, b) => a.d - b.d);
    if (near[k].d - near[k - 1].d < gapDeg || near[k - 1].d > 0.003) continue;
    const rows = near.slice(0, k).map((n) => n.o);
    const pad = gapDeg / 4;
    const lngs = rows.map((o) => cols.lng[o]);
    const lats = rows.map((o) => cols.lat[o]);
    const [w, e] = [Math.min(...lngs) - pad, Math.max(...lngs) + pad];
    const [s, n] = [Math.min(...lats) - pad, Math.max(...lats) + pad];
    const square: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    };
    if (insideRows(cols, square).length !== k) continue;
    for (const o of rows) taken.add(o);
    return square;
  }
  throw new Error(`no ${k} premises stand apart in the demo`);
}
