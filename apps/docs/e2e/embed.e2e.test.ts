import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../scripts/static-server.mjs';
import { openSite, screenshotDir, watchedPage, type Site } from './support/site.ts';

let site: Site;
let host: StaticServer;

beforeAll(async () => {
  site = await openSite();
  // A page on a second 127.0.0.1 origin that embeds one widget by script and one by iframe.
  const dir = mkdtempSync(join(tmpdir(), 'mle-lab-embedder-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Someone else's blog</title>
<script type="module" src="${site.server.url}/embed/widgets.js"></script></head>
<body><h1>A blog post</h1>
<mle-data-explorer id="by-script" seed="42" mu="5" sigma="2" n="1000"></mle-data-explorer>
<iframe id="by-iframe" title="MLE Lab widget" src="${site.server.url}/embed/data-explorer/?seed=42&mu=5&sigma=2&n=1000&lang=en" style="width:100%;height:720px;border:0"></iframe>
</body></html>`,
  );
  // Another site: without our Content-Security-Policy (it frames and loads from our origin).
  host = await startStaticServer({ root: dir, port: 0, csp: false });
});

afterAll(async () => {
  await host?.close();
  await site?.close();
});

describe('embedding on another origin', () => {
  it('a script-embedded and an iframe-embedded widget both become ready', async () => {
    expect(new URL(host.url).port).not.toBe(new URL(site.server.url).port);
    const { page, errors } = await watchedPage(site.context);
    await page.goto(`${host.url}/`, { waitUntil: 'load' });
    const byScript = page.locator('#by-script');
    await page.waitForFunction(() => document.querySelector('#by-script')?.getAttribute('data-ready') === 'true', undefined, { timeout: 30_000 });
    expect(await byScript.getAttribute('data-error')).toBeNull();
    expect(await byScript.locator('output[data-readout="mu"]').textContent()).toBe('5.0387');
    const frame = page.frameLocator('#by-iframe');
    const inFrame = frame.locator('mle-data-explorer');
    await inFrame.waitFor();
    await expect.poll(() => inFrame.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    expect(await inFrame.locator('output[data-readout="sigma"]').textContent()).toBe('1.9575');
    await page.screenshot({ path: `${screenshotDir}embed-other-origin.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
