import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../scripts/static-server.mjs';
import { openSite, screenshotDir, watchedPage, type Site } from './support/site.ts';

let site: Site;
let host: StaticServer;

/** The second stage's widgets with the attributes an author would write (data as text, never markup). */
const SECOND_STAGE: Record<string, string> = {
  'fit-lab': 'families="gamma,weibull" data="1.2,0.8,2.5,3.1,0.4,1.9,2.2,0.7,1.4,3.8"',
  'likelihood-explorer': 'model="bernoulli" data="1,1,0,1,1,1,0,1,0,1"',
  'sampling-lab': 'family="exponential" parameter="rate" params="rate=1" n="10" repetitions="500" seed="42"',
  'likelihood-tests': 'family="exponential" parameter="rate" data="0.5,1.2,2.2,3.9,0.8,1.7" null="1"',
};

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
  // The second stage's four widgets, each by script and by iframe, on a page of their own.
  const tags = Object.keys(SECOND_STAGE);
  writeFileSync(
    join(dir, 'second-stage.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A statistics course elsewhere</title>
<script type="module" src="${site.server.url}/embed/widgets.js"></script></head>
<body><h1>Likelihood, elsewhere</h1>
${tags.map((tag) => `<mle-${tag} class="by-script" ${SECOND_STAGE[tag]}></mle-${tag}>`).join('\n')}
${tags.map((tag) => `<iframe class="by-iframe" data-tag="${tag}" title="MLE Lab ${tag}" src="${site.server.url}/embed/${tag}/?lang=en" style="width:100%;height:900px;border:0"></iframe>`).join('\n')}
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
    // The reader scrolls down to it: a widget builds when it comes near the screen (in a frame, into view).
    await page.locator('#by-iframe').scrollIntoViewIfNeeded();
    await inFrame.waitFor();
    await expect.poll(() => inFrame.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    expect(await inFrame.locator('output[data-readout="sigma"]').textContent()).toBe('1.9575');
    await page.screenshot({ path: `${screenshotDir}embed-other-origin.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the second stage\'s four widgets become ready by script and by iframe', async () => {
    const { page, errors } = await watchedPage(site.context);
    await page.goto(`${host.url}/second-stage.html`, { waitUntil: 'load' });
    for (const tag of Object.keys(SECOND_STAGE)) {
      const el = page.locator(`mle-${tag}.by-script`);
      await el.scrollIntoViewIfNeeded();
      await expect.poll(() => el.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
      expect(await el.getAttribute('data-error'), `mle-${tag} by script`).toBeNull();
      const frame = page.frameLocator(`iframe[data-tag="${tag}"]`);
      const inFrame = frame.locator(`mle-${tag}`);
      await page.locator(`iframe[data-tag="${tag}"]`).scrollIntoViewIfNeeded();
      await expect.poll(() => inFrame.getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
      expect(await inFrame.getAttribute('data-error'), `mle-${tag} in an iframe`).toBeNull();
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
