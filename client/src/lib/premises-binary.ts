/** Decoder for the binary premises layer (`/api/layers/premises`, format SXP1, see docs/api-contract.md). */

const MAGIC = 'SXP1';

type ColumnType = 'float32' | 'uint32' | 'uint16' | 'uint8';

interface ColumnHeader {
  name: string;
  type: ColumnType;
  length: number;
  byteOffset: number;
}

interface LayerHeader {
  premiseCount: number;
  intervalCount: number;
  startDay: number;
  columns: ColumnHeader[];
}

/** The premises and their status intervals as columns; days are counted from the campaign start. */
export interface PremisesData {
  premiseCount: number;
  intervalCount: number;
  /** Campaign start as an epoch day. */
  startDay: number;
  /** Per premise. */
  id: Uint32Array;
  /** Per premise, lng/lat interleaved. */
  position: Float32Array;
  category: Uint8Array;
  village: Uint32Array;
  /** Per interval: index into the premise columns. */
  premise: Uint32Array;
  status: Uint8Array;
  unlicensed: Uint8Array;
  /** The interval holds on days d (since campaign start) with from <= d < to. */
  from: Float32Array;
  to: Float32Array;
}

type ArrayClass = { new (buffer: ArrayBuffer, byteOffset: number, length: number): ArrayLike<number> };

const ARRAY_OF: Record<ColumnType, ArrayClass> = {
  float32: Float32Array,
  uint32: Uint32Array,
  uint16: Uint16Array,
  uint8: Uint8Array,
};

const BYTES_OF: Record<ColumnType, number> = { float32: 4, uint32: 4, uint16: 2, uint8: 1 };

/** Decodes an SXP1 buffer. Columns are views on the buffer (no copy); throws on a malformed buffer. */
export function decodePremises(buffer: ArrayBuffer): PremisesData {
  if (buffer.byteLength < 8) throw new Error('premises layer: buffer too short');
  const magic = new TextDecoder().decode(new Uint8Array(buffer, 0, 4));
  if (magic !== MAGIC) throw new Error(`premises layer: expected ${MAGIC}, got ${JSON.stringify(magic)}`);
  const headerLength = new DataView(buffer).getUint32(4, true);
  if (8 + headerLength > buffer.byteLength) throw new Error('premises layer: header runs past the end');
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, headerLength))) as LayerHeader;
  const { premiseCount: p, intervalCount: n } = header;

  const column = <T extends ArrayLike<number>>(name: string, type: ColumnType, count: number): T => {
    const col = header.columns.find((c) => c.name === name);
    if (!col) throw new Error(`premises layer: column ${name} missing`);
    if (col.type !== type) throw new Error(`premises layer: column ${name} is ${col.type}, expected ${type}`);
    const bytes = count * BYTES_OF[type];
    if (col.byteOffset + bytes > buffer.byteLength)
      throw new Error(`premises layer: column ${name} runs past the end`);
    return new ARRAY_OF[type](buffer, col.byteOffset, count) as T;
  };

  return {
    premiseCount: p,
    intervalCount: n,
    startDay: header.startDay,
    id: column('id', 'uint32', p),
    position: column('position', 'float32', p * 2),
    category: column('category', 'uint8', p),
    village: column('village', 'uint32', p),
    premise: column('premise', 'uint32', n),
    status: column('status', 'uint8', n),
    unlicensed: column('unlicensed', 'uint8', n),
    from: column('from', 'float32', n),
    to: column('to', 'float32', n),
  };
}
