import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, screenshotDir, waitForWidgets, watchedPage, type Site } from './support/site.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const pages = [
  { lang: 'zh-CN', path: '/data/', heading: '生成随机数据并可视化' },
  { lang: 'en', path: '/en/data/', heading: 'Generating and looking at data' },
];

describe('first section', () => {
  for (const { lang, path, heading } of pages) {
    it(`${path} shows the live histogram of numpy's seed-42 sample (${lang})`, async () => {
      const { page, errors, foreignRequests } = await watchedPage(site.context);
      await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('h1').first().textContent()).toContain(heading);
      const widget = page.locator('mle-data-explorer').first();
      await waitForWidgets(page);
      expect(await widget.getAttribute('data-error')).toBeNull();
      expect(await widget.getAttribute('data-ready')).toBe('true');
      // The notebook's values: np.mean(data), np.sqrt(np.mean((data - mu)**2)).
      expect(await widget.locator('output[data-readout="mu"]').textContent()).toBe('5.0387');
      expect(await widget.locator('output[data-readout="sigma"]').textContent()).toBe('1.9575');
      expect(await widget.locator('canvas').count()).toBeGreaterThan(0);
      // The formulas are MathML (rendered at build time), drawn in the site's own math font.
      expect(await page.locator('math').count()).toBeGreaterThan(0);
      expect(await page.locator('merror, .temml-error').count()).toBe(0);
      expect(await page.evaluate(async () => (await document.fonts.ready, document.fonts.check('16px "MLE Math"')))).toBe(true);
      await page.screenshot({ path: `${screenshotDir}first-section-${lang}.png`, fullPage: true });
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await page.close();
    });
  }

  it('shows a clear message for a bad seed in the URL and keeps the last good state', async () => {
    const { page, errors } = await watchedPage(site.context);
    await page.goto(`${site.server.url}/en/data/?seed=-5&n=1000`, { waitUntil: 'load' });
    const widget = page.locator('mle-data-explorer').first();
    // The message appears as soon as the URL is read; the render with the last good state follows.
    await expect.poll(() => widget.getAttribute('data-ready'), { timeout: 30_000 }).toBe('true');
    const message = await widget.getAttribute('data-error');
    expect(message).toMatch(/Seed \(seed\) cannot be “-5”/);
    expect(message).toMatch(/4,294,967,295/);
    expect(await widget.locator('.error').textContent()).toBe(message);
    expect(await widget.locator('output[data-readout="mu"]').textContent()).toBe('5.0387');
    expect(errors).toEqual([]);
    await page.close();
  });
});
