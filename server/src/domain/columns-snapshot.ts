import KDBush from 'kdbush';
import type { PremiseColumns } from './premise-columns';

/** Bump when PremiseColumns or the interval rules change, so old snapshots are not trusted. */
export const SNAPSHOT_FORMAT = 2;
const MAGIC = 'SXM1';

type Typed = Uint32Array | Float64Array | Uint8Array | Int32Array;
const KEYS = [
  'id',
  'lng',
  'lat',
  'category',
  'villageId',
  'intervalStart',
  'intervalPremise',
  'status',
  'unlicensed',
  'fromDay',
  'toDay',
] as const;
const CTORS = { Uint32Array, Float64Array, Uint8Array, Int32Array };

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Which database a model was built from and how far it had changed: its random id (`meta.db_id`,
 * new for every created or restored record) and its change counter (`meta.data_version`). The
 * counter alone is not enough: a restored or replaced database may carry the same number.
 */
export interface RecordStamp {
  dbId: string;
  dataVersion: number;
}

export const sameStamp = (a: RecordStamp, b: RecordStamp) =>
  a.dbId === b.dbId && a.dataVersion === b.dataVersion;

/**
 * The model's columns and spatial index as one buffer, tagged with the record's stamp, so a
 * restart can map them back in instead of folding every event again.
 */
export function encodeSnapshot(cols: PremiseColumns, stamp: RecordStamp): Uint8Array {
  const parts: [string, string, Uint8Array][] = KEYS.map((k) => {
    const a = cols[k] as Typed;
    return [k, a.constructor.name, new Uint8Array(a.buffer, a.byteOffset, a.byteLength)];
  });
  const indexData = cols.index.data;
  parts.push(['index', 'ArrayBuffer', new Uint8Array(indexData)]);
  let offset = 0;
  const entries = parts.map(([name, type, bytes]) => {
    const entry = { name, type, byteOffset: offset, byteLength: bytes.byteLength };
    offset = align8(offset + bytes.byteLength);
    return entry;
  });
  const header = new TextEncoder().encode(
    JSON.stringify({
      format: SNAPSHOT_FORMAT,
      dbId: stamp.dbId,
      dataVersion: stamp.dataVersion,
      count: cols.count,
      entries,
    }),
  );
  const bodyStart = align8(8 + header.length);
  const out = new Uint8Array(bodyStart + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, 8);
  parts.forEach(([, , bytes], i) => {
    out.set(bytes, bodyStart + entries[i].byteOffset);
  });
  return out;
}

interface SnapshotHeader extends RecordStamp {
  format: number;
  count: number;
  entries: { name: string; type: string; byteOffset: number; byteLength: number }[];
}

function readHeader(bytes: Uint8Array): { header: SnapshotHeader; headerLength: number } | null {
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) return null;
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as SnapshotHeader;
  return header.format === SNAPSHOT_FORMAT ? { header, headerLength } : null;
}

/** The record a snapshot was taken of and how far it had changed, or null if it is not a snapshot of this format. */
export function snapshotStamp(bytes: Uint8Array): RecordStamp | null {
  const read = readHeader(bytes);
  return read && { dbId: read.header.dbId, dataVersion: read.header.dataVersion };
}

/** The columns from a snapshot, or null if it is of another format, another database or another data version. */
export function decodeSnapshot(bytes: Uint8Array, stamp: RecordStamp): PremiseColumns | null {
  const read = readHeader(bytes);
  if (!read || !sameStamp(read.header, stamp)) return null;
  const { header, headerLength } = read;
  const bodyStart = align8(8 + headerLength);
  const out: Record<string, unknown> = {};
  for (const e of header.entries) {
    // Copy into a fresh, aligned buffer: the file's bytes need not be aligned for typed views.
    // (new Uint8Array(view) copies; Buffer.slice would not.)
    const copy = new Uint8Array(
      bytes.subarray(bodyStart + e.byteOffset, bodyStart + e.byteOffset + e.byteLength),
    ).buffer;
    if (e.type === 'ArrayBuffer') out[e.name] = KDBush.from(copy);
    else {
      const Ctor = CTORS[e.type as keyof typeof CTORS];
      out[e.name] = new Ctor(copy);
    }
  }
  const id = out.id as Uint32Array;
  const rowOf = new Map<number, number>();
  for (let i = 0; i < id.length; i++) rowOf.set(id[i], i);
  return {
    ...(out as Omit<PremiseColumns, 'count' | 'intervalCount' | 'rowOf'>),
    count: header.count,
    intervalCount: (out.intervalPremise as Uint32Array).length,
    rowOf,
  };
}
