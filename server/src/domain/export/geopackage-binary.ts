/**
 * GeoPackage geometry blobs (StandardGeoPackageBinary, GPKG 1.3 §2.1.3): a header ("GP", version,
 * flags, srs_id, envelope) followed by a WKB geometry. Pure codec, no database.
 */

const WKB_TYPES: Record<string, number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
};
const TYPE_NAMES = Object.fromEntries(Object.entries(WKB_TYPES).map(([k, v]) => [v, k])) as Record<
  number,
  GeoJSON.Geometry['type']
>;

class Writer {
  private bytes: number[] = [];
  private readonly scratch = new DataView(new ArrayBuffer(8));
  u8(v: number) {
    this.bytes.push(v & 0xff);
  }
  u32(v: number) {
    this.scratch.setUint32(0, v, true);
    for (let i = 0; i < 4; i++) this.bytes.push(this.scratch.getUint8(i));
  }
  f64(v: number) {
    this.scratch.setFloat64(0, v, true);
    for (let i = 0; i < 8; i++) this.bytes.push(this.scratch.getUint8(i));
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function writeWkb(w: Writer, g: GeoJSON.Geometry): void {
  w.u8(1);
  w.u32(WKB_TYPES[g.type]);
  const points = (ps: GeoJSON.Position[]) => {
    w.u32(ps.length);
    for (const p of ps) {
      w.f64(p[0]);
      w.f64(p[1]);
    }
  };
  switch (g.type) {
    case 'Point':
      w.f64(g.coordinates[0]);
      w.f64(g.coordinates[1]);
      break;
    case 'LineString':
      points(g.coordinates);
      break;
    case 'Polygon':
      w.u32(g.coordinates.length);
      for (const ring of g.coordinates) points(ring);
      break;
    case 'MultiPoint':
      w.u32(g.coordinates.length);
      for (const p of g.coordinates) writeWkb(w, { type: 'Point', coordinates: p });
      break;
    case 'MultiLineString':
      w.u32(g.coordinates.length);
      for (const l of g.coordinates) writeWkb(w, { type: 'LineString', coordinates: l });
      break;
    case 'MultiPolygon':
      w.u32(g.coordinates.length);
      for (const p of g.coordinates) writeWkb(w, { type: 'Polygon', coordinates: p });
      break;
    case 'GeometryCollection':
      w.u32(g.geometries.length);
      for (const x of g.geometries) writeWkb(w, x);
      break;
  }
}

/** Encodes a geometry as a little-endian GeoPackage blob in `srsId`, without an envelope. */
export function encodeGeoPackageGeometry(g: GeoJSON.Geometry, srsId = 4326): Uint8Array {
  const w = new Writer();
  w.u8(0x47);
  w.u8(0x50);
  w.u8(0);
  w.u8(0b0000_0001);
  w.u32(srsId);
  writeWkb(w, g);
  return w.done();
}

class Reader {
  offset = 0;
  constructor(private readonly view: DataView) {}
  u8() {
    return this.view.getUint8(this.offset++);
  }
  u32(le: boolean) {
    const v = this.view.getUint32(this.offset, le);
    this.offset += 4;
    return v;
  }
  f64(le: boolean) {
    const v = this.view.getFloat64(this.offset, le);
    this.offset += 8;
    return v;
  }
}

function readWkb(r: Reader): GeoJSON.Geometry {
  const le = r.u8() === 1;
  const raw = r.u32(le);
  // ISO WKB adds 1000 for Z, 2000 for M, 3000 for ZM; EWKB sets high bits instead.
  const hasZ =
    (raw & 0x80000000) !== 0 ||
    Math.floor((raw & 0xffff) / 1000) === 1 ||
    Math.floor((raw & 0xffff) / 1000) === 3;
  const hasM = (raw & 0x40000000) !== 0 || Math.floor((raw & 0xffff) / 1000) >= 2;
  if (raw & 0x20000000) r.u32(le);
  const base = (raw & 0xffff) % 1000;
  const type = TYPE_NAMES[base];
  if (!type) throw new Error(`unknown WKB geometry type ${raw}`);
  const extra = (hasZ ? 1 : 0) + (hasM ? 1 : 0);
  const point = (): GeoJSON.Position => {
    const p = [r.f64(le), r.f64(le)];
    for (let i = 0; i < extra; i++) r.f64(le);
    return p;
  };
  const points = () => Array.from({ length: r.u32(le) }, point);
  const many = <T>(f: () => T) => Array.from({ length: r.u32(le) }, f);
  switch (type) {
    case 'Point':
      return { type, coordinates: point() };
    case 'LineString':
      return { type, coordinates: points() };
    case 'Polygon':
      return { type, coordinates: many(points) };
    case 'MultiPoint':
      return { type, coordinates: many(() => (readWkb(r) as GeoJSON.Point).coordinates) };
    case 'MultiLineString':
      return { type, coordinates: many(() => (readWkb(r) as GeoJSON.LineString).coordinates) };
    case 'MultiPolygon':
      return { type, coordinates: many(() => (readWkb(r) as GeoJSON.Polygon).coordinates) };
    default:
      return { type: 'GeometryCollection', geometries: many(() => readWkb(r)) };
  }
}

const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8];

/** Decodes a GeoPackage geometry blob; null for an empty geometry. Throws on a blob that is not one. */
export function decodeGeoPackageGeometry(blob: Uint8Array): {
  geometry: GeoJSON.Geometry | null;
  srsId: number;
} {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50)
    throw new Error('not a GeoPackage geometry blob (no "GP" magic)');
  const flags = blob[3];
  const le = (flags & 1) === 1;
  const envelope = (flags >> 1) & 0b111;
  if (envelope >= ENVELOPE_DOUBLES.length) throw new Error(`bad GeoPackage envelope type ${envelope}`);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const srsId = view.getInt32(4, le);
  if (flags & 0b1_0000) return { geometry: null, srsId };
  const r = new Reader(view);
  r.offset = 8 + ENVELOPE_DOUBLES[envelope] * 8;
  return { geometry: readWkb(r), srsId };
}
