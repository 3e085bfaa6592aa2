import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { listBasemapFeatures, listTownships } from '../db/geography';
import { BASEMAP_LAYERS, basemapStyle } from '../domain/basemap-style';
import { roundGeometry } from '../domain/display/display-geometry';
import { validate } from '../http/validate';
import { townshipBbox } from './geo-helpers';

type Layer = (typeof BASEMAP_LAYERS)[number];

/**
 * A layer as the public screen gets it: geometry rounded to a metre and only the properties the
 * style draws by (an explicit list, so a column added to the table never leaks through).
 */
function publicFeatures(ctx: AppContext, layer: Layer): GeoJSON.Feature[] {
  if (layer === 'township') {
    return listTownships(ctx.db).map((t) => ({
      type: 'Feature',
      properties: { name: t.name },
      geometry: roundGeometry(t.geometry),
    }));
  }
  return listBasemapFeatures(ctx.db, layer).map((f) => ({
    type: 'Feature',
    properties: { class: f.class },
    geometry: roundGeometry(f.geometry),
  }));
}

const layerFile = z.enum(BASEMAP_LAYERS.map((l) => `${l}.geojson`) as [string, ...string[]], {
  message: `expected one of ${BASEMAP_LAYERS.map((l) => `${l}.geojson`).join(', ')}`,
});

/** The big screen's own dark basemap, so /display reads nothing outside /api/display/. */
export function displayBasemapRoutes(ctx: AppContext) {
  return new Hono()
    .get('/style.json', (c) => {
      const url = new URL(c.req.url);
      const base = `${url.origin}${url.pathname.replace(/\/style\.json$/, '')}`;
      const [w, s, e, n] = townshipBbox(ctx.db);
      return c.json(basemapStyle(base, [(w + e) / 2, (s + n) / 2], 'dark'));
    })
    .get('/layers/:file', validate('param', z.object({ file: layerFile })), (c) => {
      const layer = c.req.valid('param').file.replace(/\.geojson$/, '') as Layer;
      return c.json({ type: 'FeatureCollection' as const, features: publicFeatures(ctx, layer) });
    });
}
