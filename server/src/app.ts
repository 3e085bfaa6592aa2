import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import type { AppContext } from './context';
import { ApiError } from './http/api-error';
import { type AppEnv, authMiddleware } from './http/auth';
import { bodyLimits } from './http/body-limits';
import { constraintError } from './http/constraint-message';
import { areaRoutes } from './routes/areas';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { basemapRoutes } from './routes/basemap';
import { campaignRoutes, setupRoutes } from './routes/campaign';
import { displayRoutes } from './routes/display';
import { exportRoutes } from './routes/exports';
import { geocodingRoutes } from './routes/geocoding';
import { importRoutes } from './routes/imports';
import { layerRoutes } from './routes/layers';
import { premiseEventRoutes } from './routes/premise-events';
import { premiseRoutes } from './routes/premises';
import { statsRoutes } from './routes/stats';
import { tokenRoutes, userRoutes } from './routes/users';
import { villageRoutes } from './routes/villages';

/** The API. Static files are added by main.ts; tests use this through app.request(). */
export function createApp(ctx: AppContext) {
  const app = new Hono<AppEnv>()
    // gzip JSON, JS, CSS and the binary premises layer; never the event streams (the filter skips them).
    .use(
      compress({
        contentTypeFilter: (type) =>
          COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || type === 'application/octet-stream',
      }),
    )
    .use(
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          childSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          frameAncestors: ["'self'"],
        },
        crossOriginEmbedderPolicy: false,
      }),
    )
    .use('/api/*', authMiddleware(ctx.db, ctx.auth.limits))
    .use('/api/*', bodyLimits())
    .get('/api/health', (c) => c.json({ ok: true as const }))
    .route('/api/auth', authRoutes(ctx, ctx.auth.limits, ctx.auth.limiter))
    .route('/api/users', userRoutes(ctx))
    .route('/api/tokens', tokenRoutes(ctx))
    .route('/api/audit', auditRoutes(ctx))
    .route('/api/campaign', campaignRoutes(ctx))
    .route('/api/setup', setupRoutes(ctx))
    .route('/api/villages', villageRoutes(ctx))
    .route('/api/stats', statsRoutes(ctx))
    .route('/api/layers', layerRoutes(ctx))
    .route('/api/premises', premiseRoutes(ctx))
    .route('/api/premises', premiseEventRoutes(ctx))
    .route('/api/display', displayRoutes(ctx))
    .route('/api/basemap', basemapRoutes(ctx))
    .route('/api/geocode', geocodingRoutes(ctx))
    .route('/api/areas', areaRoutes(ctx))
    .route('/api/imports', importRoutes(ctx))
    .route('/api/exports', exportRoutes(ctx));

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) {
      return c.json(
        new ApiError(404, 'not_found', `no such endpoint: ${c.req.method} ${c.req.path}`).toJSON(),
        404,
      );
    }
    return c.text('Not found', 404);
  });
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.toJSON(), err.status);
    const refused = constraintError(err);
    if (refused) {
      console.error(`${c.req.method} ${c.req.path}: ${(err as Error).message}`);
      return c.json(refused.toJSON(), refused.status);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 413 ? 'payload_too_large' : 'bad_request';
      return c.json(new ApiError(err.status, code, err.message).toJSON(), err.status);
    }
    console.error(err);
    return c.json(new ApiError(500, 'internal', 'internal error; see the server log').toJSON(), 500);
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
