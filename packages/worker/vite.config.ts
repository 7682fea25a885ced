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
    // Minified whole: in library mode Vite keeps an ES bundle's whitespace and comments (for the
    // tree-shaking of whoever imports it), but this file is a worker script that nothing imports, and a
    // reader's worker compiles all of it before the first widget can compute: 430 kB as Vite left it.
    rolldownOptions: { output: { minify: true, comments: false } },
  },
});
