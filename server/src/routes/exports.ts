import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { importErrorResponse } from '../http/import-error-response';
import { idParam, isoDate, validate } from '../http/validate';
import { exportAreas, exportVillages, type GeographyFormat } from '../pipelines/export-geography';
import { type ExportFile, exportPremises } from '../pipelines/export-premises';

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
 * ?full=1 (an office function; roles will limit it).
 */
export function exportRoutes(ctx: AppContext) {
  const app = new Hono().onError(importErrorResponse);
  for (const format of ['xlsx', 'csv', 'geojson', 'gpkg'] as const) {
    app.get(`/premises.${format}`, validate('query', premiseQuery), async (c) => {
      const q = c.req.valid('query');
      return download(
        await exportPremises(ctx, format, {
          at: q.at,
          villageId: q.village,
          category: q.category,
          status: q.status,
          fullIdNumbers: q.full === '1',
        }),
      );
    });
  }
  for (const format of ['geojson', 'kml'] as const satisfies GeographyFormat[]) {
    app.get(`/villages.${format}`, () => download(exportVillages(ctx, format)));
    app.get(`/areas.${format}`, () => download(exportAreas(ctx, format)));
  }
  return app;
}
