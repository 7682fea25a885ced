// The site's search (Starlight + Pagefind, index built at build time and served by the site) finds
// pages in both languages, through the search dialog a reader uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, watchedPage, type Site } from './support/site.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const cases = [
  { path: '/en/', query: 'Bessel', expect: '/en/closed-form-mle/' },
  { path: '/en/', query: 'cross-entropy', expect: '/en/cross-entropy/' },
  { path: '/', query: '贝塞尔', expect: '/closed-form-mle/' },
  { path: '/', query: '交叉熵', expect: '/cross-entropy/' },
];

describe('search', () => {
  for (const c of cases) {
    it(`finds ${c.expect} for “${c.query}” from ${c.path}`, async () => {
      const { page, errors, foreignRequests } = await watchedPage(site.context);
      await page.goto(`${site.server.url}${c.path}`, { waitUntil: 'load' });
      await page.locator('button[data-open-modal]').first().click();
      const input = page.locator('.pagefind-ui__search-input');
      await input.fill(c.query);
      await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
      const resultLinks = () =>
        page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      // Pagefind fills in results one by one: wait for the expected page rather than for the first result.
      await expect.poll(resultLinks, { timeout: 15_000 }).toContain(c.expect);
      const links = await resultLinks();
      // Results stay in the page's language.
      for (const link of links) expect(link.startsWith('/en/')).toBe(c.path.startsWith('/en/'));
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await page.close();
    });
  }
});
