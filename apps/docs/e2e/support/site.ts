import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../../scripts/chromium.mjs';
import { startStaticServer, type StaticServer } from '../../../../scripts/static-server.mjs';

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
 * lazily) and has rendered or reported an error.
 */
export async function waitForWidgets(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('mle-'))
        .every((w) => customElements.get(w.localName) !== undefined && (w.getAttribute('data-ready') === 'true' || w.hasAttribute('data-error'))),
    undefined,
    { timeout },
  );
}
