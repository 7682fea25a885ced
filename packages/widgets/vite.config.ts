import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The embed bundle: one module script that defines every element, with the worker emitted beside it
// (dist/embed/widgets.js + dist/embed/assets/mle-worker-*.js). Non-library mode, so the worker stays
// a separate file instead of being inlined.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist/embed',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { widgets: fileURLToPath(new URL('./src/embed.ts', import.meta.url)) },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
