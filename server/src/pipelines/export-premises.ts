import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { writeGeoPackage } from '../db/geopackage';
import { categoryByCode } from '../domain/categories';
import { CSV_BOM, csvLine } from '../domain/csv-text';
import { formatDay } from '../domain/dates';
import { ledgerXlsx } from '../domain/export/ledger-xlsx';
import { LEDGER_COLUMNS, type LedgerEntry, ledgerRow } from '../domain/export/premise-ledger';
import { STATUSES } from '../domain/statuses';
import { recordName } from '../township-scope';
import {
  type PremiseExportQuery,
  planEntries,
  planPremiseExport,
  selectPremises,
} from './select-premises-for-export';

export type PremiseExportFormat = 'xlsx' | 'csv' | 'geojson' | 'gpkg';

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

function feature(e: LedgerEntry): GeoJSON.Feature<GeoJSON.Point> {
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
      idNumber: p.idNumber,
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

/** A CSV or GeoJSON export as a stream of bytes: a million premises are never one string. */
export interface StreamedExport {
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  fileName: string;
  count: number;
}

/** How many premises one read of the database writes into the stream. */
const PREMISES_PER_CHUNK = 500;

/**
 * The premises under the filters on the date, within the requester's scope, as CSV or GeoJSON
 * written as the reader takes it: the premises are picked from the in-memory model first (so the
 * count is known and logged before the first byte), then read from the database a chunk at a time,
 * each chunk when the reader asks for more — other requests are answered in between.
 */
export function streamPremiseExport(
  ctx: AppContext,
  format: 'csv' | 'geojson',
  q: PremiseExportQuery,
): StreamedExport {
  const plan = planPremiseExport(ctx, q);
  auditExport(ctx, format, q, plan.at, plan.ids.length);
  const encoder = new TextEncoder();
  const name = `${recordName(ctx)}十小经营户（${plan.at}）`;
  let next = 0;
  let written = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const head =
        format === 'csv'
          ? `${CSV_BOM}${csvLine(['序号', ...LEDGER_COLUMNS.map((c) => c.header)])}\r\n`
          : `{"type":"FeatureCollection","name":${JSON.stringify(name)},"features":[`;
      controller.enqueue(encoder.encode(head));
    },
    async pull(controller) {
      // A turn of the event loop between chunks, whoever reads: other requests are answered.
      await new Promise((resolve) => setImmediate(resolve));
      const from = next;
      next = Math.min(from + PREMISES_PER_CHUNK, plan.ids.length);
      let text = '';
      for (const e of planEntries(ctx, plan, from, next)) {
        written++;
        text +=
          format === 'csv'
            ? `${csvLine([written, ...ledgerRow(e)])}\r\n`
            : `${written > 1 ? ',' : ''}${JSON.stringify(feature(e))}`;
      }
      if (next < plan.ids.length) {
        controller.enqueue(encoder.encode(text));
        return;
      }
      controller.enqueue(encoder.encode(format === 'geojson' ? `${text}]}\n` : text));
      controller.close();
    },
  });
  return {
    stream,
    contentType: CONTENT_TYPES[format],
    fileName: `premises-${plan.at}.${format}`,
    count: plan.ids.length,
  };
}

/** The audit log's line for a premise export: who, which file, which premises, how many, whether full. */
function auditExport(
  ctx: AppContext,
  format: PremiseExportFormat,
  q: PremiseExportQuery,
  at: string,
  count: number,
): void {
  audit(ctx.db, {
    actor: q.actor ?? null,
    action: 'export',
    entity: 'premises',
    after: {
      format,
      filters: {
        at,
        village: q.villageId ?? null,
        category: q.category ?? null,
        status: q.status ?? null,
        ...(q.scope?.villages ? { scopeVillages: [...q.scope.villages] } : {}),
        ...(q.scope?.categories ? { scopeCategories: [...q.scope.categories] } : {}),
      },
      count,
      full: q.fullIdNumbers === true,
    },
  });
}

/**
 * The premises under the filters on the date, within the requester's scope, as a ledger (XLSX, CSV)
 * or a GIS layer (GeoJSON, GeoPackage). Every export is on the audit log: who, which file, which
 * premises, how many, and whether it held full personal data. CSV and GeoJSON are the streamed
 * export's bytes gathered whole (for the command line): one writer for each format.
 */
export async function exportPremises(
  ctx: AppContext,
  format: PremiseExportFormat,
  q: PremiseExportQuery,
): Promise<ExportFile> {
  if (format === 'csv' || format === 'geojson') {
    // The same bytes the server streams, gathered (the command line writes them to a file).
    const streamed = streamPremiseExport(ctx, format, q);
    const bytes = new Uint8Array(await new Response(streamed.stream).arrayBuffer());
    return { bytes, contentType: streamed.contentType, fileName: streamed.fileName, count: streamed.count };
  }
  const { at, entries, filterText } = selectPremises(ctx, q);
  const file = await writePremises(ctx, format, at, entries, filterText);
  auditExport(ctx, format, q, at, file.count);
  return file;
}

/** A ledger (XLSX) or a GeoPackage, written whole; CSV and GeoJSON are streamed. */
async function writePremises(
  ctx: AppContext,
  format: 'xlsx' | 'gpkg',
  at: string,
  entries: LedgerEntry[],
  filterText: string,
): Promise<ExportFile> {
  const make = (bytes: Uint8Array, ext: string): ExportFile => ({
    bytes,
    contentType: CONTENT_TYPES[format],
    fileName: `premises-${at}.${ext}`,
    count: entries.length,
  });
  if (format === 'xlsx') {
    const bytes = await ledgerXlsx({
      sheetName: '台账',
      title: `${recordName(ctx)}十小整治台账（${at}）`,
      subtitle: filterText,
      columns: [{ header: '序号', width: 6 }, ...LEDGER_COLUMNS],
      rows: entries.map((e, i) => [i + 1, ...ledgerRow(e)]),
    });
    return make(bytes, 'xlsx');
  }
  const bytes = writeGeoPackage({
    table: 'premises',
    description: `${recordName(ctx)}十小经营户 ${filterText}`,
    geometryType: 'POINT',
    columns: GPKG_COLUMNS.map(([name, type]) => ({ name, type })),
    rows: entries.map((e) => {
      const p = feature(e).properties as Record<string, unknown>;
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
