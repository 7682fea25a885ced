// Accessibility, checked by axe-core 4 in real Chromium (open shadow roots included, so every widget's
// controls, tables and code are checked too): no serious or critical finding on any page of the built
// site, in both languages and both colour schemes; no moderate one either on the embed pages. On a
// 360 px phone every display formula or widget table wider than its column is a scroll region a
// keyboard can reach and a screen reader can name, and shows that it scrolls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings } from './support/axe.ts';
import { builtPages, isEmbedPage, sections } from './support/pages.ts';
import { openSite, waitForWidgets, type Site } from './support/site.ts';

const pages = builtPages();
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('axe-core finds nothing serious', () => {
  it('covers every page of the site', () => {
    expect(pages.length).toBeGreaterThanOrEqual(35);
  });

  for (const path of pages) {
    it(`${path} (light, then dark)`, async () => {
      const page = await site.context.newPage();
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
      await waitForWidgets(page, 45_000);
      const embed = isEmbedPage(path);
      const judge = async () => axeFindings(page, embed ? 'moderate' : 'serious');
      expect(await judge(), `axe on ${path} (light)`).toEqual([]);
      // The page follows the system's scheme (Starlight's "auto", the widgets' theme watcher): switch it.
      await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      if (!embed) await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLElement>('[data-widget]')].every((w) => w.dataset['theme'] === 'dark'),
      );
      expect(await judge(), `axe on ${path} (dark)`).toEqual([]);
      await page.close();
      // A course page under axe takes ~10 s on a quiet machine, up to a minute on a busy one.
    }, 180_000);
  }
});

describe('on a 360 px phone', () => {
  for (const section of sections) {
    for (const prefix of ['', '/en']) {
      const path = `${prefix}/${section}/`;
      it(`${path}: every formula wider than the column is a labelled scroll region the keyboard reaches`, async () => {
        const page = await site.context.newPage();
        await page.setViewportSize({ width: 360, height: 740 });
        await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
        await waitForWidgets(page, 45_000);
        const formulas = await page.$$eval('.math-display', (els) =>
          els.map((el) => ({
            overflows: el.scrollWidth > el.clientWidth + 1,
            tabIndex: (el as HTMLElement).tabIndex,
            role: el.getAttribute('role'),
            label: el.getAttribute('aria-label') ?? '',
          })),
        );
        for (const f of formulas.filter((x) => x.overflows)) {
          expect(f.tabIndex).toBe(0);
          expect(f.role).toBe('group');
          expect(f.label).toMatch(prefix ? /^Formula/ : /^公式/);
        }
        // A formula that fits stays out of the tab order.
        for (const f of formulas.filter((x) => !x.overflows)) expect(f.tabIndex).toBe(-1);
        const wide = page.locator('.math-display[data-scrolls]').first();
        if ((await wide.count()) > 0) {
          await wide.focus();
          await page.keyboard.press('ArrowRight');
          await page.keyboard.press('ArrowRight');
          // Keyboard scrolling may be animated: wait for it to move rather than read it at once.
          await wide.evaluate((el) => new Promise<void>((done) => {
            const started = performance.now();
            const poll = (): void => (el.scrollLeft > 0 || performance.now() - started > 3000 ? done() : void requestAnimationFrame(poll));
            poll();
          }));
          expect(await wide.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
        }
        expect(await axeFindings(page, 'serious')).toEqual([]);
        await page.close();
      }, 180_000);
    }
  }

  it('at least one course page has a formula wider than 360 px (so the check above bites)', async () => {
    const page = await site.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.server.url}/density/`, { waitUntil: 'load' });
    expect(await page.locator('.math-display[data-scrolls]').count()).toBeGreaterThan(0);
    await page.close();
  });

  for (const [widget, lang] of [
    ['optimizer-race', 'zh'],
    ['optimizer-race', 'en'],
    ['fit-overlay', 'zh'],
    ['fit-overlay', 'en'],
    ['nll-surface', 'zh'],
    ['mixture-lab', 'zh'],
  ] as const) {
    it(`/embed/${widget}/?lang=${lang}: a result table keeps its columns readable and shows that it scrolls`, async () => {
      const page = await site.context.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${site.server.url}/embed/${widget}/?lang=${lang}`, { waitUntil: 'load' });
      await waitForWidgets(page, 45_000);
      const tables = await page.evaluate((tag) => {
        const root = document.querySelector(`mle-${tag}`)?.shadowRoot;
        // Runs in the page (page.evaluate serialises this function), so it cannot move to module scope.
        // oxlint-disable-next-line unicorn/consistent-function-scoping
        const lines = (cell: HTMLElement): number => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size;
        };
        return [...(root?.querySelectorAll('.table-scroll') ?? [])].map((wrap) => {
          const hint = wrap.parentElement?.querySelector('.scroll-hint') as HTMLElement | null;
          const cells = [...wrap.querySelectorAll('th, td')] as HTMLElement[];
          return {
            overflows: wrap.scrollWidth > wrap.clientWidth + 1,
            tabIndex: (wrap as HTMLElement).tabIndex,
            role: wrap.getAttribute('role'),
            label: wrap.getAttribute('aria-label') ?? '',
            hintShown: hint !== null && !hint.hidden && hint.getBoundingClientRect().height > 0,
            // No cell wraps onto a second line (the status column was one character per line).
            wrapped: cells.filter((c) => lines(c) > 1).map((c) => c.textContent),
          };
        });
      }, widget);
      expect(tables.length).toBeGreaterThan(0);
      for (const t of tables) {
        expect(t.wrapped).toEqual([]);
        if (t.overflows) {
          expect(t.tabIndex).toBe(0);
          expect(t.role).toBe('region');
          expect(t.label).not.toBe('');
          expect(t.hintShown).toBe(true);
        } else {
          expect(t.hintShown).toBe(false);
        }
      }
      expect(await axeFindings(page, 'serious')).toEqual([]);
      await page.close();
    });
  }
});
