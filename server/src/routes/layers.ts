import { Hono } from 'hono';
import type { AppContext } from '../context';
import { encodePremiseLayer } from '../domain/premise-layer-codec';

/** Distinguishes this process's ETags from those of an earlier run whose version counter also started at 0. */
const bootId = Date.now().toString(36);

export function layerRoutes(ctx: AppContext) {
  let cached: { version: number; body: Uint8Array; etag: string } | null = null;
  const current = () => {
    if (!cached || cached.version !== ctx.model.version) {
      const body = encodePremiseLayer(ctx.model.columns, ctx.startDay);
      cached = { version: ctx.model.version, body, etag: `"pl-${bootId}-${ctx.model.version}"` };
    }
    return cached;
  };
  return new Hono().get('/premises', (c) => {
    const layer = current();
    c.header('ETag', layer.etag);
    c.header('Cache-Control', 'no-cache');
    // Compression weakens the ETag (W/"…"); the bytes behind it are the same either way.
    if (c.req.header('If-None-Match')?.replace(/^W\//, '') === layer.etag) return c.body(null, 304);
    c.header('Content-Type', 'application/octet-stream');
    return c.body(layer.body as Uint8Array<ArrayBuffer>);
  });
}
