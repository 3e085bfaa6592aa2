import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiPort = Number(process.env.API_PORT ?? 8080);

export default defineConfig({
  root: 'client',
  plugins: [react()],
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
