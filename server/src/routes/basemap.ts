import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { listBasemapFeatures, listTownships } from '../db/geography';
import { BASEMAP_LAYERS, basemapStyle } from '../domain/basemap-style';
import { validate } from '../http/validate';
import { townshipBbox } from './geo-helpers';

function layerFeatures(ctx: AppContext, layer: (typeof BASEMAP_LAYERS)[number]): GeoJSON.Feature[] {
  if (layer === 'township') {
    return listTownships(ctx.db).map((t) => ({
      type: 'Feature',
      properties: { code: t.code, name: t.name },
      geometry: t.geometry,
    }));
  }
  return listBasemapFeatures(ctx.db, layer).map((f) => ({
    type: 'Feature',
    properties: { class: f.class, name: f.name, widthM: f.widthM },
    geometry: f.geometry,
  }));
}

/** The offline basemap: a MapLibre style whose sources are this server's own GeoJSON layers. */
export function basemapRoutes(ctx: AppContext) {
  return new Hono()
    .get('/style.json', (c) => {
      const url = new URL(c.req.url);
      const base = `${url.origin}${url.pathname.replace(/\/style\.json$/, '')}`;
      const [w, s, e, n] = townshipBbox(ctx.db);
      return c.json(basemapStyle(base, [(w + e) / 2, (s + n) / 2]));
    })
    .get(
      '/layers/:file',
      validate(
        'param',
        z.object({
          file: z.enum(BASEMAP_LAYERS.map((l) => `${l}.geojson`) as [string, ...string[]], {
            message: `expected one of ${BASEMAP_LAYERS.map((l) => `${l}.geojson`).join(', ')}`,
          }),
        }),
      ),
      (c) => {
        const layer = c.req.valid('param').file.replace(/\.geojson$/, '') as (typeof BASEMAP_LAYERS)[number];
        return c.json({ type: 'FeatureCollection' as const, features: layerFeatures(ctx, layer) });
      },
    );
}
