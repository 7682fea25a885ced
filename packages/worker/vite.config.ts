import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The browser worker as one self-contained module (core and comlink inlined), so that any bundler —
// or none — can start it from `new URL('./mle-worker.js', import.meta.url)`.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: fileURLToPath(new URL('./src/worker.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'mle-worker.js',
    },
  },
});
