import iconv from 'iconv-lite';

/** A polygon shapefile's three files, written the way ArcGIS does (outer rings clockwise). */
export interface ShapefileBytes {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
}

function header(view: DataView, fileBytes: number, bbox: number[]) {
  view.setInt32(0, 9994, false);
  view.setInt32(24, fileBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 5, true);
  for (const [i, v] of bbox.entries()) view.setFloat64(36 + 8 * i, v, true);
}

/** Signed area (shoelace): negative for clockwise rings. */
const signedArea = (ring: number[][]) =>
  ring.reduce((s, p, i) => (i === 0 ? s : s + (ring[i - 1][0] * p[1] - p[0] * ring[i - 1][1])), 0) / 2;

/**
 * Writes polygons (coordinates in any system) with text attributes, the .dbf encoded in
 * `encoding` (e.g. gbk) and no language-driver byte, as a Chinese desktop GIS without .cpg would.
 */
export function writeShapefile(
  polygons: { rings: number[][][]; attributes: Record<string, string> }[],
  encoding = 'utf8',
): ShapefileBytes {
  const records = polygons.map(({ rings }) =>
    rings.map((r, i) => {
      const clockwise = signedArea(r) < 0;
      return (i === 0) === clockwise ? r : [...r].reverse();
    }),
  );
  const sizes = records.map((rings) => 44 + 4 * rings.length + 16 * rings.reduce((n, r) => n + r.length, 0));
  const shpBytes = 100 + sizes.reduce((n, s) => n + 8 + s, 0);
  const all = records.flat(2);
  const bbox = [
    Math.min(...all.map((p) => p[0])),
    Math.min(...all.map((p) => p[1])),
    Math.max(...all.map((p) => p[0])),
    Math.max(...all.map((p) => p[1])),
  ];
  const shp = new DataView(new ArrayBuffer(shpBytes));
  const shx = new DataView(new ArrayBuffer(100 + 8 * records.length));
  header(shp, shpBytes, bbox);
  header(shx, 100 + 8 * records.length, bbox);
  let offset = 100;
  records.forEach((rings, k) => {
    shx.setInt32(100 + 8 * k, offset / 2, false);
    shx.setInt32(104 + 8 * k, sizes[k] / 2, false);
    shp.setInt32(offset, k + 1, false);
    shp.setInt32(offset + 4, sizes[k] / 2, false);
    const c = offset + 8;
    const points = rings.flat();
    shp.setInt32(c, 5, true);
    [
      Math.min(...points.map((p) => p[0])),
      Math.min(...points.map((p) => p[1])),
      Math.max(...points.map((p) => p[0])),
      Math.max(...points.map((p) => p[1])),
    ].forEach((v, i) => {
      shp.setFloat64(c + 4 + 8 * i, v, true);
    });
    shp.setInt32(c + 36, rings.length, true);
    shp.setInt32(c + 40, points.length, true);
    let start = 0;
    rings.forEach((r, i) => {
      shp.setInt32(c + 44 + 4 * i, start, true);
      start += r.length;
    });
    const base = c + 44 + 4 * rings.length;
    points.forEach((p, i) => {
      shp.setFloat64(base + 16 * i, p[0], true);
      shp.setFloat64(base + 16 * i + 8, p[1], true);
    });
    offset += 8 + sizes[k];
  });

  const fields = Object.keys(polygons[0]?.attributes ?? {});
  const encoded = polygons.map((p) => fields.map((f) => iconv.encode(p.attributes[f] ?? '', encoding)));
  const widths = fields.map((_, i) => Math.max(10, ...encoded.map((r) => r[i].length)));
  const headerLen = 32 + 32 * fields.length + 1;
  const recordLen = 1 + widths.reduce((a, b) => a + b, 0);
  const dbf = new Uint8Array(headerLen + recordLen * polygons.length + 1);
  const dv = new DataView(dbf.buffer);
  dbf[0] = 0x03;
  dv.setUint32(4, polygons.length, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recordLen, true);
  fields.forEach((f, i) => {
    dbf.set(iconv.encode(f, encoding).subarray(0, 10), 32 + 32 * i);
    dbf[32 + 32 * i + 11] = 'C'.charCodeAt(0);
    dbf[32 + 32 * i + 16] = widths[i];
  });
  dbf[headerLen - 1] = 0x0d;
  encoded.forEach((row, r) => {
    let o = headerLen + r * recordLen;
    dbf[o++] = 0x20;
    row.forEach((cell, i) => {
      dbf.fill(0x20, o, o + widths[i]);
      dbf.set(cell, o);
      o += widths[i];
    });
  });
  dbf[dbf.length - 1] = 0x1a;
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer), dbf };
}
