import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app';
import { ensureFirstAdmin } from './auth/accounts';
import { announceFirstAdmin } from './auth/announce-first-admin';
import { boot } from './boot';
import { readConfig } from './config';
import { redactUrl } from './db/pg/copy-to-postgres';
import { followDatabase } from './follow-database';
import { scheduleImportTidying } from './pipelines/tidy-imports';

const config = readConfig();
const started = performance.now();
const { db, ctx } = await boot(config.store, config.seedDemo ? config.demoDir : null, {
  sessions: config.sessions,
  photosDir: config.photosDir,
});
announceFirstAdmin(await ensureFirstAdmin(db, config.adminPassword));
const app = createApp(ctx);

const clientDir = resolve('dist/client');
if (existsSync(clientDir)) {
  const indexHtml = readFileSync(resolve(clientDir, 'index.html'), 'utf8');
  app.use('/assets/*', serveStatic({ root: 'dist/client' }));
  app.use('/*', serveStatic({ root: 'dist/client' }));
  // Client-side routes (/, /display, ...) all get the app shell.
  app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(indexHtml)));
} else {
  console.warn('dist/client not found: run `npm run build` to serve the page (the API works without it)');
}

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const ms = Math.round(performance.now() - started);
  const { from, caughtUp } = ctx.model.start;
  const model =
    from === 'store'
      ? 'model built from the store'
      : `model from its snapshot${caughtUp ? ` + ${caughtUp} changed` : ''}`;
  console.log(
    `十小整治一张图 listening on http://localhost:${info.port} (${config.store === config.dbFile ? `data ${config.dataDir}` : `PostgreSQL ${redactUrl(config.store)}`}, ${ctx.model.columns.count} premises, ${model}, ready in ${ms} ms)`,
  );
});

// The CLI may write to the same database while the server runs, or restore a backup over it; on
// PostgreSQL other servers write to it too.
const stopFollowing = followDatabase(ctx);
// Uploaded rows are kept only while an import is staged, and not for ever then.
scheduleImportTidying(ctx);

async function shutdown() {
  stopFollowing();
  try {
    // On PostgreSQL the columns' version may lag their content (see CampaignModel.catchUp): bring
    // it up to date, so the snapshot kept for the next start is of the record as it stands.
    await ctx.model.catchUp();
    ctx.model.saveSnapshot();
  } catch (err) {
    console.error(`the model snapshot was not kept: ${(err as Error).message}`);
  }
  server.close();
  db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
