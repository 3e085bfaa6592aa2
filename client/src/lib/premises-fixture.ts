import { decodePremises, type PremisesData } from './premises-binary';

/** Plain description of a premises layer, for tests. */
export interface PremisesFixture {
  startDay: number;
  premises: { id: number; lng: number; lat: number; category: number; village: number }[];
  intervals: { premise: number; status: number; unlicensed: number; from: number; to: number }[];
}

/** Encodes a fixture in the SXP1 format the server sends (test helper). */
export function encodePremisesForTest(f: PremisesFixture): ArrayBuffer {
  const p = f.premises.length;
  const n = f.intervals.length;
  const columns: { name: string; type: string; data: ArrayLike<number> & { byteLength: number } }[] = [
    { name: 'id', type: 'uint32', data: Uint32Array.from(f.premises, (x) => x.id) },
    { name: 'position', type: 'float32', data: Float32Array.from(f.premises.flatMap((x) => [x.lng, x.lat])) },
    { name: 'category', type: 'uint8', data: Uint8Array.from(f.premises, (x) => x.category) },
    { name: 'village', type: 'uint32', data: Uint32Array.from(f.premises, (x) => x.village) },
    { name: 'premise', type: 'uint32', data: Uint32Array.from(f.intervals, (x) => x.premise) },
    { name: 'status', type: 'uint8', data: Uint8Array.from(f.intervals, (x) => x.status) },
    { name: 'unlicensed', type: 'uint8', data: Uint8Array.from(f.intervals, (x) => x.unlicensed) },
    { name: 'from', type: 'float32', data: Float32Array.from(f.intervals, (x) => x.from) },
    { name: 'to', type: 'float32', data: Float32Array.from(f.intervals, (x) => x.to) },
  ];
  // Offsets depend on the header length, and the header holds the offsets: iterate until stable.
  let headerBytes = new Uint8Array(0);
  let offsets: number[] = [];
  for (let pass = 0; pass < 4; pass++) {
    let at = Math.ceil((8 + headerBytes.length) / 8) * 8;
    offsets = columns.map((c) => {
      const o = at;
      at = Math.ceil((at + c.data.byteLength) / 8) * 8;
      return o;
    });
    const header = {
      premiseCount: p,
      intervalCount: n,
      startDay: f.startDay,
      columns: columns.map((c, i) => ({
        name: c.name,
        type: c.type,
        length: c.data.length,
        byteOffset: offsets[i],
      })),
    };
    headerBytes = new TextEncoder().encode(JSON.stringify(header));
  }
  const last = columns.length - 1;
  const out = new Uint8Array(offsets[last] + columns[last].data.byteLength);
  out.set([83, 88, 80, 49]);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  columns.forEach((c, i) => {
    out.set(new Uint8Array((c.data as Uint8Array).buffer), offsets[i]);
  });
  return out.buffer;
}

/** A decoded fixture, for tests of the code that reads the columns. */
export function premisesForTest(f: PremisesFixture): PremisesData {
  return decodePremises(encodePremisesForTest(f));
}
