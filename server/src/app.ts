import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import type { AppContext } from './context';
import { databaseUnavailable } from './db/pg/pg-database';
import { redactPersonal } from './domain/redact-personal';
import { ApiError } from './http/api-error';
import { type AppEnv, authMiddleware } from './http/auth';
import { bodyLimits } from './http/body-limits';
import { constraintError } from './http/constraint-message';
import { writeGate } from './http/write-gate';
import { logError } from './log-error';
import { acceptanceRoutes, accountabilityRoutes, targetRoutes } from './routes/acceptance';
import { areaRoutes } from './routes/areas';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { basemapRoutes } from './routes/basemap';
import { campaignRoutes, setupRoutes } from './routes/campaign';
import { displayRoutes } from './routes/display';
import { drawRoutes } from './routes/draws';
import { exportRoutes } from './routes/exports';
import { geocodingRoutes } from './routes/geocoding';
import { importRoutes } from './routes/imports';
import { inspectionRoutes } from './routes/inspections';
import { layerRoutes } from './routes/layers';
import { ogcRoutes } from './routes/ogc';
import { photoRoutes, premisePhotoRoutes } from './routes/photos';
import { premiseEventRoutes } from './routes/premise-events';
import { premiseLicenceRoutes } from './routes/premise-licences';
import { premiseRoutes } from './routes/premises';
import { reportRoutes } from './routes/reports';
import { standardRoutes } from './routes/standards';
import { statsRoutes } from './routes/stats';
import { taskRoutes } from './routes/tasks';
import { townshipRoutes } from './routes/townships';
import { tokenRoutes, userRoutes } from './routes/users';
import { villageRoutes } from './routes/villages';
import { worklistRoutes } from './routes/worklists';

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
    .use('/api/*', writeGate(ctx.db))
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
    .route('/api/townships', townshipRoutes(ctx))
    .route('/api/stats', statsRoutes(ctx))
    .route('/api/layers', layerRoutes(ctx))
    .route('/api/premises', premiseRoutes(ctx))
    .route('/api/premises', premiseEventRoutes(ctx))
    .route('/api/premises', premiseLicenceRoutes(ctx))
    .route('/api/premises', inspectionRoutes(ctx))
    .route('/api/premises', premisePhotoRoutes(ctx))
    .route('/api/photos', photoRoutes(ctx))
    .route('/api/standards', standardRoutes(ctx))
    .route('/api/display', displayRoutes(ctx))
    .route('/api/basemap', basemapRoutes(ctx))
    .route('/api/geocode', geocodingRoutes(ctx))
    .route('/api/areas', areaRoutes(ctx))
    .route('/api/imports', importRoutes(ctx))
    .route('/api/exports', exportRoutes(ctx))
    .route('/api/worklists', worklistRoutes(ctx))
    .route('/api/tasks', taskRoutes(ctx))
    .route('/api/draws', drawRoutes(ctx))
    .route('/api/targets', targetRoutes(ctx))
    .route('/api/acceptance', acceptanceRoutes(ctx))
    .route('/api/accountability', accountabilityRoutes(ctx))
    .route('/api/reports', reportRoutes(ctx))
    // OGC API – Features for QGIS and GDAL: its own auth middleware and OGC-shaped errors.
    .route('/ogc', ogcRoutes(ctx));

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) {
      return c.json(
        new ApiError(
          404,
          'not_found',
          `no such endpoint: ${c.req.method} ${c.req.path}`,
          undefined,
          `没有这个接口：${c.req.method} ${c.req.path}`,
        ).toJSON(),
        404,
      );
    }
    return c.text('Not found', 404);
  });
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.toJSON(), err.status);
    const refused = constraintError(err);
    if (refused) {
      // SQLite names the constraint, not the values: the message alone says what failed where.
      console.error(redactPersonal(`${c.req.method} ${c.req.path}: ${err.message}`));
      return c.json(refused.toJSON(), refused.status);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 413 ? 'payload_too_large' : 'bad_request';
      // Hono's own refusal of a body that is not JSON: say what to fix, in Chinese too.
      const malformed = /malformed json/i.test(err.message);
      const message = malformed
        ? 'the request body is not valid JSON: check its brackets, quotes and commas'
        : err.message;
      const zh = malformed ? '请求内容不是有效的 JSON：请检查括号、引号和逗号' : undefined;
      return c.json(new ApiError(err.status, code, message, undefined, zh).toJSON(), err.status);
    }
    if (databaseUnavailable(err)) {
      console.error(`${c.req.method} ${c.req.path}: ${(err as Error).message}`);
      const refused = new ApiError(
        503,
        'database_unavailable',
        'the database cannot be reached just now (the server is connecting again); nothing was changed: try again in a moment',
        undefined,
        '暂时连不上数据库（服务器正在重新连接），本次操作没有保存任何内容；请稍后再试',
      );
      c.header('Retry-After', '5');
      return c.json(refused.toJSON(), 503);
    }
    logError(`${c.req.method} ${c.req.path}`, err);
    return c.json(new ApiError(500, 'internal', 'internal error; see the server log').toJSON(), 500);
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
