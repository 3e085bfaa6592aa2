import type { PremiseColumns } from './premise-columns';

/** Days-since-start used for an open interval end on the wire. */
export const WIRE_OPEN_END = 1e6;

const MAGIC = 'SXP1';

type ColumnType = 'float32' | 'uint32' | 'uint16' | 'uint8';
type TypedColumn = Float32Array | Uint32Array | Uint16Array | Uint8Array;

export interface LayerHeader {
  premiseCount: number;
  intervalCount: number;
  startDay: number;
  columns: { name: string; type: ColumnType; length: number; byteOffset: number }[];
}

function typeOf(a: TypedColumn): ColumnType {
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Uint32Array) return 'uint32';
  if (a instanceof Uint16Array) return 'uint16';
  return 'uint8';
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Encodes the premises layer for the map: premise columns (id, position, category, village) and
 * interval columns (premise, status, unlicensed, from, to in days since campaign start).
 */
export function encodePremiseLayer(cols: PremiseColumns, startDay: number): Uint8Array {
  const position = new Float32Array(cols.count * 2);
  for (let i = 0; i < cols.count; i++) {
    position[2 * i] = cols.lng[i];
    position[2 * i + 1] = cols.lat[i];
  }
  const from = new Float32Array(cols.intervalCount);
  const to = new Float32Array(cols.intervalCount);
  for (let k = 0; k < cols.intervalCount; k++) {
    from[k] = cols.fromDay[k] - startDay;
    to[k] = Math.min(cols.toDay[k] - startDay, WIRE_OPEN_END);
  }
  const columns: [string, TypedColumn][] = [
    ['id', cols.id],
    ['position', position],
    ['category', cols.category],
    ['village', cols.villageId],
    ['premise', cols.intervalPremise],
    ['status', cols.status],
    ['unlicensed', cols.unlicensed],
    ['from', from],
    ['to', to],
  ];
  // The header's size depends on the offsets it lists; lay out after a generous header first.
  const draft = (headerBytes: number) => {
    let offset = align8(8 + headerBytes);
    const entries = columns.map(([name, arr]) => {
      const entry = { name, type: typeOf(arr), length: arr.length, byteOffset: offset };
      offset = align8(offset + arr.byteLength);
      return entry;
    });
    const header: LayerHeader = {
      premiseCount: cols.count,
      intervalCount: cols.intervalCount,
      startDay,
      columns: entries,
    };
    return { header: new TextEncoder().encode(JSON.stringify(header)), total: offset, entries };
  };
  let layout = draft(0);
  layout = draft(layout.header.length + 64);
  const out = new Uint8Array(layout.total);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, layout.header.length, true);
  out.set(layout.header, 8);
  layout.entries.forEach((entry, i) => {
    const arr = columns[i][1];
    out.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), entry.byteOffset);
  });
  return out;
}

/** Reads the layer back into typed arrays that view the buffer (no copies). */
export function decodePremiseLayer(buffer: ArrayBuffer): {
  header: LayerHeader;
  columns: Record<string, TypedColumn>;
} {
  const bytes = new Uint8Array(buffer);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    throw new Error('not a premises layer (bad magic)');
  const headerLength = new DataView(buffer).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as LayerHeader;
  const ctor = { float32: Float32Array, uint32: Uint32Array, uint16: Uint16Array, uint8: Uint8Array };
  const columns: Record<string, TypedColumn> = {};
  for (const c of header.columns) columns[c.name] = new ctor[c.type](buffer, c.byteOffset, c.length);
  return { header, columns };
}
