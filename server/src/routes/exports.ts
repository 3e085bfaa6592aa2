import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { importErrorResponse } from '../http/import-error-response';
import { idParam, isoDate, validate } from '../http/validate';
import { exportAreas, exportVillages, type GeographyFormat } from '../pipelines/export-geography';
import { type ExportFile, exportPremises, type PremiseExportFormat } from '../pipelines/export-premises';

const premiseQuery = z.object({
  at: isoDate.optional(),
  village: idParam.optional(),
  category: z.string().optional(),
  status: z.string().optional(),
  full: z.enum(['0', '1'], { message: 'expected 0 or 1' }).optional(),
});

/** The file as a download: an ASCII name plus the UTF-8 one, and how many rows it holds. */
function download(file: ExportFile): Response {
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
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
 * (GeoJSON, GeoPackage); villages and key areas as GeoJSON or KML. ID numbers are masked unless
 * ?full=1 (an office function; roles will limit it). Each file has its own route so that
 * hc<AppType> knows every path.
 */
export function exportRoutes(ctx: AppContext) {
  const premises = async (format: PremiseExportFormat, q: z.infer<typeof premiseQuery>) =>
    download(
      await exportPremises(ctx, format, {
        at: q.at,
        villageId: q.village,
        category: q.category,
        status: q.status,
        fullIdNumbers: q.full === '1',
      }),
    );
  const villages = (format: GeographyFormat) => () => download(exportVillages(ctx, format));
  const areas = (format: GeographyFormat) => () => download(exportAreas(ctx, format));
  return new Hono()
    .onError(importErrorResponse)
    .get('/premises.xlsx', validate('query', premiseQuery), (c) => premises('xlsx', c.req.valid('query')))
    .get('/premises.csv', validate('query', premiseQuery), (c) => premises('csv', c.req.valid('query')))
    .get('/premises.geojson', validate('query', premiseQuery), (c) =>
      premises('geojson', c.req.valid('query')),
    )
    .get('/premises.gpkg', validate('query', premiseQuery), (c) => premises('gpkg', c.req.valid('query')))
    .get('/villages.geojson', villages('geojson'))
    .get('/villages.kml', villages('kml'))
    .get('/areas.geojson', areas('geojson'))
    .get('/areas.kml', areas('kml'));
}
