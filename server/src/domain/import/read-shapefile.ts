import { parseDbf, parseShp } from 'shpjs';
import { dbfEncoding } from './dbf-encoding';
import { ImportError } from './import-error';

/** The files of one shapefile, by extension; .prj and .cpg as text. */
export interface ShapefileParts {
  name: string;
  shp?: Uint8Array;
  dbf?: Uint8Array;
  shx?: Uint8Array;
  prj?: string;
  cpg?: string;
}

/** A feature as read from a file, in the file's own coordinates. */
export interface RawFeature {
  index: number;
  geometry: GeoJSON.Geometry | null;
  properties: Record<string, unknown>;
}

export interface RawLayer {
  features: RawFeature[];
  /** The .prj text, if there was one. */
  prj: string | null;
  notes: string[];
}

const SHAPE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28, 31]);
const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;

/** Groups files into shapefiles by their name without extension (extensions in any case). */
export function groupShapefileParts(files: readonly { name: string; bytes: Uint8Array }[]): ShapefileParts[] {
  const groups = new Map<string, ShapefileParts>();
  for (const f of files) {
    const m = /^(.*)\.([^.]+)$/.exec(f.name);
    if (!m) continue;
    const ext = m[2].toLowerCase();
    if (!(SHAPEFILE_PARTS as readonly string[]).includes(ext)) continue;
    const key = m[1].toLowerCase();
    const g = groups.get(key) ?? { name: m[1] };
    if (ext === 'prj' || ext === 'cpg') g[ext] = new TextDecoder().decode(f.bytes);
    else g[ext as 'shp' | 'dbf' | 'shx'] = f.bytes;
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** Why a .shp is not one we can read, or null when its header is sound. */
function shpHeaderProblem(shp: Uint8Array): string | null {
  if (shp.length < 100) return `it has ${shp.length} bytes, fewer than the 100 of a shapefile header`;
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (view.getInt32(0, false) !== 9994)
    return 'it does not start with the shapefile file code 9994 (is it another kind of file?)';
  const declared = view.getInt32(24, false) * 2;
  if (declared > shp.length)
    return `it is cut off: its header says ${declared} bytes but it has ${shp.length}`;
  const type = view.getInt32(32, true);
  if (!SHAPE_TYPES.has(type))
    return `its header names shape type ${type}, which is not a shapefile shape type`;
  return null;
}

/**
 * Reads one shapefile's geometries and attributes, without reprojecting (the caller converts
 * with the .prj). The .dbf's code page comes from its .cpg or, without one, from the bytes
 * (a GBK .dbf without .cpg reads as Chinese). A .shp without .dbf gives features without attributes.
 */
export function readShapefile(parts: ShapefileParts): RawLayer {
  const label = parts.name;
  if (!parts.shp) {
    const has = SHAPEFILE_PARTS.filter((p) => parts[p] !== undefined).map((p) => `.${p}`);
    throw new ImportError(
      `shapefile ${label}: the .shp is missing (there is only ${has.join(', ')}); upload the .shp with it`,
      400,
      'bad_shapefile',
    );
  }
  const problem = shpHeaderProblem(parts.shp);
  if (problem)
    throw new ImportError(`shapefile ${label}: the .shp cannot be read: ${problem}`, 400, 'bad_shapefile');
  let geometries: (GeoJSON.Geometry | null)[];
  try {
    geometries = parseShp(parts.shp);
  } catch (err) {
    throw new ImportError(
      `shapefile ${label}: the .shp cannot be read (${(err as Error).message})`,
      400,
      'bad_shapefile',
    );
  }
  const notes: string[] = [];
  let records: Record<string, unknown>[] = [];
  if (parts.dbf) {
    const encoding = dbfEncoding(parts.dbf, parts.cpg);
    notes.push(`${label}.dbf read as ${encoding.label} (${encoding.reason})`);
    try {
      records = parseDbf(parts.dbf, encoding.label);
    } catch (err) {
      throw new ImportError(
        `shapefile ${label}: the .dbf cannot be read (${(err as Error).message})`,
        400,
        'bad_shapefile',
      );
    }
    if (records.length !== geometries.length) {
      notes.push(
        `${label}: the .dbf has ${records.length} records for ${geometries.length} shapes; attributes may be misaligned`,
      );
    }
  } else {
    notes.push(`${label}: no .dbf, so the features have no attributes (names, codes) to match villages by`);
  }
  return {
    features: geometries.map((geometry, index) => ({
      index,
      geometry: geometry ?? null,
      properties: records[index] ?? {},
    })),
    prj: parts.prj ?? null,
    notes,
  };
}
