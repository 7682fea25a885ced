import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** uPlot's two Intl formatters, made when its module is evaluated, and what replaces them. */
const UPLOT_INTL = [
  {
    // Its default number format (axis ticks, legend values): the same text from src/shared/grouped-number.ts.
    from: "const numFormatter = new Intl.NumberFormat(domEnv ? nav.language : 'en-US');\nconst fmtNum = val => numFormatter.format(val);",
    to: `import { groupedNumber as mleGroupedNumber } from ${JSON.stringify(fileURLToPath(new URL('./src/shared/grouped-number.ts', import.meta.url)))};\nconst fmtNum = val => mleGroupedNumber(val);`,
  },
  {
    // The local time zone, needed only for time scales (no widget has one): read on first use.
    from: 'const localTz = new Intl.DateTimeFormat().resolvedOptions().timeZone;',
    to: 'let localTz;\nconst readLocalTz = () => (localTz ??= new Intl.DateTimeFormat().resolvedOptions().timeZone);',
  },
  { from: '\telse if (tz == localTz)', to: '\telse if (tz == readLocalTz())' },
];

/**
 * Builds uPlot without the Intl formatters it makes at load: the first Intl formatter of a page loads
 * ICU's data, 28–55 ms in Chromium here (four times that on Lighthouse's simulated phone) inside the task
 * that evaluates the widgets' modules. Fails the build if uPlot's source no longer has those lines.
 */
export function uplotWithoutIntl(): Plugin {
  return {
    name: 'mle-uplot-without-intl',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]uplot[\\/]dist[\\/]uPlot\.esm\.js$/.test(id.split('?')[0] ?? '')) return undefined;
      let out = code;
      for (const { from, to } of UPLOT_INTL) {
        if (!out.includes(from)) throw new Error(`uplotWithoutIntl: uPlot's source (${id}) no longer contains ${JSON.stringify(from)}; update vite.config.ts`);
        out = out.replace(from, to);
      }
      return { code: out, map: null };
    },
  };
}

// The embed bundle: one module script that defines every element, with the worker emitted beside it
// (dist/embed/widgets.js + dist/embed/assets/mle-worker-*.js). Non-library mode, so the worker stays
// a separate file instead of being inlined.
export default defineConfig({
  base: './',
  plugins: [uplotWithoutIntl()],
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
