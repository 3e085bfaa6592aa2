import { plateText } from '../geocoder/address-point-from';
import type { AddressPoint } from '../geocoder/types';
import {
  type AddressPointMapping,
  addressPointFieldLabel,
  guessAddressPointMapping,
} from './address-point-fields';
import { type Bilingual, expectedOf } from './bilingual';
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

/** Units of one building stand within this of each other. */
const BUILDING_METERS = 80;
const nearby = (a: [number, number], b: [number, number]) =>
  Math.hypot((a[0] - b[0]) * 96_000, (a[1] - b[1]) * 111_000) <= BUILDING_METERS;

/**
 * Reads every row of a door-plate list. A plate given twice at the same point is imported once
 * (a warning); given twice at different points it is an error on the later row (which one is
 * right is for a person to say) — except a building written by its units, whose doors are near.
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
          ...expectedOf({
            en: `each plate once; the same plate at the same point as row ${earlier.rowNo}, imported once`,
            zh: `每个门牌只登记一次；与第 ${earlier.rowNo} 行门牌相同、位置相同，只导入一次`,
          }),
        });
        continue;
      }
      // A building written by its units (3幢1单元, 3幢2单元) is one plate at several doors: all kept.
      if (earlier && (point.number !== undefined || !nearby(earlier.lngLat, point.lngLat))) {
        r.errors.push({
          row: rowNo,
          column,
          field: null,
          value: plate,
          ...expectedOf({
            en: `one position per plate; row ${earlier.rowNo} gives ${plate} at (${earlier.lngLat.join(', ')})`,
            zh: `同一门牌只能有一个位置；第 ${earlier.rowNo} 行的${plate}在 (${earlier.lngLat.join(', ')})，与本行不同`,
          }),
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
  where: Bilingual,
): void {
  const missing: string[] = [];
  if (mapping.lng === undefined) missing.push('经度');
  if (mapping.lat === undefined) missing.push('纬度');
  const noPlate = mapping.number === undefined && mapping.address === undefined;
  if (missing.length === 0 && !noPlate) return;
  const header = headers.map((h) => JSON.stringify(h));
  throw new ImportError(
    {
      en: `${where.en}: no column for ${[...missing, ...(noPlate ? ['号 or 地址'] : [])].join('、')}; a door-plate list needs 经度, 纬度 and either 号 (with 村/社区, 路 or 小区) or a full 地址 (the header row has ${header.join(', ') || 'nothing'})`,
      zh: `${where.zh}：缺少${[...missing, ...(noPlate ? ['号或地址'] : [])].join('、')}列；门牌表须有经度、纬度，以及号（配村/社区、路或小区）或完整地址（表头现有：${header.join('、') || '无'}）`,
    },
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
        ...expectedOf({ en: 'a Point: one door plate per feature', zh: '点（Point）：每个要素是一个门牌' }),
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
