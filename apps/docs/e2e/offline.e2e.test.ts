// Once a page has loaded, it keeps working without a network: every widget computes in the page's own
// worker, so moving a control offline gives a new result, not an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, waitForWidgets, watchedPage, type Site } from './support/site.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('offline once loaded', () => {
  it('/en/normal-pdf/: a widget switched to another panel offline computes it', async () => {
    const { page, errors } = await watchedPage(site.context);
    await page.goto(`${site.server.url}/en/normal-pdf/`, { waitUntil: 'load' });
    await waitForWidgets(page, 45_000);
    // Loaded means everything the page fetches by itself, search's UI included (Starlight loads it when idle).
    await page.waitForLoadState('networkidle');
    await site.context.setOffline(true);
    try {
      const widget = page.locator('mle-gaussian-uses').first();
      // The reader goes to the widget (one far from the screen renders only once they come near it).
      await widget.scrollIntoViewIfNeeded();
      await widget.locator('select').first().selectOption('edges');
      await expect.poll(() => widget.locator('output[data-readout="edgeCount"]').textContent(), { timeout: 15_000 }).toBe('4');
      expect(await widget.locator('output[data-readout="edgesFound"]').textContent()).toBe('80, 159, 240, 319');
      expect(await widget.getAttribute('data-error')).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await site.context.setOffline(false);
      await page.close();
    }
  });
});
