import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import catalogue from '@mle-lab/widgets/catalogue.json' with { type: 'json' };
import { chromiumArgs, chromiumPath } from '../../../../scripts/chromium.mjs';
import { startStaticServer, type StaticServer } from '../../../../scripts/static-server.mjs';

/** Every widget's tag, as one selector. */
export const widgetSelector = catalogue.map((entry) => entry.tag).join(', ');

export const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
/** Screenshots for review; git-ignored. */
export const screenshotDir = fileURLToPath(new URL('../../../../artifacts/screenshots/', import.meta.url));

export interface Site {
  server: StaticServer;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Serves the built site on 127.0.0.1 (a free port) and starts Chromium with a fresh profile. */
export async function openSite(): Promise<Site> {
  const server = await startStaticServer({ root: distDir, port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'mle-lab-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  mkdirSync(join(screenshotDir, 'site'), { recursive: true });
  return {
    server,
    context,
    async close() {
      await context.close();
      await server.close();
    },
  };
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Every request whose host is not 127.0.0.1 (or a blob:/data: URL). */
  foreignRequests: string[];
}

/** Opens a page that records console errors and any request leaving 127.0.0.1. */
export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'blob:' || url.protocol === 'data:') return;
    if (url.hostname !== '127.0.0.1') foreignRequests.push(request.url());
  });
  return { page, errors, foreignRequests };
}

/**
 * Waits until every MLE Lab element on the page is defined (the embed bundle loads each widget's code
 * lazily) and has rendered or reported an error. A widget more than a viewport's height from the
 * viewport builds only when the reader scrolls towards it (packages/widgets/src/shared/render-queue.ts),
 * so each is scrolled into view in turn, as a reader would; the page is then scrolled back to where it was.
 *
 * @param timeout - How long each widget may take (ms).
 */
export async function waitForWidgets(page: Page, timeout = 30_000): Promise<void> {
  const start = await page.evaluate((selector) => ({ x: scrollX, y: scrollY, count: document.querySelectorAll(selector).length }), widgetSelector);
  for (let i = 0; i < start.count; i++) {
    const settled = await page.evaluate(
      ({ selector, index }) => {
        const widget = document.querySelectorAll(selector)[index];
        if (!widget) return true;
        const done = customElements.get(widget.localName) !== undefined && (widget.getAttribute('data-ready') === 'true' || widget.hasAttribute('data-error'));
        if (!done) widget.scrollIntoView({ block: 'center' });
        return done;
      },
      { selector: widgetSelector, index: i },
    );
    if (settled) continue;
    await page.waitForFunction(
      ({ selector, index }) => {
        const widget = document.querySelectorAll(selector)[index];
        return !widget || (customElements.get(widget.localName) !== undefined && (widget.getAttribute('data-ready') === 'true' || widget.hasAttribute('data-error')));
      },
      { selector: widgetSelector, index: i },
      { timeout, polling: 50 },
    );
  }
  await page.evaluate(({ x, y }) => scrollTo(x, y), start);
}
