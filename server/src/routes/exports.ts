import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { type AppEnv, actorOf } from '../http/auth';
import { importErrorResponse } from '../http/import-error-response';
import { idParam, isoDate, validate } from '../http/validate';
import { exportAreas, exportVillages, type GeographyFormat } from '../pipelines/export-geography';
import {
  type ExportFile,
  exportPremises,
  type PremiseExportFormat,
  type StreamedExport,
  streamPremiseExport,
} from '../pipelines/export-premises';

const premiseQuery = z.object({
  at: isoDate.optional(),
  village: idParam.optional(),
  category: z.string().optional(),
  status: z.string().optional(),
  full: z.enum(['0', '1'], { message: 'expected 0 or 1 (完整导出参数 full 应为 0 或 1)' }).optional(),
});

/** The file as a download: an ASCII name plus the UTF-8 one, and how many rows it holds. */
function download(file: ExportFile | StreamedExport): Response {
  const body = 'stream' in file ? file.stream : (file.bytes as Uint8Array<ArrayBuffer>);
  return new Response(body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Row-Count': String(file.count),
      'Cache-Control': 'no-store',
    },
  });
}

/**
 * Exports: the premises on a date under the map's filters as a ledger (XLSX, CSV) or GIS layer
 * (GeoJSON, GeoPackage) — only the premises of the requester's scope (the middleware's, never a
 * parameter), personal data as their role sees it unless ?full=1 (the admin's 'export.full'), each
 * export on the audit log; villages and key areas as GeoJSON or KML. Each file has its own route so
 * that hc<AppType> knows every path.
 */
export function exportRoutes(ctx: AppContext) {
  const premises = async (
    c: Context<AppEnv>,
    format: PremiseExportFormat,
    q: z.infer<typeof premiseQuery>,
  ) => {
    const actor = actorOf(c);
    const query = {
      at: q.at,
      villageId: q.village,
      category: q.category,
      status: q.status,
      fullIdNumbers: q.full === '1',
      actor: actor.username,
      role: actor.role,
      scope: c.get('scope'),
    };
    // CSV and GeoJSON are written as they are read (a million premises are never one string).
    if (format === 'csv' || format === 'geojson') return download(streamPremiseExport(ctx, format, query));
    return download(await exportPremises(ctx, format, query));
  };
  const villages = (format: GeographyFormat) => () => download(exportVillages(ctx, format));
  const areas = (format: GeographyFormat) => () => download(exportAreas(ctx, format));
  return new Hono<AppEnv>()
    .onError(importErrorResponse)
    .get('/premises.xlsx', validate('query', premiseQuery), (c) => premises(c, 'xlsx', c.req.valid('query')))
    .get('/premises.csv', validate('query', premiseQuery), (c) => premises(c, 'csv', c.req.valid('query')))
    .get('/premises.geojson', validate('query', premiseQuery), (c) =>
      premises(c, 'geojson', c.req.valid('query')),
    )
    .get('/premises.gpkg', validate('query', premiseQuery), (c) => premises(c, 'gpkg', c.req.valid('query')))
    .get('/villages.geojson', villages('geojson'))
    .get('/villages.kml', villages('kml'))
    .get('/areas.geojson', areas('geojson'))
    .get('/areas.kml', areas('kml'));
}
