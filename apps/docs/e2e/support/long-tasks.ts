// Main-thread long tasks and widget ready times, as Chromium reports them (PerformanceObserver
// 'longtask', buffered from navigation) on a page opened by the e2e suite.
import type { BrowserContext, Page } from 'playwright-core';
import { widgetSelector } from './site.ts';

/** What one page load cost the main thread. */
export interface PageTiming {
  /** Longest task from navigation until the widgets near the first screen were ready (ms). */
  longestWhileLoading: number;
  /** Longest task while the reader scrolled to each further widget in turn and it built (ms). */
  longestWhileScrolling: number;
  /** Longest task from when every widget was ready until `settleMs` later, the reader idle (ms). */
  longestAfterReady: number;
  /** When the last widget near the first screen became ready, ms after navigation start (0 with none). */
  readyAt: number;
  /** The longest wait of a further widget, from being scrolled into view until ready (ms; 0 with none). */
  readyAfterScroll: number;
  /** Each widget's wait (ms): after navigation start for the first screen's, after its scroll for the others. */
  widgets: { tag: string; readyAt: number; scrolled: boolean }[];
}

/** The longest of `tasks` (ms, rounded; 0 with none). */
function longest(tasks: { duration: number }[]): number {
  return Math.round(Math.max(0, ...tasks.map((t) => t.duration)));
}

/** The page-side helpers the harness installs before the page's own scripts run. */
interface Harness {
  mleLongTasks: { start: number; duration: number }[];
  mleReady: Map<Element, number>;
  /** Defined, and rendered or failed. */
  mleSettled(widget: Element): boolean;
  /** Within the distance of the viewport at which a widget builds (one viewport's height). */
  mleNear(widget: Element): boolean;
}

/**
 * Opens `url` in a fresh page and waits for the widgets near its first screen; then scrolls each
 * further widget into view in turn, as a reader would, and waits for it; lets the page sit idle for
 * `settleMs`; and returns the long tasks of each phase and when each widget became ready.
 */
export async function measurePage(context: BrowserContext, url: string, viewport = { width: 1280, height: 900 }, settleMs = 1500): Promise<PageTiming> {
  const page: Page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.addInitScript(() => {
    const w = window as unknown as Harness;
    w.mleLongTasks = [];
    w.mleReady = new Map();
    w.mleSettled = (widget) =>
      customElements.get(widget.localName) !== undefined && (widget.getAttribute('data-ready') === 'true' || widget.hasAttribute('data-error'));
    w.mleNear = (widget) => {
      const box = widget.getBoundingClientRect();
      return box.top < 2 * innerHeight && box.bottom > -innerHeight;
    };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.mleLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // data-ready is set once per widget: note when, per element.
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        if (el.dataset['ready'] === 'true' && !w.mleReady.has(el)) w.mleReady.set(el, performance.now());
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
  await page.goto(url, { waitUntil: 'load' });
  // Not waitForWidgets: its check walks every element of the page in script on every animation frame
  // (13,000 on a formula-heavy page), a long task of the harness's own that the observer would count.
  // The tags are known; the selector engine finds them cheaply, and checking every 100 ms is enough.
  await page.waitForFunction(
    (selector) => {
      const w = window as unknown as Harness;
      return [...document.querySelectorAll(selector)].filter((widget) => w.mleNear(widget)).every((widget) => w.mleSettled(widget));
    },
    widgetSelector,
    { timeout: 60_000, polling: 100 },
  );
  const loaded = await page.evaluate(() => performance.now());
  // The reader scrolls to each widget that has not built yet, top to bottom, and waits for it.
  const count = await page.evaluate((selector) => document.querySelectorAll(selector).length, widgetSelector);
  const scrolledAt: (number | undefined)[] = [];
  for (let i = 0; i < count; i++) {
    scrolledAt[i] = await page.evaluate(
      ({ selector, index }) => {
        const widget = document.querySelectorAll(selector)[index] as Element;
        if ((window as unknown as Harness).mleSettled(widget)) return undefined;
        widget.scrollIntoView({ block: 'center' });
        return performance.now();
      },
      { selector: widgetSelector, index: i },
    );
    if (scrolledAt[i] === undefined) continue;
    await page.waitForFunction(
      ({ selector, index }) => (window as unknown as Harness).mleSettled(document.querySelectorAll(selector)[index] as Element),
      { selector: widgetSelector, index: i },
      { timeout: 60_000, polling: 100 },
    );
  }
  const allReady = await page.evaluate(() => performance.now());
  await page.waitForTimeout(settleMs);
  const raw = await page.evaluate((selector) => {
    const w = window as unknown as Harness;
    return { tasks: w.mleLongTasks, widgets: [...document.querySelectorAll(selector)].map((el) => ({ tag: el.localName, readyAt: w.mleReady.get(el) ?? Number.NaN })) };
  }, widgetSelector);
  await page.close();
  const widgets = raw.widgets.map((widget, index) => {
    const scrolled = scrolledAt[index];
    // A widget that the reader reached after it had built waited 0 ms.
    return { tag: widget.tag, scrolled: scrolled !== undefined, readyAt: Math.round(scrolled === undefined ? widget.readyAt : Math.max(0, widget.readyAt - scrolled)) };
  });
  const firstScreen = widgets.filter((w) => !w.scrolled);
  const readyAt = Math.max(0, ...firstScreen.map((w) => w.readyAt));
  return {
    longestWhileLoading: longest(raw.tasks.filter((t) => t.start < loaded)),
    longestWhileScrolling: longest(raw.tasks.filter((t) => t.start >= loaded && t.start < allReady)),
    longestAfterReady: longest(raw.tasks.filter((t) => t.start >= allReady)),
    readyAt,
    readyAfterScroll: Math.max(0, ...widgets.filter((w) => w.scrolled).map((w) => w.readyAt)),
    widgets,
  };
}
