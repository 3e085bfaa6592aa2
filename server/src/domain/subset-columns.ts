import { indexPositions, type PremiseColumns } from './premise-columns';

/** The columns of only the rows `keep` accepts, in the same order, with their intervals and own index. */
export function subsetColumns(cols: PremiseColumns, keep: (row: number) => boolean): PremiseColumns {
  const rows: number[] = [];
  let intervals = 0;
  for (let r = 0; r < cols.count; r++) {
    if (!keep(r)) continue;
    rows.push(r);
    intervals += cols.intervalStart[r + 1] - cols.intervalStart[r];
  }
  const n = rows.length;
  const out = {
    count: n,
    id: new Uint32Array(n),
    lng: new Float64Array(n),
    lat: new Float64Array(n),
    category: new Uint8Array(n),
    villageId: new Uint32Array(n),
    intervalStart: new Uint32Array(n + 1),
    intervalCount: intervals,
    intervalPremise: new Uint32Array(intervals),
    status: new Uint8Array(intervals),
    unlicensed: new Uint8Array(intervals),
    fromDay: new Int32Array(intervals),
    toDay: new Int32Array(intervals),
    rowOf: new Map<number, number>(),
  };
  let k = 0;
  rows.forEach((r, i) => {
    out.id[i] = cols.id[r];
    out.lng[i] = cols.lng[r];
    out.lat[i] = cols.lat[r];
    out.category[i] = cols.category[r];
    out.villageId[i] = cols.villageId[r];
    out.rowOf.set(cols.id[r], i);
    out.intervalStart[i] = k;
    for (let j = cols.intervalStart[r]; j < cols.intervalStart[r + 1]; j++, k++) {
      out.intervalPremise[k] = i;
      out.status[k] = cols.status[j];
      out.unlicensed[k] = cols.unlicensed[j];
      out.fromDay[k] = cols.fromDay[j];
      out.toDay[k] = cols.toDay[j];
    }
  });
  out.intervalStart[n] = k;
  return { ...out, index: indexPositions(out.lng, out.lat) };
}
