// The site satisfies its own Content-Security-Policy (scripts/static-server.mjs): every page, both
// languages, every embed page and the 404 page load with the policy in force and report no violation,
// search (Pagefind's WebAssembly) still works, and `frame-ancestors` lets other sites frame the embed
// pages and not the course pages.
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../scripts/static-server.mjs';
import { distDir, openSite, waitForWidgets, watchedPage, type Site } from './support/site.ts';

function pagePaths(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...pagePaths(full));
    else if (name === 'index.html') out.push(`/${relative(distDir, dir).split(sep).join('/')}/`.replace('//', '/'));
  }
  return out.toSorted();
}

let site: Site;
let host: StaticServer;

beforeAll(async () => {
  site = await openSite();
  const dir = mkdtempSync(join(tmpdir(), 'mle-lab-framer-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Another site</title></head>
<body><iframe id="course" title="course" src="${site.server.url}/data/"></iframe><iframe id="embed" title="embed" src="${site.server.url}/embed/density-1d/"></iframe></body></html>`,
  );
  // Another site: without our Content-Security-Policy (it frames and loads from our origin).
  host = await startStaticServer({ root: dir, port: 0, csp: false });
});

afterAll(async () => {
  await host?.close();
  await site?.close();
});

/** A page that records every CSP violation event and console report, from the first script on. */
async function cspWatchedPage(): Promise<{ page: Page; errors: string[]; violations: () => Promise<string[]> }> {
  const { page, errors } = await watchedPage(site.context);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const consoleReports: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) consoleReports.push(message.text());
  });
  return {
    page,
    errors,
    violations: async () => [...consoleReports, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))],
  };
}

describe('Content-Security-Policy', () => {
  const pages = [...pagePaths(distDir), '/no-such-page/'];
  for (const path of pages) {
    it(`${path} runs under the policy with no violation`, async () => {
      const { page, errors, violations } = await cspWatchedPage();
      const response = await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
      const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain(/^\/embed\/[^/]+\//.test(path) ? 'frame-ancestors *' : "frame-ancestors 'self'");
      await waitForWidgets(page, 45_000);
      await page.waitForLoadState('networkidle');
      expect(await violations()).toEqual([]);
      // The 404 page's own status is reported as a console error; nothing else may be.
      expect(errors.filter((e) => path !== '/no-such-page/' || !/status of 404/.test(e))).toEqual([]);
      await page.close();
    });
  }

  it('search (WebAssembly) works under the policy', async () => {
    const { page, errors, violations } = await cspWatchedPage();
    await page.goto(`${site.server.url}/en/`, { waitUntil: 'load' });
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('.pagefind-ui__search-input').fill('Bessel');
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('another site can frame an embed page and cannot frame a course page', async () => {
    const page = await site.context.newPage();
    await page.goto(`${host.url}/`, { waitUntil: 'load' });
    const embed = page.frameLocator('#embed').locator('mle-density-1d');
    await expect.poll(() => embed.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    // A blocked frame never gets the page: no document from the site loads in it.
    const course = await (await page.waitForSelector('#course')).contentFrame();
    await course?.waitForLoadState('load');
    expect(course?.url()).not.toBe(`${site.server.url}/data/`);
    expect(await course?.evaluate(() => document.title).catch(() => '')).not.toContain('MLE');
    await page.close();
  });
});
