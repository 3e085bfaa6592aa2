import { plateText } from '../geocoder/address-point-from';
import type { AddressPoint } from '../geocoder/types';
import {
  type AddressPointMapping,
  addressPointFieldLabel,
  guessAddressPointMapping,
} from './address-point-fields';
import { ImportError } from './import-error';
import { type AddressPointRules, type AddressRowIssue, readAddressPointRow } from './read-address-point-row';
import type { RawLayer } from './read-shapefile';

/** A door-plate list's columns and rows, however the file held them. */
export interface PointListTable {
  headers: string[];
  rows: { rowNo: number; cells: string[] }[];
}

export interface AddressPointsRead {
  points: { rowNo: number; point: AddressPoint }[];
  errors: AddressRowIssue[];
  warnings: AddressRowIssue[];
  /** Rows with at least one error: not imported. */
  rejectedRows: number;
  /** The coordinate systems the imported rows were read in. */
  crs: string[];
  /** Imported rows that named no 坐标系 and were read in the import's default system. */
  defaultCrsRows: number;
}

const sameSpot = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];

/**
 * Reads every row of a door-plate list. A plate given twice at the same point is imported once
 * (a warning); given twice at different points it is an error on the later row (which one is
 * right is for a person to say).
 */
export function readAddressPoints(
  table: PointListTable,
  mapping: AddressPointMapping,
  rules: AddressPointRules,
): AddressPointsRead {
  const out: AddressPointsRead = {
    points: [],
    errors: [],
    warnings: [],
    rejectedRows: 0,
    crs: [],
    defaultCrsRows: 0,
  };
  const seen = new Map<string, { rowNo: number; lngLat: [number, number] }>();
  for (const { rowNo, cells } of table.rows) {
    const r = readAddressPointRow(cells, rowNo, table.headers, mapping, rules);
    out.warnings.push(...r.warnings);
    const point = r.point;
    if (point) {
      const plate = plateText(point);
      const earlier = seen.get(plate);
      const column =
        mapping.number !== undefined ? table.headers[mapping.number] : addressPointFieldLabel('address');
      if (earlier && sameSpot(earlier.lngLat, point.lngLat)) {
        out.warnings.push({
          row: rowNo,
          column,
          field: null,
          value: plate,
          expected: `each plate once; the same plate at the same point as row ${earlier.rowNo}, imported once`,
        });
        continue;
      }
      if (earlier) {
        r.errors.push({
          row: rowNo,
          column,
          field: null,
          value: plate,
          expected: `one position per plate; row ${earlier.rowNo} gives ${plate} at (${earlier.lngLat.join(', ')})`,
        });
      }
    }
    if (r.errors.length > 0 || !point) {
      out.errors.push(...r.errors);
      out.rejectedRows++;
      continue;
    }
    seen.set(plateText(point), { rowNo, lngLat: point.lngLat });
    out.points.push({ rowNo, point });
    if (!out.crs.includes(r.crs)) out.crs.push(r.crs);
    if (!r.crsNamed) out.defaultCrsRows++;
  }
  return out;
}

/**
 * Refuses a list that cannot give any plate: it needs 经度 and 纬度, and 号 or 地址. Says what the
 * header row holds, so the person can rename a column.
 */
export function checkAddressPointMapping(
  mapping: AddressPointMapping,
  headers: readonly string[],
  where: string,
): void {
  const missing: string[] = [];
  if (mapping.lng === undefined) missing.push('经度');
  if (mapping.lat === undefined) missing.push('纬度');
  if (mapping.number === undefined && mapping.address === undefined) missing.push('号 or 地址');
  if (missing.length === 0) return;
  throw new ImportError(
    `${where}: no column for ${missing.join('、')}; a door-plate list needs 经度, 纬度 and either 号 (with 村/社区, 路 or 小区) or a full 地址 (the header row has ${headers.map((h) => JSON.stringify(h)).join(', ') || 'nothing'})`,
    422,
    'bad_mapping',
  );
}

const LNG_COLUMN = '经度 (geometry)';
const LAT_COLUMN = '纬度 (geometry)';

/**
 * A GeoJSON layer of points as a door-plate table: one row per feature (numbered from 1), the
 * properties as columns and the point's coordinates as 经度/纬度. A feature that is not a Point is
 * an error of its own row.
 */
export function geoJsonPointTable(layer: RawLayer): {
  table: PointListTable;
  mapping: AddressPointMapping;
  errors: AddressRowIssue[];
} {
  const keys: string[] = [];
  for (const f of layer.features)
    for (const k of Object.keys(f.properties)) if (!keys.includes(k)) keys.push(k);
  const headers = [...keys, LNG_COLUMN, LAT_COLUMN];
  const errors: AddressRowIssue[] = [];
  const rows: PointListTable['rows'] = [];
  for (const f of layer.features) {
    const rowNo = f.index + 1;
    if (f.geometry?.type !== 'Point') {
      errors.push({
        row: rowNo,
        column: 'geometry',
        field: null,
        value: f.geometry?.type ?? 'null',
        expected: 'a Point: one door plate per feature',
      });
      continue;
    }
    const value = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
    rows.push({
      rowNo,
      cells: [
        ...keys.map((k) => value(f.properties[k])),
        String(f.geometry.coordinates[0]),
        String(f.geometry.coordinates[1]),
      ],
    });
  }
  const guessed = guessAddressPointMapping(keys);
  return {
    table: { headers, rows },
    mapping: { ...guessed, lng: keys.length, lat: keys.length + 1 },
    errors,
  };
}
