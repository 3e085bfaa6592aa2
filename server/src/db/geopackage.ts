import Database from 'better-sqlite3';
import { decodeGeoPackageGeometry, encodeGeoPackageGeometry } from '../domain/export/geopackage-binary';
import { ImportError } from '../domain/import/import-error';
import type { RawFeature } from '../domain/import/read-shapefile';

const GPKG_APPLICATION_ID = 0x47504b47;
const GPKG_USER_VERSION = 10300;
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

export interface GeoPackageColumn {
  name: string;
  type: 'TEXT' | 'INTEGER' | 'REAL';
}

export interface GeoPackageLayer {
  table: string;
  description: string;
  geometryType: 'POINT' | 'POLYGON' | 'MULTIPOLYGON' | 'GEOMETRY';
  columns: readonly GeoPackageColumn[];
  rows: Iterable<{ geometry: GeoJSON.Geometry; values: readonly (string | number | null)[] }>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes one feature layer (WGS-84) as a GeoPackage 1.3 file: application_id "GPKG", user_version
 * 10300, the required gpkg_spatial_ref_sys (-1, 0, 4326), gpkg_contents with the extent and
 * gpkg_geometry_columns; geometries as StandardGeoPackageBinary. Built in memory, returned as bytes.
 */
export function writeGeoPackage(layer: GeoPackageLayer): Buffer {
  const db = new Database(':memory:');
  try {
    db.pragma(`application_id = ${GPKG_APPLICATION_ID}`);
    db.pragma(`user_version = ${GPKG_USER_VERSION}`);
    db.exec(`
      CREATE TABLE gpkg_spatial_ref_sys (
        srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (
        table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
        description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (
        table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
    `);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run(
      'Undefined cartesian SRS',
      -1,
      'NONE',
      -1,
      'undefined',
      'undefined cartesian coordinate reference system',
    );
    srs.run(
      'Undefined geographic SRS',
      0,
      'NONE',
      0,
      'undefined',
      'undefined geographic coordinate reference system',
    );
    srs.run(
      'WGS 84 geodetic',
      4326,
      'EPSG',
      4326,
      WGS84_WKT,
      'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
    );
    const columns = layer.columns.map((c) => `${quote(c.name)} ${c.type}`).join(', ');
    db.exec(
      `CREATE TABLE ${quote(layer.table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${layer.geometryType}${columns ? `, ${columns}` : ''})`,
    );
    const insert = db.prepare(
      `INSERT INTO ${quote(layer.table)} (geom${layer.columns.map((c) => `, ${quote(c.name)}`).join('')}) VALUES (?${', ?'.repeat(layer.columns.length)})`,
    );
    const extent = [Infinity, Infinity, -Infinity, -Infinity];
    const grow = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') {
        extent[0] = Math.min(extent[0], c[0]);
        extent[1] = Math.min(extent[1], c[1]);
        extent[2] = Math.max(extent[2], c[0]);
        extent[3] = Math.max(extent[3], c[1]);
      } else if (Array.isArray(c)) c.forEach(grow);
    };
    db.transaction(() => {
      for (const row of layer.rows) {
        if (row.geometry.type !== 'GeometryCollection') grow(row.geometry.coordinates);
        insert.run(encodeGeoPackageGeometry(row.geometry), ...row.values);
      }
    })();
    const bounds = Number.isFinite(extent[0]) ? extent : [null, null, null, null];
    db.prepare(
      `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
       VALUES (?, 'features', ?, ?, ?, ?, ?, ?, 4326)`,
    ).run(layer.table, layer.table, layer.description, ...bounds);
    db.prepare("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)").run(
      layer.table,
      layer.geometryType,
    );
    return db.serialize();
  } finally {
    db.close();
  }
}

export interface GeoPackageRead {
  table: string;
  features: RawFeature[];
  srsId: number;
  /** The WKT (or other text) gpkg_spatial_ref_sys gives for the layer's srs_id. */
  definition: string | null;
  notes: string[];
}

/**
 * Reads the first feature table of a GeoPackage (a SQLite file): its attributes and geometries in
 * the file's own coordinates, with the srs_id and its definition. Refuses a file that is not a
 * GeoPackage or has no feature table.
 */
export function readGeoPackage(bytes: Uint8Array, fileName: string): GeoPackageRead {
  let db: Database.Database;
  try {
    db = new Database(Buffer.from(bytes), { readonly: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    throw new ImportError(
      `${fileName} is not a readable GeoPackage (${(err as Error).message})`,
      400,
      'bad_geopackage',
    );
  }
  try {
    const hasContents = db
      .prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('gpkg_contents', 'gpkg_geometry_columns')")
      .pluck()
      .get();
    if (Number(hasContents) < 2)
      throw new ImportError(
        `${fileName} is a SQLite file but not a GeoPackage (no gpkg_contents)`,
        400,
        'bad_geopackage',
      );
    const layers = db
      .prepare(
        `SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c
         JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name`,
      )
      .all() as { table_name: string; column_name: string; srs_id: number }[];
    if (layers.length === 0) throw new ImportError(`${fileName} has no feature table`, 422, 'no_polygons');
    const layer = layers[0];
    const notes =
      layers.length > 1 ? [`${fileName} has ${layers.length} feature tables; read ${layer.table_name}`] : [];
    const definition = db
      .prepare('SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?')
      .pluck()
      .get(layer.srs_id) as string | undefined;
    const rows = db.prepare(`SELECT * FROM ${quote(layer.table_name)}`).all() as Record<string, unknown>[];
    const features = rows.map((row, index): RawFeature => {
      const { [layer.column_name]: blob, ...properties } = row;
      let geometry: GeoJSON.Geometry | null = null;
      if (blob instanceof Uint8Array) {
        try {
          geometry = decodeGeoPackageGeometry(blob).geometry;
        } catch (err) {
          throw new ImportError(
            `${fileName}: feature ${index} has an unreadable geometry (${(err as Error).message})`,
            400,
            'bad_geopackage',
          );
        }
      }
      return { index, geometry, properties };
    });
    return { table: layer.table_name, features, srsId: layer.srs_id, definition: definition ?? null, notes };
  } finally {
    db.close();
  }
}
