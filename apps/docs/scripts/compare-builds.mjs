// Loads pages from two (or more) builds of the site in turn, N times each (default 3), and prints each
// page's longest main-thread task while loading and when all its widgets were ready (e2e/support/long-tasks.ts),
// per load and their median: on this shared, noisy machine only alternating loads compare builds fairly.
//   DISTS=/tmp/dist-before,/tmp/dist-after N=3 [MOBILE=1] node scripts/compare-builds.mjs /data/ /en/density/
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { startStaticServer } from '../../../scripts/static-server.mjs';
import { measurePage } from '../e2e/support/long-tasks.ts';
if (!process.env.DISTS) throw new Error('compare-builds.mjs: set DISTS to two or more built sites (dist/ folders), comma-separated');
const dists = process.env.DISTS.split(',');
const N = Number(process.env.N ?? 3);
const servers = await Promise.all(dists.map((root) => startStaticServer({ root, port: 0 })));
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mle-ab-')), { executablePath: chromiumPath, args: chromiumArgs, headless: true });
const vp = process.env.MOBILE ? { width: 412, height: 823 } : undefined;
for (const path of process.argv.slice(2)) {
  const res = dists.map(() => []);
  for (let i = 0; i < N; i++) for (let d = 0; d < dists.length; d++) res[d].push(await measurePage(context, `${servers[d].url}${path}`, vp, 300));
  const med = (a) => a.toSorted((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(path.padEnd(24), dists.map((d, k) => `${d.split('/').pop()}: loading ${res[k].map((r) => r.longestWhileLoading).join('/')} (med ${med(res[k].map((r) => r.longestWhileLoading))}) ready ${res[k].map((r) => r.readyAt).join('/')} (med ${med(res[k].map((r) => r.readyAt))})`).join('  ||  '));
}
await context.close();
for (const s of servers) await s.close();
