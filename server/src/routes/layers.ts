import { Hono } from 'hono';
import type { AppContext } from '../context';
import type { PremiseColumns } from '../domain/premise-columns';
import { encodePremiseLayer } from '../domain/premise-layer-codec';
import type { AppEnv } from '../http/auth';
import { columnsFor } from '../scoped-columns';

/** Distinguishes this process's ETags from those of an earlier run whose version counter also started at 0. */
const bootId = Date.now().toString(36);

/** The premises layer (binary columns) as the asking account's scope sees it; encoded once per version and scope. */
export function layerRoutes(ctx: AppContext) {
  const cached = new WeakMap<PremiseColumns, { body: Uint8Array; etag: string }>();
  let encoded = 0;
  const current = (cols: PremiseColumns) => {
    let layer = cached.get(cols);
    if (!layer) {
      layer = { body: encodePremiseLayer(cols, ctx.startDay), etag: `"pl-${bootId}-${++encoded}"` };
      cached.set(cols, layer);
    }
    return layer;
  };
  return new Hono<AppEnv>().get('/premises', (c) => {
    const layer = current(columnsFor(ctx, c.get('scope')));
    c.header('ETag', layer.etag);
    c.header('Cache-Control', 'no-cache');
    // Compression weakens the ETag (W/"…"); the bytes behind it are the same either way.
    if (c.req.header('If-None-Match')?.replace(/^W\//, '') === layer.etag) return c.body(null, 304);
    c.header('Content-Type', 'application/octet-stream');
    return c.body(layer.body as Uint8Array<ArrayBuffer>);
  });
}
