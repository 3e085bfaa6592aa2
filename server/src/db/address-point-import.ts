import iconv from 'iconv-lite';
import {
  type AddressPointImport,
  addressPointsFromCsv,
  addressPointsFromGeoJson,
  type RowError,
} from '../domain/geocoder/address-point-rows';
import { audit } from './audit';
import { addressPointInserter, currentGazetteer } from './gazetteer';
import type { Db } from './open-database';

export type AddressFileFormat = 'csv' | 'geojson';

/** Text from file bytes: UTF-8 (with or without BOM) when it is valid UTF-8, else GBK/GB18030 (Excel's CSV in China). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

/** The format from a file name, else from the first character (`{` is GeoJSON). */
export function formatOf(fileName: string | undefined, text: string): AddressFileFormat {
  if (fileName && /\.csv$/iu.test(fileName)) return 'csv';
  if (fileName && /\.(geo)?json$/iu.test(fileName)) return 'geojson';
  return text
    .replace(/^\uFEFF/u, '')
    .trimStart()
    .startsWith('{')
    ? 'geojson'
    : 'csv';
}

export type ImportOutcome =
  | {
      ok: true;
      imported: number;
      format: AddressFileFormat;
      encoding: string;
      crs: AddressPointImport['crs'];
      assumedWgs84: number;
    }
  | { ok: false; format: AddressFileFormat; encoding: string; errors: RowError[] };

/**
 * Imports a CSV or GeoJSON file of door-plate address points, all or nothing: every row is checked
 * first; if any is wrong nothing is written and the outcome lists every problem (row, column, what
 * was expected). On success the points go in as source 'import' with one audit row.
 */
export function importAddressPointFile(
  db: Db,
  file: { bytes: Uint8Array; name?: string; format?: AddressFileFormat },
  actor: string | null = null,
): ImportOutcome {
  const { text, encoding } = decodeText(file.bytes);
  const format = file.format ?? formatOf(file.name, text);
  const gazetteer = currentGazetteer(db);
  let parsed: AddressPointImport;
  if (format === 'csv') {
    parsed = addressPointsFromCsv(text, gazetteer);
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/u, ''));
    } catch (err) {
      return {
        ok: false,
        format,
        encoding,
        errors: [{ row: 0, column: '', message: `not valid JSON: ${(err as Error).message}` }],
      };
    }
    parsed = addressPointsFromGeoJson(json, gazetteer);
  }
  if (parsed.errors.length > 0) return { ok: false, format, encoding, errors: parsed.errors };
  const insert = addressPointInserter(db);
  const ids = db.transaction(() => {
    const inserted = parsed.points.map((p) => insert(p));
    audit(db, {
      actor,
      action: 'import',
      entity: 'address_points',
      after: {
        count: inserted.length,
        firstId: inserted[0],
        lastId: inserted.at(-1),
        file: file.name ?? null,
        format,
        encoding,
        crs: parsed.crs,
        assumedWgs84: parsed.assumedWgs84,
      },
    });
    return inserted;
  })();
  return {
    ok: true,
    imported: ids.length,
    format,
    encoding,
    crs: parsed.crs,
    assumedWgs84: parsed.assumedWgs84,
  };
}
