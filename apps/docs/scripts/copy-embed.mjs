// Copies the widgets' embed bundle (script + worker) into public/embed/, so the site serves
// /embed/widgets.js exactly as embedders get it.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const widgetsDir = dirname(require.resolve('@mle-lab/widgets/package.json'));
const from = join(widgetsDir, 'dist', 'embed');
const to = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'embed');
if (!existsSync(join(from, 'widgets.js'))) {
  console.error(`copy-embed: ${from}/widgets.js is missing; build @mle-lab/widgets first`);
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true, filter: (path) => !path.endsWith('.map') });
console.log(`copy-embed: ${from} → ${to}`);
