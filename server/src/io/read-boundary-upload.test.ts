import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPECTED, fixtureUploads, REAL_WORLD } from '../../../tests/helpers/real-world-fixtures';
import { ImportError } from '../domain/import/import-error';
import { normaliseBoundaries } from '../domain/import/normalise-boundaries';
import { readBoundaryUpload } from './read-boundary-upload';

const uploads = (['geojsonhint-bad', 'geojsonhint-good', 'kml', 'shapefile'] as const).flatMap(
  fixtureUploads,
);
const read = (dir: string, ...names: string[]) =>
  readBoundaryUpload(
    names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${REAL_WORLD}/${dir}/${name}`)) })),
  );

describe('every real-world fixture is read as a boundary file or refused with a clear message', () => {
  it('has an expectation for every fixture', () => {
    expect(uploads.map((u) => u.label).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(uploads.map((u) => [u.label, u] as const))('%s', (label, u) => {
    const expected = EXPECTED[label];
    const attempt = () => normaliseBoundaries(readBoundaryUpload(u.files).layer, { nearLng: 120.2 });
    if (expected instanceof RegExp) {
      expect(attempt).toThrow(ImportError);
      expect(attempt).toThrow(expected);
    } else {
      expect(attempt().features).toHaveLength(expected.imports);
    }
  });
});

describe('what the readers make of the fixtures they can read', () => {
  it('reads the harmless geojsonhint "bad" files, repairing what they get wrong', () => {
    expect(read('geojsonhint-bad', 'point-toomany.geojson').layer.notes).toEqual([
      'positions with more than three elements were cut to longitude, latitude',
    ]);
    expect(read('geojsonhint-bad', 'geometrycollection_nested.geojson').layer.notes).toContain(
      'nested GeometryCollections were flattened',
    );
    const rhr = read('geojsonhint-bad', 'bad-polygon-interiorring-rhr.geojson').layer;
    expect(rhr.features[0].geometry?.type).toBe('Polygon');
  });
  it('decodes .dbf text by its .cpg (UTF-8, ANSI 1250) and without a usable one (HTML in the .cpg)', () => {
    const field = (u: ReturnType<typeof read>) => u.layer.features.map((f) => f.properties.field);
    expect(field(read('shapefile', 'utf.zip'))).toEqual(['💩', 'Hněvošický háj']);
    expect(field(read('shapefile', 'codepage.shp', 'codepage.dbf', 'codepage.cpg', 'codepage.prj'))).toEqual([
      '??',
      'Hněvošický háj',
    ]);
    const html = read('shapefile', 'htmlcpg.shp', 'htmlcpg.dbf', 'htmlcpg.cpg', 'htmlcpg.prj');
    expect(field(html)).toEqual(['💩', 'Hněvošický háj']);
    expect(html.layer.notes[0]).toMatch(/names no code page we know; the text is valid UTF-8/);
  });
  it('ignores a .prj that is an HTML page, says so, and tells the system from the coordinates', () => {
    const { prj } = read('shapefile', 'htmlprj.shp', 'htmlprj.dbf', 'htmlprj.prj').layer;
    const inChina: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [120.2, 30.3],
          [120.21, 30.3],
          [120.21, 30.31],
          [120.2, 30.3],
        ],
      ],
    };
    const r = normaliseBoundaries({
      prj,
      notes: [],
      features: [{ index: 0, geometry: inChina, properties: {} }],
    });
    expect(r.notes[0]).toMatch(
      /the \.prj is not a coordinate system definition \(it starts with "<!DOCTYPE html>/,
    );
    expect(r.crs).toMatchObject({ code: 'WGS84', source: 'coordinates' });
  });
  it('reads null shapes, upper-case extensions, a zip folder and a .shp without .dbf', () => {
    const lga = read(
      'shapefile',
      'LGA_2013_AUST.shp',
      'LGA_2013_AUST.dbf',
      'LGA_2013_AUST.prj',
      'LGA_2013_AUST.cpg',
    ).layer;
    expect(lga.features).toHaveLength(13);
    expect(lga.features[4].properties.LGA_NAME13).toBe('Kangaroo Island (DC)');
    expect((lga.features[4].geometry as GeoJSON.MultiPolygon).coordinates).toHaveLength(21);
    expect(lga.features.filter((f) => f.geometry === null)).toHaveLength(12);
    expect(read('shapefile', 'mixedcase.zip').layer.features[0].properties.SENATOR).toBe(
      'Harriette L. Chandler (D)',
    );
    expect(read('shapefile', 'T8Th4_6n.zip').layer.features).toHaveLength(3);
    const noDbf = read('shapefile', 'no-dbf.zip').layer;
    expect(noDbf.features).toHaveLength(14);
    expect(noDbf.notes).toContain(
      'no-dbf: no .dbf, so the features have no attributes (names, codes) to match villages by',
    );
  });
  it('converts a state-plane shapefile with its .prj', () => {
    const senate = read('shapefile', 'senate.zip');
    expect(() => normaliseBoundaries(senate.layer)).toThrow(
      /feature 0 lies outside China \(longitude -71\.96\d+…-71\.61\d+, latitude 42\.24\d+…42\.51\d+/,
    );
  });
  it('reads a KML polygon with a hole', () => {
    const box = read('kml', 'polygon.kml').layer.features[0];
    expect(box.properties.name).toBe('hollow box');
    expect((box.geometry as GeoJSON.Polygon).coordinates).toHaveLength(2);
  });
});
