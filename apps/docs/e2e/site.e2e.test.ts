// The whole built site, both languages and both colour schemes: every page loads with no console
// error and no request to another host, every widget on it becomes ready without an error, Temml
// rendered every formula at build time, and every internal link resolves. Screenshots go to
// artifacts/screenshots/ (git-ignored) for review.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, openSite, screenshotDir, waitForWidgets, watchedPage, type Site } from './support/site.ts';

function pagePaths(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...pagePaths(full));
    else if (name === 'index.html') out.push(`/${relative(distDir, dir).split(sep).join('/')}/`.replace('//', '/'));
  }
  return out.toSorted();
}

const pages = pagePaths(distDir);
const linksSeen = new Set<string>();
/** First-load JavaScript on the main thread (the worker excluded), gzip bytes, per page. */
const scriptWeight = new Map<string, number>();
/** The budget stated on the performance page. */
const MAIN_THREAD_JS_BUDGET_GZIP = 100 * 1024;
/** Pages taller than this (CSS px) are captured down to it only (the screenshot at the end of each page test). */
const SCREENSHOT_MAX_HEIGHT = 12_000;
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('every page of the built site', () => {
  it('has both languages for every course page', () => {
    const zh = pages.filter((p) => !p.startsWith('/en/') && !/^\/embed\/[^/]+\//.test(p));
    for (const p of zh) expect(pages, `English twin of ${p}`).toContain(p === '/' ? '/en/' : `/en${p}`);
    expect(zh.length).toBeGreaterThanOrEqual(11);
  });

  for (const path of pages) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${path} (${scheme})`, async () => {
        const { page, errors, foreignRequests } = await watchedPage(site.context);
        const scripts: Promise<number>[] = [];
        page.on('response', (response) => {
          if (response.request().resourceType() === 'script' && !response.url().includes('mle-worker')) {
            scripts.push(response.body().then((body) => gzipSync(body).length, () => 0));
          }
        });
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
        await waitForWidgets(page, 45_000);
        const widgets = await page.$$eval('[data-widget]', (els) =>
          els.map((el) => ({ tag: el.localName, ready: el.getAttribute('data-ready'), error: el.getAttribute('data-error') })),
        );
        for (const w of widgets) {
          expect(w.error, `${w.tag} on ${path}`).toBeNull();
          expect(w.ready, `${w.tag} on ${path}`).toBe('true');
        }
        // Any <mle-…> element on the page must be a defined widget.
        const undefinedWidgets = await page.$$eval('*', (els) =>
          els.filter((el) => el.localName.startsWith('mle-') && !customElements.get(el.localName)).map((el) => el.localName),
        );
        expect(undefinedWidgets).toEqual([]);
        expect(await page.locator('merror, .temml-error').count()).toBe(0);
        if (scheme === 'light') {
          await page.waitForLoadState('networkidle');
          const weight = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
          scriptWeight.set(path, weight);
          expect(weight, `main-thread JS of ${path} (gzip bytes)`).toBeLessThanOrEqual(MAIN_THREAD_JS_BUDGET_GZIP);
          const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
          for (const href of hrefs) {
            const url = new URL(href);
            if (url.origin === site.server.url) linksSeen.add(url.pathname);
          }
        }
        const name = path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replaceAll('/', '_');
        // A record for people, not an assertion. The API reference is tens of thousands of pixels tall, and
        // Chromium took 25–30 s to capture it whole under the suite's load (once past Playwright's 30 s):
        // pages that tall are captured down to SCREENSHOT_MAX_HEIGHT.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const width = page.viewportSize()?.width ?? 1280;
        const clip = height > SCREENSHOT_MAX_HEIGHT ? { clip: { x: 0, y: 0, width, height: SCREENSHOT_MAX_HEIGHT } } : {};
        await page.screenshot({ path: `${screenshotDir}site/${name}.${scheme}.png`, fullPage: true, ...clip });
        expect(errors, `console errors on ${path}`).toEqual([]);
        expect(foreignRequests, `requests leaving 127.0.0.1 from ${path}`).toEqual([]);
        await page.close();
      });
    }
  }

  it('reports first-load main-thread JavaScript per page', () => {
    const rows = [...scriptWeight].map(([path, bytes]) => `${path.padEnd(28)} ${(bytes / 1024).toFixed(1)} KB gzip`);
    console.log(`First-load main-thread JavaScript (worker excluded):\n${rows.join('\n')}`);
    expect(scriptWeight.size).toBe(pages.length);
  });

  it('every internal link resolves', async () => {
    expect(linksSeen.size).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const path of linksSeen) {
      const response = await fetch(`${site.server.url}${path}`);
      if (response.status !== 200) broken.push(`${path} → ${response.status}`);
    }
    expect(broken).toEqual([]);
  });
});
