// Serves the built docs site at http://127.0.0.1:4321 (PORT overrides).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { log, fail, root } from './bootstrap.mjs';
import { startStaticServer } from './static-server.mjs';

const dist = join(root, 'apps', 'docs', 'dist');
if (!existsSync(join(dist, 'index.html'))) fail('apps/docs/dist is missing: run `npm run build` first (npm start does).');
const port = Number(process.env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be an integer from 0 to 65535, got "${process.env.PORT}"`);
const { url } = await startStaticServer({ root: dist, port });
log(`MLE Lab is served at ${url}/  (English: ${url}/en/)`);
