import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeShapefile } from '../../../../tests/helpers/write-shapefile';
import { readBoundaryUpload } from '../../io/read-boundary-upload';
import { groupShapefileParts, readShapefile } from './read-shapefile';

const square = [
  [
    [120.2, 30.3],
    [120.21, 30.3],
    [120.21, 30.31],
    [120.2, 30.31],
    [120.2, 30.3],
  ],
];
const shapefile = () => writeShapefile([{ rings: square, attributes: { XZQMC: '大唐村' } }], 'gbk');

describe('readShapefile', () => {
  it('refuses a cut-off .shp, saying how much is missing', () => {
    const { shp, dbf } = shapefile();
    expect(() => readShapefile({ name: 'cun', shp: shp.subarray(0, shp.length - 40), dbf })).toThrow(
      `shapefile cun: the .shp cannot be read: it is cut off: its header says ${shp.length} bytes but it has ${shp.length - 40}`,
    );
  });
  it('refuses a .dbf without its .shp', () => {
    expect(() => readShapefile({ name: 'cun', dbf: shapefile().dbf, cpg: 'GBK' })).toThrow(
      'shapefile cun: the .shp is missing (there is only .dbf, .cpg); upload the .shp with it',
    );
  });
  it('groups parts by name whatever the case of their extensions', () => {
    const { shp, dbf } = shapefile();
    const groups = groupShapefileParts([
      { name: '村界.SHP', bytes: shp },
      { name: '村界.Dbf', bytes: dbf },
      { name: '村界.cpg', bytes: new TextEncoder().encode('936') },
      { name: '村界.sbn', bytes: new Uint8Array(4) },
    ]);
    expect(groups).toEqual([{ name: '村界', shp, dbf, cpg: '936' }]);
    expect(readShapefile(groups[0]).features[0].properties).toEqual({ XZQMC: '大唐村' });
  });
});

describe('boundary text files', () => {
  it('reads a GBK GeoJSON', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '大唐村' },
          geometry: { type: 'Polygon', coordinates: square },
        },
      ],
    });
    const up = readBoundaryUpload([
      { name: 'cun.geojson', bytes: new Uint8Array(iconv.encode(text, 'gbk')) },
    ]);
    expect(up.layer.features[0].properties.name).toBe('大唐村');
  });
  it('refuses a cut-off GeoJSON, saying where it stops', () => {
    const text = JSON.stringify({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: square },
    });
    expect(() =>
      readBoundaryUpload([{ name: 'cut.geojson', bytes: new TextEncoder().encode(text.slice(0, 60)) }]),
    ).toThrow(/^cut\.geojson is not valid JSON at line 1, column \d+/);
  });
  it('refuses a KML cut off mid-element', () => {
    const kml =
      '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>120.2,30.3 120.21,30.3';
    expect(() => readBoundaryUpload([{ name: 'cut.kml', bytes: new TextEncoder().encode(kml) }])).toThrow(
      /^cut\.kml is not well-formed XML/,
    );
  });
});
