import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The console build. The server serves `dist/` with an SPA fallback under a CSP of
 * `script-src 'self'`, so the build must not emit inline scripts (Vite's module preload
 * polyfill is one, hence it is off: every browser we support has modulepreload).
 */
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The entry holds React, the router and zod (the shared contracts build their schemas at
    // load): ~610 KB, 180 KB gzipped. CodeMirror stays out of it (components/code-editor.tsx).
    // Warn when it grows past that, not before.
    chunkSizeWarningLimit: 700,
  },
  server: {
    host: '127.0.0.1',
    // `npm run dev -w @switchboard/console` against a server started on the default port.
    proxy: { '/v1': { target: 'http://127.0.0.1:4400', changeOrigin: false } },
  },
});
