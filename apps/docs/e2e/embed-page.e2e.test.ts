// The embed pages as pages: a main landmark and an h1, a title and <html lang> that follow `lang`
// (Chinese by default, like the site), an English 404 under /en/, and iframe auto-height: a page on
// another origin that uses the host script from the embed docs (taken from the built page, so the
// documented lines are the ones tested) ends up with each iframe exactly as tall as its page.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import catalogue from '@mle-lab/widgets/catalogue.json' with { type: 'json' };
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../scripts/static-server.mjs';
import { openSite, screenshotDir, watchedPage, type Site } from './support/site.ts';

let site: Site;
let host: StaticServer;
let hostDir: string;

beforeAll(async () => {
  site = await openSite();
  hostDir = mkdtempSync(join(tmpdir(), 'mle-lab-auto-height-'));
  // Another site: without our Content-Security-Policy (it frames our pages).
  host = await startStaticServer({ root: hostDir, port: 0, csp: false });
});

afterAll(async () => {
  await host?.close();
  await site?.close();
});

describe('embed pages', () => {
  it('each has one main landmark holding the widget and one h1, in Chinese by default and in English with lang=en', async () => {
    const { page, errors } = await watchedPage(site.context);
    for (const entry of catalogue) {
      const widget = entry.tag.replace(/^mle-/, '');
      for (const [query, lang, title, siteName] of [
        ['', 'zh-CN', entry.title.zh, 'MLE 实验室'],
        ['?lang=en', 'en', entry.title.en, 'MLE Lab'],
      ] as const) {
        await page.goto(`${site.server.url}/embed/${widget}/${query}`, { waitUntil: 'domcontentloaded' });
        const shape = await page.evaluate((tag) => ({
          lang: document.documentElement.lang,
          title: document.title,
          mains: document.querySelectorAll('main, [role="main"]').length,
          inMain: document.querySelector(`main ${tag}`) !== null,
          h1s: [...document.querySelectorAll('h1')].map((h) => h.textContent),
        }), entry.tag);
        expect(shape, `${widget}${query}`).toEqual({ lang, title: `${title} · ${siteName}`, mains: 1, inMain: true, h1s: [title] });
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a missing English page gets the English 404 page, a missing Chinese page the Chinese one', async () => {
    const page = await site.context.newPage();
    for (const [path, lang, text] of [
      ['/en/no-such-page/', 'en', 'Page not found'],
      ['/en/data/no-such-part/', 'en', 'Page not found'],
      ['/no-such-page/', 'zh-CN', '页面未找到'],
    ] as const) {
      const response = await page.goto(`${site.server.url}${path}`, { waitUntil: 'domcontentloaded' });
      expect(response?.status(), path).toBe(404);
      expect(await page.evaluate(() => document.documentElement.lang), path).toBe(lang);
      expect(await page.locator('main').textContent(), path).toContain(text);
    }
    await page.close();
  });
});

/** The host script as the English embed docs show it, pointed at the site under test. */
async function documentedHostScript(page: Page): Promise<string> {
  await page.goto(`${site.server.url}/en/embed/`, { waitUntil: 'load' });
  const blocks = await page.$$eval('pre', (pres) => pres.map((pre) => (pre as HTMLElement).innerText));
  const script = blocks.find((text) => text.includes('mle-lab:height') && text.includes('<script>'));
  if (!script) throw new Error('documentedHostScript: no code block with the auto-height script on /en/embed/');
  return script.replaceAll('https://your-mle-lab-site', site.server.url);
}

interface Fit {
  iframe: number;
  content: number;
  nestedScroll: boolean;
}

async function fit(page: Page, id: string, frame: Frame): Promise<Fit> {
  const iframe = await page.$eval(`#${id}`, (el) => el.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
    nestedScroll: document.documentElement.scrollHeight > document.documentElement.clientHeight,
  }));
  return { iframe, ...inner };
}

describe('iframe auto-height', () => {
  for (const width of [1280, 360]) {
    it(`a second-origin page sizes each iframe to its embed page at ${width} px, with no nested scrollbar`, async () => {
      const { page, errors } = await watchedPage(site.context);
      await page.setViewportSize({ width, height: 800 });
      const script = await documentedHostScript(page);
      const frames = [
        ['explorer', 'data-explorer', 'seed=42&n=1000&lang=en'],
        ['density', 'density-1d', 'mu=0&sigma=1'],
      ] as const;
      writeFileSync(
        join(hostDir, `index-${width}.html`),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A course blog</title></head><body>
<h1>Two widgets</h1>
${frames.map(([id, widget, query]) => `<iframe id="${id}" title="MLE Lab: ${widget}" src="${site.server.url}/embed/${widget}/?${query}" style="width: 100%; height: 300px; border: 0"></iframe>`).join('\n')}
${script}
<script>window.received = []; addEventListener('message', (event) => window.received.push(event.data));</script>
</body></html>`,
      );
      await page.goto(`${host.url}/index-${width}.html`, { waitUntil: 'load' });
      for (const [id] of frames) {
        const frame = await (await page.waitForSelector(`#${id}`)).contentFrame();
        if (!frame) throw new Error(`no frame for #${id}`);
        // As a reader scrolls to it: Chromium does not render a cross-origin frame that is off screen,
        // so its page cannot measure itself (nor post its height) until it comes into view.
        await page.$eval(`#${id}`, (el) => el.scrollIntoView());
        await frame.waitForFunction(() => document.querySelector('[data-widget]')?.getAttribute('data-ready') === 'true', undefined, { timeout: 30_000 });
        await expect.poll(async () => {
          const f = await fit(page, id, frame);
          return f.iframe === f.content && !f.nestedScroll;
        }, { timeout: 10_000 }).toBe(true);
        const settled = await fit(page, id, frame);
        // Far taller than the 300 px it started at (and than the 720 px the docs used to suggest).
        expect(settled.iframe, id).toBeGreaterThan(500);
        // It follows later changes too: the page grows by 240 px, so does the iframe.
        await frame.evaluate(() => {
          (document.querySelector('main') as HTMLElement).style.paddingBottom = '240px';
        });
        await expect.poll(async () => (await fit(page, id, frame)).iframe, { timeout: 10_000 }).toBe(settled.content + 240);
        expect((await fit(page, id, frame)).nestedScroll).toBe(false);
      }
      // The documented message shape.
      const received = await page.evaluate(() => (window as unknown as { received: unknown[] }).received);
      for (const [, widget] of frames) {
        const last = received.filter((m) => (m as { widget?: string }).widget === widget).at(-1);
        expect(last).toEqual({ type: 'mle-lab:height', widget, height: expect.any(Number) });
      }
      await page.screenshot({ path: `${screenshotDir}embed-auto-height-${width}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
