// Phones and layout stability: on a 360 px wide screen no page scrolls sideways, every widget fits a
// 320 px iframe, and widgets reserve their height so rendering them does not shift the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import catalogue from '@mle-lab/widgets/catalogue.json' with { type: 'json' };
import { openSite, waitForWidgets, type Site } from './support/site.ts';

const sections = ['data', 'closed-form-mle', 'density', 'gradient-descent', 'beyond-mle', 'normal-pdf', 'cross-entropy'];
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('on a phone', () => {
  for (const section of sections) {
    for (const prefix of ['', '/en']) {
      const path = `${prefix}/${section}/`;
      it(`${path} does not scroll sideways at 360 px`, async () => {
        const page = await site.context.newPage();
        await page.setViewportSize({ width: 360, height: 740 });
        await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
        await waitForWidgets(page, 45_000);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(360);
        await page.close();
      });
    }
  }

  for (const entry of catalogue) {
    const name = entry.tag.replace(/^mle-/, '');
    it(`<${entry.tag}> fits a 320 px wide iframe`, async () => {
      const page = await site.context.newPage();
      await page.setViewportSize({ width: 320, height: 900 });
      await page.goto(`${site.server.url}/embed/${name}/?lang=en`, { waitUntil: 'load' });
      await waitForWidgets(page, 45_000);
      const overflow = await page.evaluate((tag) => {
        const el = document.querySelector(tag) as HTMLElement;
        return { page: document.documentElement.scrollWidth, widget: el.getBoundingClientRect().right };
      }, entry.tag);
      expect(overflow.page).toBeLessThanOrEqual(320);
      expect(overflow.widget).toBeLessThanOrEqual(320);
      await page.close();
    });
  }
});

describe('layout stability', () => {
  // Each widget is scrolled to the middle of the screen before it has built (waitForWidgets), as when a
  // reader follows a link to its section: it builds in view. Its body fills in unseen until its first
  // render is shown (styles.ts); before that, controls, readouts, charts and code reaching their sizes in
  // steps shifted what was below them by 0.05–0.14 on seven of the fourteen pages (2026-12-06).
  // Measured: ≤ 0.004 on every page once the KaTeX fonts were preloaded (0.06 without); the math font is
  // preloaded and never swapped in late (font-display: block, styles/math.css); 0.1 is "good".
  for (const section of sections) {
    for (const prefix of ['', '/en']) {
      it(`${prefix}/${section}/: widgets and formulas render without shifting the page (CLS < 0.05)`, async () => {
        const page = await site.context.newPage();
        await page.addInitScript(() => {
          // Each shift's value and what moved (tag, then top and height in the viewport before → after),
          // so that a failure says where the page moved.
          interface Shift extends PerformanceEntry {
            value: number;
            hadRecentInput: boolean;
            sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
          }
          const record = window as unknown as { mleLayoutShift: number; mleShifts: string[] };
          record.mleLayoutShift = 0;
          record.mleShifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as Shift[]) {
              if (entry.hadRecentInput) continue;
              record.mleLayoutShift += entry.value;
              const moved = entry.sources.map(
                (s) => `${s.node?.nodeName ?? '?'} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} (h ${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)})`,
              );
              record.mleShifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms, scrollY ${Math.round(scrollY)}: ${moved.join(', ')}`);
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`${site.server.url}${prefix}/${section}/`, { waitUntil: 'load' });
        await waitForWidgets(page, 45_000);
        await page.waitForTimeout(300);
        const { cls, shifts } = await page.evaluate(() => {
          const record = window as unknown as { mleLayoutShift: number; mleShifts: string[] };
          return { cls: record.mleLayoutShift, shifts: record.mleShifts };
        });
        expect(cls, `layout shifts on ${prefix}/${section}/:\n${shifts.join('\n')}`).toBeLessThan(0.05);
        await page.close();
      });
    }
  }
});

describe('partial first paint', () => {
  // Chromium paints long pages before it has parsed them to the end. Starlight's table of contents comes
  // before the article in the DOM: a paint taken between the two must already put it in its final place.
  it('the table of contents is where it ends up before the article has arrived', async () => {
    const page = await site.context.newPage();
    const url = `${site.server.url}/en/closed-form-mle/`;
    const tocLeft = () => page.evaluate(() => document.querySelector('.right-sidebar')!.getBoundingClientRect().left);
    await page.goto(url, { waitUntil: 'load' });
    const final = await tocLeft();
    await page.route(url, async (route) => {
      const html = await (await route.fetch()).text();
      const cut = html.indexOf('<div class="main-pane');
      expect(cut).toBeGreaterThan(0);
      await route.fulfill({ contentType: 'text/html', body: html.slice(0, cut) });
    });
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.locator('.main-pane').count()).toBe(0);
    expect(await tocLeft()).toBe(final);
    expect(final).toBeGreaterThan(900);
    await page.close();
  });
});
