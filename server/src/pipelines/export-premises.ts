import type { AppContext } from '../context';
import { getVillage } from '../db/geography';
import { writeGeoPackage } from '../db/geopackage';
import { streamPremisesForExport } from '../db/premise-export';
import { type CategoryCode, categoryByCode } from '../domain/categories';
import { csvText } from '../domain/csv-text';
import { formatDay, parseDay, todayInChina } from '../domain/dates';
import { ledgerXlsx } from '../domain/export/ledger-xlsx';
import { LEDGER_COLUMNS, type LedgerEntry, ledgerEntry, ledgerRow } from '../domain/export/premise-ledger';
import { ImportError } from '../domain/import/import-error';
import { maskIdNumber } from '../domain/mask';
import { STATUS_KEYS, STATUSES, type Status } from '../domain/statuses';

export type PremiseExportFormat = 'xlsx' | 'csv' | 'geojson' | 'gpkg';

/** A filter value as a list: `a,b` → [a, b]; absent → null (no filter). */
function listOf(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export interface PremiseExportQuery {
  /** YYYY-MM-DD; today (China) when absent. */
  at?: string;
  villageId?: number;
  /** One category code, or several separated by commas. */
  category?: string;
  /** One status key, or several separated by commas. */
  status?: string;
  /** Full ID numbers instead of masked ones (an office function). */
  fullIdNumbers?: boolean;
}

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
  count: number;
}

const CONTENT_TYPES: Record<PremiseExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json',
  gpkg: 'application/geopackage+sqlite3',
};

/** The premises on the map on `at` under the filters, each with its status and licences that day. */
export function selectPremises(
  ctx: AppContext,
  q: PremiseExportQuery,
): { at: string; entries: LedgerEntry[]; filterText: string } {
  const at = q.at ?? formatDay(todayInChina());
  const day = parseDay(at);
  if (day === null)
    throw new ImportError(
      {
        en: `at: expected a real date as YYYY-MM-DD, got ${JSON.stringify(at)}`,
        zh: `日期应为 YYYY-MM-DD 格式的真实日期，收到的是“${at}”`,
      },
      400,
      'bad_request',
    );
  const village = q.villageId === undefined ? null : getVillage(ctx.db, q.villageId);
  if (q.villageId !== undefined && !village)
    throw new ImportError(
      { en: `village ${q.villageId} not found`, zh: `找不到编号为 ${q.villageId} 的村（社区）` },
      404,
      'not_found',
    );
  const categories = listOf(q.category);
  for (const c of categories ?? [])
    if (!categoryByCode(c))
      throw new ImportError({ en: `category ${c} not found`, zh: `没有“${c}”这个行业` }, 404, 'not_found');
  const statuses = listOf(q.status);
  for (const s of statuses ?? []) {
    if (!STATUS_KEYS.includes(s as Status))
      throw new ImportError(
        {
          en: `status: expected one of ${STATUS_KEYS.join(', ')} (got ${s})`,
          zh: `整治状态应为以下之一：${STATUS_KEYS.join('、')}（收到的是“${s}”）`,
        },
        400,
        'bad_request',
      );
  }
  const entries: LedgerEntry[] = [];
  const category = categories?.length === 1 ? categories[0] : undefined;
  for (const { premise, events } of streamPremisesForExport(ctx.db, { villageId: q.villageId, category })) {
    if (categories && !categories.includes(premise.category)) continue;
    const entry = ledgerEntry(premise, events, day);
    if (entry && (!statuses || statuses.includes(entry.status))) entries.push(entry);
  }
  const filterText = [
    `状态截至 ${at}`,
    `村社区：${village ? village.name : '全部'}`,
    `行业：${categories ? categories.map((c) => categoryByCode(c as CategoryCode)?.name).join('、') : '全部'}`,
    `状态：${statuses ? statuses.map((k) => STATUSES.find((s) => s.key === k)?.name).join('、') : '全部'}`,
    `共 ${entries.length} 户`,
    q.fullIdNumbers ? '含完整身份证号（内部资料，注意保密）' : '身份证号已脱敏',
  ].join('；');
  return { at, entries, filterText };
}

function feature(e: LedgerEntry, fullIdNumbers: boolean): GeoJSON.Feature<GeoJSON.Point> {
  const p = e.premise;
  return {
    type: 'Feature',
    id: p.id,
    geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
    properties: {
      id: p.id,
      archiveNo: p.archiveNo,
      name: p.name,
      operator: p.operator,
      phone: p.phone,
      idNumber: fullIdNumbers ? p.idNumber : maskIdNumber(p.idNumber),
      address: p.address,
      village: p.villageName,
      villageCode: p.villageCode,
      category: p.category,
      categoryName: categoryByCode(p.category)?.name ?? p.category,
      status: e.status,
      statusName: STATUSES.find((s) => s.key === e.status)?.name ?? e.status,
      unlicensed: e.unlicensed,
      surveyed: formatDay(e.surveyDay),
      businessNo: e.businessNo,
      permitNo: e.permitNo,
      geocodeMethod: p.geocodeMethod,
      keyObject: p.keyObject,
      areaM2: p.areaM2,
      staff: p.staff,
      notes: p.notes,
    },
  };
}

const GPKG_COLUMNS = [
  ['archive_no', 'TEXT'],
  ['name', 'TEXT'],
  ['operator', 'TEXT'],
  ['phone', 'TEXT'],
  ['id_number', 'TEXT'],
  ['address', 'TEXT'],
  ['village', 'TEXT'],
  ['village_code', 'TEXT'],
  ['category', 'TEXT'],
  ['category_name', 'TEXT'],
  ['status', 'TEXT'],
  ['status_name', 'TEXT'],
  ['unlicensed', 'INTEGER'],
  ['surveyed', 'TEXT'],
  ['business_no', 'TEXT'],
  ['permit_no', 'TEXT'],
  ['geocode_method', 'TEXT'],
  ['key_object', 'INTEGER'],
  ['area_m2', 'REAL'],
  ['staff', 'INTEGER'],
  ['notes', 'TEXT'],
] as const;

/** The premises under the filters on the date, as a ledger (XLSX, CSV) or a GIS layer (GeoJSON, GeoPackage). */
export async function exportPremises(
  ctx: AppContext,
  format: PremiseExportFormat,
  q: PremiseExportQuery,
): Promise<ExportFile> {
  const { at, entries, filterText } = selectPremises(ctx, q);
  const full = q.fullIdNumbers === true;
  const base = `premises-${at}`;
  const make = (bytes: Uint8Array, ext: string): ExportFile => ({
    bytes,
    contentType: CONTENT_TYPES[format],
    fileName: `${base}.${ext}`,
    count: entries.length,
  });
  if (format === 'xlsx') {
    const bytes = await ledgerXlsx({
      sheetName: '台账',
      title: `${ctx.campaign.township}十小整治台账（${at}）`,
      subtitle: filterText,
      columns: [{ header: '序号', width: 6 }, ...LEDGER_COLUMNS],
      rows: entries.map((e, i) => [i + 1, ...ledgerRow(e, { fullIdNumbers: full })]),
    });
    return make(bytes, 'xlsx');
  }
  if (format === 'csv') {
    const text = csvText(
      ['序号', ...LEDGER_COLUMNS.map((c) => c.header)],
      entries.map((e, i) => [i + 1, ...ledgerRow(e, { fullIdNumbers: full })]),
    );
    return make(new TextEncoder().encode(text), 'csv');
  }
  if (format === 'geojson') {
    const fc = {
      type: 'FeatureCollection',
      name: `${ctx.campaign.township}十小经营户（${at}）`,
      features: entries.map((e) => feature(e, full)),
    };
    return make(new TextEncoder().encode(JSON.stringify(fc)), 'geojson');
  }
  const bytes = writeGeoPackage({
    table: 'premises',
    description: `${ctx.campaign.township}十小经营户 ${filterText}`,
    geometryType: 'POINT',
    columns: GPKG_COLUMNS.map(([name, type]) => ({ name, type })),
    rows: entries.map((e) => {
      const p = feature(e, full).properties as Record<string, unknown>;
      const values = [
        p.archiveNo,
        p.name,
        p.operator,
        p.phone,
        p.idNumber,
        p.address,
        p.village,
        p.villageCode,
        p.category,
        p.categoryName,
        p.status,
        p.statusName,
        p.unlicensed ? 1 : 0,
        p.surveyed,
        p.businessNo,
        p.permitNo,
        p.geocodeMethod,
        p.keyObject ? 1 : 0,
        p.areaM2,
        p.staff,
        p.notes,
      ];
      return {
        geometry: { type: 'Point', coordinates: [e.premise.lng, e.premise.lat] },
        values: values as (string | number | null)[],
      };
    }),
  });
  return make(new Uint8Array(bytes), 'gpkg');
}
