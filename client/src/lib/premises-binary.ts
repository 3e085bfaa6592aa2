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

/** No premises: what the page holds while the layer is on its way (or when it never takes the whole layer). */
export function emptyPremises(startDay: number): PremisesData {
  return {
    premiseCount: 0,
    intervalCount: 0,
    startDay,
    id: new Uint32Array(0),
    position: new Float32Array(0),
    category: new Uint8Array(0),
    village: new Uint32Array(0),
    premise: new Uint32Array(0),
    status: new Uint8Array(0),
    unlicensed: new Uint8Array(0),
    from: new Float32Array(0),
    to: new Float32Array(0),
  };
}

/**
 * A big record's premises summed into grid cells (`/api/layers/premises/cells`, format SXC1): row k
 * says `count[k]` premises of cell `cell[k]` are in status `status[k]` on days from[k] <= d < to[k].
 */
export interface PremiseCellsData {
  cellSize: number;
  step: number;
  premiseCount: number;
  cellCount: number;
  rowCount: number;
  /** Per cell, lng/lat interleaved: the mean position of its premises. */
  cellPosition: Float32Array;
  cellPremises: Uint32Array;
  cell: Uint32Array;
  status: Uint8Array;
  count: Uint32Array;
  from: Float32Array;
  to: Float32Array;
  /** The unlicensed premises of each cell over time (the heatmap's), rows of their own. */
  unlicensedRowCount: number;
  unlicensedCell: Uint32Array;
  unlicensedCount: Uint32Array;
  unlicensedFrom: Float32Array;
  unlicensedTo: Float32Array;
}

interface CellsHeader {
  cellSize: number;
  step: number;
  premiseCount: number;
  cellCount: number;
  rowCount: number;
  unlicensedRowCount: number;
  columns: ColumnHeader[];
}

/** Decodes an SXC1 buffer; columns are views on it. Throws on a malformed buffer. */
export function decodePremiseCells(buffer: ArrayBuffer): PremiseCellsData {
  if (buffer.byteLength < 8) throw new Error('premise cells: buffer too short');
  const magic = new TextDecoder().decode(new Uint8Array(buffer, 0, 4));
  if (magic !== 'SXC1') throw new Error(`premise cells: expected SXC1, got ${JSON.stringify(magic)}`);
  const headerLength = new DataView(buffer).getUint32(4, true);
  if (8 + headerLength > buffer.byteLength) throw new Error('premise cells: header runs past the end');
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, headerLength))) as CellsHeader;
  const column = <T extends ArrayLike<number>>(name: string, type: ColumnType, count: number): T => {
    const col = header.columns.find((c) => c.name === name);
    if (!col || col.type !== type) throw new Error(`premise cells: column ${name} missing or not ${type}`);
    if (col.byteOffset + count * BYTES_OF[type] > buffer.byteLength)
      throw new Error(`premise cells: column ${name} runs past the end`);
    return new ARRAY_OF[type](buffer, col.byteOffset, count) as T;
  };
  const { cellCount: c, rowCount: n, unlicensedRowCount: u } = header;
  return {
    cellSize: header.cellSize,
    step: header.step,
    premiseCount: header.premiseCount,
    cellCount: c,
    rowCount: n,
    cellPosition: column('cellPosition', 'float32', c * 2),
    cellPremises: column('cellPremises', 'uint32', c),
    cell: column('cell', 'uint32', n),
    status: column('status', 'uint8', n),
    count: column('count', 'uint32', n),
    from: column('from', 'float32', n),
    to: column('to', 'float32', n),
    unlicensedRowCount: u,
    unlicensedCell: column('unlicensedCell', 'uint32', u),
    unlicensedCount: column('unlicensedCount', 'uint32', u),
    unlicensedFrom: column('unlicensedFrom', 'float32', u),
    unlicensedTo: column('unlicensedTo', 'float32', u),
  };
}
