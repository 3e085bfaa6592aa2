import { readGeoPackage } from '../db/geopackage';
import { type Crs, crsByEpsg } from '../domain/crs/crs-catalog';
import { decodeText } from '../domain/import/decode-text';
import { ImportError } from '../domain/import/import-error';
import { readGeoJson } from '../domain/import/read-geojson';
import { readKml } from '../domain/import/read-kml';
import { groupShapefileParts, type RawLayer, readShapefile } from '../domain/import/read-shapefile';
import { type UploadedFile, unzipUpload } from './unzip-upload';

export type BoundaryFormat = 'geojson' | 'kml' | 'shapefile' | 'geopackage';

export interface BoundaryUpload {
  format: BoundaryFormat;
  fileName: string;
  layer: RawLayer;
  /** A system the file itself names precisely (a GeoPackage's srs_id), if any. */
  crs?: Crs;
}

const startsWith = (bytes: Uint8Array, text: string) =>
  new TextDecoder('latin1').decode(bytes.subarray(0, text.length)) === text;
const ext = (name: string) => /\.([^.]+)$/.exec(name)?.[1].toLowerCase() ?? '';

/** Files that travel with a shapefile but hold no features (indexes, metadata, QGIS extras). */
const AUXILIARY = /\.(sbn|sbx|qpj|cst|mshp|qix|fix|atx|shp\.xml|aih|ain)$/i;

const unsupported = (name: string) =>
  new ImportError(
    {
      en: `${name} is not a boundary file we can read; send GeoJSON, KML/KMZ, a GeoPackage, or a shapefile (.zip or its .shp/.dbf/.prj/.cpg parts)`,
      zh: `${name} 不是可读取的边界文件；请上传 GeoJSON、KML/KMZ、GeoPackage，或 Shapefile（.zip，或 .shp/.dbf/.prj/.cpg 几个文件一起）`,
    },
    400,
    'unsupported_format',
  );

function text(file: UploadedFile): string {
  const decoded = decodeText(file.bytes);
  if (!decoded)
    throw new ImportError(
      {
        en: `${file.name} is not text in UTF-8 or GBK`,
        zh: `${file.name} 不是 UTF-8 或 GBK 编码的文本，无法读取`,
      },
      400,
      'bad_encoding',
    );
  return decoded.text;
}

function shapefiles(files: UploadedFile[], label: string): BoundaryUpload {
  const groups = groupShapefileParts(files);
  const withShp = groups.filter((g) => g.shp);
  if (withShp.length === 0) {
    const names = files.map((f) => f.name);
    throw new ImportError(
      {
        en: `${label} holds no .shp file (it has ${names.join(', ') || 'nothing'}); a shapefile needs at least its .shp`,
        zh: `${label} 里没有 .shp 文件（现有：${names.join('、') || '无'}）；Shapefile 至少要有 .shp 文件`,
      },
      400,
      'bad_shapefile',
    );
  }
  const layers = withShp.map(readShapefile);
  const prjs = new Set(layers.map((l) => l.prj));
  if (prjs.size > 1)
    throw new ImportError(
      {
        en: `${label} holds shapefiles in different coordinate systems; upload them one at a time`,
        zh: `${label} 里的几个 Shapefile 坐标系不同；请逐个上传`,
      },
      422,
      'mixed_crs',
    );
  let offset = 0;
  const features = layers.flatMap((l) => {
    const out = l.features.map((f) => ({ ...f, index: f.index + offset }));
    offset += l.features.length;
    return out;
  });
  const notes = layers.flatMap((l) => l.notes);
  if (withShp.length > 1)
    notes.unshift(`read ${withShp.length} shapefiles: ${withShp.map((g) => g.name).join(', ')}`);
  return { format: 'shapefile', fileName: label, layer: { features, prj: layers[0].prj, notes } };
}

/**
 * Reads an uploaded boundary file, whatever form it comes in: GeoJSON, KML (or KMZ), a GeoPackage,
 * a shapefile as a .zip or as loose .shp/.shx/.dbf/.prj/.cpg parts. Format by content first, then
 * by extension; anything else is refused saying what was expected.
 */
export function readBoundaryUpload(files: UploadedFile[]): BoundaryUpload {
  if (files.length === 0)
    throw new ImportError(
      {
        en: 'no file was uploaded; send the boundary file as "file"',
        zh: '没有收到文件，请选择要上传的边界文件',
      },
      400,
      'no_file',
    );
  if (files.length > 1) return shapefiles(files, files.map((f) => f.name).join(' + '));
  const file = files[0];
  if (file.bytes.length === 0)
    throw new ImportError({ en: `${file.name} is empty`, zh: `${file.name} 是空文件` }, 422, 'empty');
  const e = ext(file.name);
  if (startsWith(file.bytes, 'PK\u0003\u0004') || e === 'zip' || e === 'kmz') {
    const entries = unzipUpload(file.bytes, file.name);
    const kml = entries.find((x) => ext(x.name) === 'kml');
    if (kml && !entries.some((x) => ext(x.name) === 'shp'))
      return { format: 'kml', fileName: file.name, layer: readKml(text(kml), kml.name) };
    const json = entries.find((x) => ext(x.name) === 'geojson' || ext(x.name) === 'json');
    if (json && !entries.some((x) => ext(x.name) === 'shp'))
      return { format: 'geojson', fileName: file.name, layer: readGeoJson(text(json), json.name) };
    return shapefiles(entries, file.name);
  }
  if (startsWith(file.bytes, 'SQLite format 3\u0000') || e === 'gpkg') {
    const gpkg = readGeoPackage(file.bytes, file.name);
    const known = crsByEpsg(gpkg.srsId) ?? undefined;
    return {
      format: 'geopackage',
      fileName: file.name,
      layer: { features: gpkg.features, prj: known ? null : gpkg.definition, notes: gpkg.notes },
      crs: known,
    };
  }
  if (['shp', 'shx', 'dbf', 'prj', 'cpg'].includes(e)) return shapefiles(files, file.name);
  if (AUXILIARY.test(file.name)) {
    throw new ImportError(
      {
        en: `${file.name} is an auxiliary file of a shapefile, not the shapefile itself; upload the .shp with its .shx, .dbf, .prj and .cpg (or all of them in a .zip)`,
        zh: `${file.name} 是 Shapefile 的附属文件，不是 Shapefile 本身；请把 .shp 连同 .shx、.dbf、.prj、.cpg 一起上传（或打包成 .zip）`,
      },
      400,
      'unsupported_format',
    );
  }
  const decoded = decodeText(file.bytes);
  if (!decoded || decoded.text.includes(String.fromCharCode(0))) throw unsupported(file.name);
  const body = decoded.text;
  const head = body.replace(/^\uFEFF/, '').trimStart();
  if (e === 'kml' || head.startsWith('<'))
    return { format: 'kml', fileName: file.name, layer: readKml(body, file.name) };
  if (['geojson', 'json'].includes(e) || head.startsWith('{') || head.startsWith('[') || head === 'null') {
    return { format: 'geojson', fileName: file.name, layer: readGeoJson(body, file.name) };
  }
  throw unsupported(file.name);
}
