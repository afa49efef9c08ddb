import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The SDK in library mode, from one entry into two files the server serves under `/sdk/`:
 * `switchboard.js` (ESM, `import * as Switchboard from '/sdk/switchboard.js'`) and
 * `switchboard.global.js` (a classic script defining `window.Switchboard`). Both minified with
 * source maps; no dependencies to bundle.
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // Vite leaves the whitespace of an ESM library for the app's bundler to strip; this file is
    // served to browsers as is, so minify it fully too.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      name: 'Switchboard',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'switchboard.js' : 'switchboard.global.js'),
    },
  },
});
