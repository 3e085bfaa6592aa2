import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readGeoPackage, writeGeoPackage } from './geopackage';

const layer = () =>
  writeGeoPackage({
    table: 'premises',
    description: '测试',
    geometryType: 'POINT',
    columns: [
      { name: 'name', type: 'TEXT' },
      { name: 'staff', type: 'INTEGER' },
    ],
    rows: [
      { geometry: { type: 'Point', coordinates: [120.21, 30.34] }, values: ['阿林小卖部', 2] },
      { geometry: { type: 'Point', coordinates: [120.22, 30.35] }, values: ['=cmd', null] },
    ],
  });

describe('GeoPackage files', () => {
  it('carry the GPKG application id, version and required tables', () => {
    const db = new Database(layer(), { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(0x47504b47);
    expect(db.pragma('user_version', { simple: true })).toBe(10300);
    expect(db.prepare('SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id').pluck().all()).toEqual([
      -1, 0, 4326,
    ]);
    expect(db.prepare('SELECT table_name, data_type, srs_id, min_x, max_y FROM gpkg_contents').get()).toEqual(
      {
        table_name: 'premises',
        data_type: 'features',
        srs_id: 4326,
        min_x: 120.21,
        max_y: 30.35,
      },
    );
    expect(db.prepare('SELECT * FROM gpkg_geometry_columns').get()).toEqual({
      table_name: 'premises',
      column_name: 'geom',
      geometry_type_name: 'POINT',
      srs_id: 4326,
      z: 0,
      m: 0,
    });
    db.close();
  });
  it('read back with their features and attributes', () => {
    const r = readGeoPackage(layer(), 'p.gpkg');
    expect(r.srsId).toBe(4326);
    expect(r.features.map((f) => [f.geometry, f.properties.name])).toEqual([
      [{ type: 'Point', coordinates: [120.21, 30.34] }, '阿林小卖部'],
      [{ type: 'Point', coordinates: [120.22, 30.35] }, '=cmd'],
    ]);
  });
  it('refuse a SQLite file that is not a GeoPackage, and a file that is not SQLite', () => {
    const plain = new Database(':memory:');
    plain.exec('CREATE TABLE t (x)');
    expect(() => readGeoPackage(plain.serialize(), 'plain.gpkg')).toThrow(
      /not a GeoPackage \(no gpkg_contents\)/,
    );
    expect(() =>
      readGeoPackage(new TextEncoder().encode('SQLite format 3\u0000 but cut'), 'cut.gpkg'),
    ).toThrow(/not a readable GeoPackage/);
  });
  it('opens in GDAL (ogrinfo, from Debian gdal-bin, which .ci/run installs)', () => {
    const ogrinfo = ['/usr/bin/ogrinfo', '/usr/local/bin/ogrinfo'].find(existsSync);
    if (!ogrinfo) throw new Error('ogrinfo not found: apt-get install gdal-bin');
    const dir = mkdtempSync(join(tmpdir(), 'gpkg-'));
    try {
      const file = join(dir, 'p.gpkg');
      writeFileSync(file, layer());
      const out = execFileSync(ogrinfo as string, ['-al', file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(out).toMatch(/using driver `GPKG' successful/);
      expect(out).toMatch(/Feature Count: 2/);
      expect(out).toMatch(/name \(String\) = 阿林小卖部/);
      expect(out).toMatch(/POINT \(120\.21 30\.34\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
