import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fieldServiceWorker } from './client/field-sw/field-sw-plugin';

const apiPort = Number(process.env.API_PORT ?? 8080);

export default defineConfig({
  root: 'client',
  // /field-sw.js: the phone page's service worker, with this build's files (client/field-sw/)
  plugins: [react(), fieldServiceWorker()],
  // `@domain/…` (the server's pure domain code, shared with the client) is defined once, in tsconfig.json.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
});
