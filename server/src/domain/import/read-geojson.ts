import { checkGeoJsonStructure, duplicateMembers } from './geojson-structure';
import { ImportError } from './import-error';
import type { RawLayer } from './read-shapefile';

/** Line and column of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Cuts positions to [x, y] and flattens nested GeometryCollections (the repairs the structure check names). */
function tidy(geometry: GeoJSON.Geometry): GeoJSON.Geometry {
  if (geometry.type === 'GeometryCollection') {
    const flat = geometry.geometries.flatMap((g) => {
      const t = tidy(g);
      return t.type === 'GeometryCollection' ? t.geometries : [t];
    });
    return flat.length === 1 ? flat[0] : { type: 'GeometryCollection', geometries: flat };
  }
  const cut = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? c.slice(0, 2) : (c as unknown[]).map(cut);
  return { ...geometry, coordinates: cut(geometry.coordinates) } as GeoJSON.Geometry;
}

/**
 * Reads a GeoJSON text: refuses invalid JSON (saying where), duplicate members and anything
 * RFC 7946 does not allow (saying which member and why); makes the harmless repairs. A lone
 * Feature or geometry counts as a one-feature collection.
 */
export function readGeoJson(text: string, fileName = 'the file'): RawLayer {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const where = pos ? ` at ${lineAndColumn(text, Number(pos[1]))}` : '';
    throw new ImportError(
      `${fileName} is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      400,
      'bad_geojson',
    );
  }
  const duplicates = duplicateMembers(text);
  if (duplicates.length > 0) {
    throw new ImportError(
      `${fileName} is not valid GeoJSON: an object contains the member ${duplicates.map((d) => JSON.stringify(d)).join(', ')} twice, so its meaning is ambiguous`,
      400,
      'bad_geojson',
    );
  }
  const check = checkGeoJsonStructure(root);
  if (check.problems.length > 0) {
    throw new ImportError(
      `${fileName} is not valid GeoJSON: ${check.problems.join('; ')}`,
      400,
      'bad_geojson',
      { problems: check.problems },
    );
  }
  const r = root as GeoJSON.GeoJSON;
  const features: GeoJSON.Feature[] =
    r.type === 'FeatureCollection'
      ? r.features
      : r.type === 'Feature'
        ? [r]
        : [{ type: 'Feature', properties: {}, geometry: r }];
  return {
    features: features.map((f, index) => ({
      index,
      geometry: f.geometry ? tidy(f.geometry) : null,
      properties: {
        ...(f.properties ?? {}),
        ...(f.id !== undefined && f.properties?.id === undefined ? { id: f.id } : {}),
      },
    })),
    prj: null,
    notes: check.repairs,
  };
}
