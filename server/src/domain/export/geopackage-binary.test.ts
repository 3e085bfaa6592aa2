import { describe, expect, it } from 'vitest';
import { decodeGeoPackageGeometry, encodeGeoPackageGeometry } from './geopackage-binary';

describe('GeoPackage geometry blobs', () => {
  it('writes a point as the GPKG header and little-endian WKB', () => {
    const blob = encodeGeoPackageGeometry({ type: 'Point', coordinates: [120.21, 30.34] });
    expect([...blob.subarray(0, 4)]).toEqual([0x47, 0x50, 0, 1]);
    expect(new DataView(blob.buffer).getInt32(4, true)).toBe(4326);
    expect(blob[8]).toBe(1);
    expect(new DataView(blob.buffer).getUint32(9, true)).toBe(1);
    expect(blob.length).toBe(8 + 21);
  });
  it.each<GeoJSON.Geometry>([
    { type: 'Point', coordinates: [120.21, 30.34] },
    {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
        [
          [0.2, 0.1],
          [0.3, 0.1],
          [0.3, 0.2],
          [0.2, 0.1],
        ],
      ],
    },
    {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 5],
          ],
        ],
      ],
    },
    {
      type: 'MultiLineString',
      coordinates: [
        [
          [0, 0],
          [1, 1],
        ],
        [
          [2, 2],
          [3, 3],
        ],
      ],
    },
  ])('round-trips a %s', (g) => {
    expect(decodeGeoPackageGeometry(encodeGeoPackageGeometry(g))).toEqual({ geometry: g, srsId: 4326 });
  });
  it('reads big-endian blobs with an envelope and Z values, as other writers make them', () => {
    const view = new DataView(new ArrayBuffer(8 + 32 + 1 + 4 + 24));
    view.setUint8(0, 0x47);
    view.setUint8(1, 0x50);
    view.setUint8(3, 0b0000_0010);
    view.setInt32(4, 4549, false);
    view.setUint8(40, 0);
    view.setUint32(41, 1001, false);
    view.setFloat64(45, 512345.5, false);
    view.setFloat64(53, 3358765.25, false);
    view.setFloat64(61, 12, false);
    expect(decodeGeoPackageGeometry(new Uint8Array(view.buffer))).toEqual({
      geometry: { type: 'Point', coordinates: [512345.5, 3358765.25] },
      srsId: 4549,
    });
  });
  it('refuses what is not a blob', () => {
    expect(() => decodeGeoPackageGeometry(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toThrow(
      /no "GP" magic/,
    );
  });
});
