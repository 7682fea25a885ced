// Main-thread long tasks and widget ready times, as Chromium reports them (PerformanceObserver
// 'longtask', buffered from navigation) on a page opened by the e2e suite.
import type { BrowserContext, Page } from 'playwright-core';
import catalogue from '@mle-lab/widgets/catalogue.json' with { type: 'json' };

/** Every widget's tag, as one selector. */
const widgetSelector = catalogue.map((entry) => entry.tag).join(', ');

/** What one page load cost the main thread. */
export interface PageTiming {
  /** Longest task from navigation until every widget was ready (ms). */
  longestWhileLoading: number;
  /** Longest task from then until `settleMs` later, the reader idle (ms). */
  longestAfterReady: number;
  /** When the last widget on the page became ready, ms after navigation start (0 with no widget). */
  readyAt: number;
  /** Each widget's ready time (ms after navigation start), by tag. */
  widgets: { tag: string; readyAt: number }[];
}

/**
 * Opens `url` in a fresh page, waits for every widget, lets the page sit idle for `settleMs`, and
 * returns the long tasks before and after the widgets were ready and when each widget became ready.
 */
export async function measurePage(context: BrowserContext, url: string, viewport = { width: 1280, height: 900 }, settleMs = 1500): Promise<PageTiming> {
  const page: Page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.addInitScript(() => {
    const w = window as unknown as { mleLongTasks: { start: number; duration: number }[]; mleReady: Record<string, number> };
    w.mleLongTasks = [];
    w.mleReady = {};
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.mleLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // data-ready is set once per widget; note when, per element, and per tag the last of its elements
    // (a page with three fit labs is ready when the third is).
    const seen = new WeakSet<Element>();
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        if (el.dataset['ready'] !== 'true' || seen.has(el)) continue;
        seen.add(el);
        w.mleReady[el.localName] = performance.now();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
  await page.goto(url, { waitUntil: 'load' });
  // Not waitForWidgets: its check walks every element of the page in script on every animation frame
  // (13,000 on a formula-heavy page), a long task of the harness's own that the observer would count.
  // The tags are known; the selector engine finds them cheaply, and checking every 100 ms is enough.
  await page.waitForFunction(
    (selector) =>
      [...document.querySelectorAll(selector)].every(
        (w) => customElements.get(w.localName) !== undefined && (w.getAttribute('data-ready') === 'true' || w.hasAttribute('data-error')),
      ),
    widgetSelector,
    { timeout: 60_000, polling: 100 },
  );
  await page.waitForTimeout(settleMs);
  const raw = await page.evaluate(() => {
    const w = window as unknown as { mleLongTasks: { start: number; duration: number }[]; mleReady: Record<string, number> };
    return { tasks: w.mleLongTasks, ready: w.mleReady };
  });
  await page.close();
  const widgets = Object.entries(raw.ready).map(([tag, readyAt]) => ({ tag, readyAt: Math.round(readyAt) }));
  const readyAt = Math.max(0, ...widgets.map((w) => w.readyAt));
  const longest = (tasks: { duration: number }[]) => Math.round(Math.max(0, ...tasks.map((t) => t.duration)));
  return {
    longestWhileLoading: longest(raw.tasks.filter((t) => t.start < readyAt || readyAt === 0)),
    longestAfterReady: longest(raw.tasks.filter((t) => t.start >= readyAt && readyAt > 0)),
    readyAt,
    widgets,
  };
}
