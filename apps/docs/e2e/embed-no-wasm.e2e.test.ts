// Core runs a few kernels (the Mersenne Twister's twist, the Weibull family's power and −ln(1 − p)) as
// WebAssembly SIMD functions, with script versions that give the same bits where WebAssembly cannot
// run. An author's page whose Content-Security-Policy lacks 'wasm-unsafe-eval' is such a place: the
// embed script's worker starts from a blob, so it inherits that policy. The same widgets on a page
// without a policy must show exactly the same numbers.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../scripts/static-server.mjs';
import { openSite, watchedPage, type Site } from './support/site.ts';

let site: Site;
let host: StaticServer;

const WIDGETS = `<mle-data-explorer seed="7" mu="3" sigma="1.5" n="5000"></mle-data-explorer>
<mle-fit-lab families="weibull,gamma,lognormal" data="1.2,0.8,2.5,3.1,0.4,1.9,2.2,0.7,1.4,3.8,0.9,1.1,2.7,0.3,1.6"></mle-fit-lab>`;

/** A page on another origin that embeds the widgets by script, with `head` added to its <head>. */
function page(head: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<link rel="icon" href="data:,"><title>A course elsewhere</title>
<script type="module" src="${site.server.url}/embed/widgets.js"></script></head>
<body><h1>Embedded</h1>
${WIDGETS}
</body></html>`;
}

beforeAll(async () => {
  site = await openSite();
  const dir = mkdtempSync(join(tmpdir(), 'mle-lab-no-wasm-'));
  const origin = new URL(site.server.url).origin;
  // Everything the embed needs from our origin, and no 'wasm-unsafe-eval'.
  const policy = `default-src 'self' ${origin}; script-src 'self' ${origin} blob:; worker-src blob: ${origin}; style-src 'self' ${origin} 'unsafe-inline'; img-src 'self' ${origin} data: blob:; font-src 'self' ${origin} data:; connect-src 'self' ${origin}`;
  writeFileSync(join(dir, 'strict.html'), page(`<meta http-equiv="Content-Security-Policy" content="${policy}">`));
  writeFileSync(join(dir, 'open.html'), page(''));
  host = await startStaticServer({ root: dir, port: 0, csp: false });
});

afterAll(async () => {
  await host?.close();
  await site?.close();
});

/** The widgets' numbers on one of the host's pages, and the console errors it logged. */
async function numbersOn(file: string): Promise<{ readouts: string[]; table: string; wasm: string; errors: string[] }> {
  const { page: tab, errors } = await watchedPage(site.context);
  await tab.goto(`${host.url}/${file}`, { waitUntil: 'load' });
  const explorer = tab.locator('mle-data-explorer');
  const fitLab = tab.locator('mle-fit-lab');
  for (const widget of [explorer, fitLab]) {
    await widget.scrollIntoViewIfNeeded();
    await expect.poll(() => widget.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
    expect(await widget.getAttribute('data-error')).toBeNull();
  }
  const readouts = await explorer.locator('output[data-readout]').allTextContents();
  const table = (await fitLab.locator('tbody').first().textContent()) ?? '';
  // Whether this document may compile WebAssembly at all (the worker's blob inherits the same policy).
  const wasm = await tab.evaluate(() => {
    try {
      const empty = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return WebAssembly.Module.exports(empty).length === 0 ? 'compiles' : 'unexpected';
    } catch {
      return 'refused';
    }
  });
  await tab.close();
  return { readouts, table, wasm, errors };
}

describe('embedding under a Content-Security-Policy without wasm-unsafe-eval', () => {
  it('the widgets show the same numbers as on a page that allows WebAssembly', async () => {
    const open = await numbersOn('open.html');
    const strict = await numbersOn('strict.html');
    expect(open.wasm).toBe('compiles');
    expect(strict.wasm).toBe('refused');
    expect(open.readouts.length).toBeGreaterThanOrEqual(2);
    expect(open.table).toMatch(/\d/);
    expect(strict.readouts).toEqual(open.readouts);
    expect(strict.table).toBe(open.table);
    expect(open.errors).toEqual([]);
    // The policy's refusals are reported; nothing else may be.
    expect(strict.errors.filter((e) => !/WebAssembly|wasm/i.test(e))).toEqual([]);
  }, 240_000);
});
