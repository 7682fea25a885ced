// The design's promise, on the built site in Chromium: while the worker generates, summarizes and
// fits 1,000,000 samples, the page's main thread has no long task and its animation frames keep coming.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, waitForWidgets, watchedPage, type Site } from './support/site.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** What the embed bundle exports that this test uses (its own types are the widgets package's). */
type Embed = typeof import('@mle-lab/widgets');

interface Measured {
  elapsed: number;
  longTasks: { start: number; duration: number }[];
  frames: number;
  maxFrameGap: number;
  progressReports: number;
  n: number;
  kdeMethod: string | undefined;
  boxMedian: number | undefined;
  histogramBins: number;
  mleMu: number;
  fit: { iterations: number; reason: string; mu: number; historyPoints: number; closedFormMu: number };
  /** A deliberate 120 ms block of the main thread afterwards: proves the observer sees long tasks. */
  control: { start: number; duration: number }[];
}

describe('the worker keeps the page responsive', () => {
  it('1,000,000 samples: generate, summarize (histogram, KDE, box, MLE), Adam for 2,000 steps — no long task, frames keep coming', async () => {
    const { page, errors } = await watchedPage(site.context);
    await page.goto(`${site.server.url}/en/data/`, { waitUntil: 'load' });
    await waitForWidgets(page);
    // Let the page's own start-up work settle before measuring.
    await page.waitForTimeout(500);

    const result = await page.evaluate(async (embedUrl): Promise<Measured> => {
      // A string specifier in a Function, so that no bundler rewrites this page-side import.
      const load = new Function('url', 'return import(url)') as (url: string) => Promise<Embed>;
      const { sharedClient } = await load(embedUrl);
      const client = sharedClient();
      await client.runningJobs(); // the worker is up (the page's widget started it)

      const tasks: { start: number; duration: number }[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      });
      observer.observe({ type: 'longtask', buffered: true });

      let frames = 0;
      let maxFrameGap = 0;
      let last = performance.now();
      let animating = true;
      const frame = (now: number) => {
        frames += 1;
        maxFrameGap = Math.max(maxFrameGap, now - last);
        last = now;
        if (animating) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);

      const t0 = performance.now();
      let progressReports = 0;
      const handle = await client.generate({ seed: 42, mu: 5, sigma: 2, n: 1_000_000 });
      const summary = await client.summarize(handle, { bins: 'auto', kde: {}, box: true }, { onProgress: () => (progressReports += 1) });
      const fit = await client.fit(
        handle,
        { method: 'adam', learningRate: 0.05, maxIterations: 2000, tolerance: 0 },
        { onProgress: () => (progressReports += 1) },
      );
      const elapsed = performance.now() - t0;
      animating = false;
      await client.release(handle);

      // The control: block the main thread on purpose, then wait for the observer to deliver.
      const blockStart = performance.now();
      while (performance.now() - blockStart < 120) {
        // busy on purpose
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      observer.disconnect();
      const during = tasks.filter((t) => t.start >= t0 && t.start < t0 + elapsed);
      const control = tasks.filter((t) => t.start >= blockStart - 5);

      return {
        elapsed,
        longTasks: during,
        frames,
        maxFrameGap,
        progressReports,
        n: summary.n,
        kdeMethod: summary.kde?.method,
        boxMedian: summary.box?.median,
        histogramBins: summary.histogram.counts.length,
        mleMu: summary.mle.mu,
        fit: {
          iterations: fit.iterations,
          reason: fit.reason,
          mu: fit.mu,
          historyPoints: fit.history.mu.length,
          closedFormMu: fit.closedForm.mu,
        },
        control,
      };
    }, '/embed/widgets.js');

    console.info(
      `worker e2e: ${result.elapsed.toFixed(0)} ms of work, ${result.frames} frames (longest gap ${result.maxFrameGap.toFixed(0)} ms), ` +
        `${result.progressReports} progress reports, long tasks during the work: ${result.longTasks.length}`,
    );
    // The work was really done, in the worker.
    expect(result.n).toBe(1_000_000);
    expect(result.kdeMethod).toBe('binned');
    expect(result.histogramBins).toBeGreaterThan(30);
    expect(Math.abs((result.boxMedian ?? NaN) - 5)).toBeLessThan(0.01);
    expect(Math.abs(result.mleMu - 5)).toBeLessThan(0.01);
    expect(result.fit).toMatchObject({ iterations: 2000, reason: 'max-iterations', historyPoints: 2000 });
    expect(Math.abs(result.fit.mu - result.fit.closedFormMu)).toBeLessThan(0.01);
    // The main thread: no task over 50 ms while the worker ran, and the frame loop kept going.
    expect(result.longTasks).toEqual([]);
    expect(result.frames).toBeGreaterThanOrEqual(Math.max(5, Math.floor(result.elapsed / 50)));
    expect(result.maxFrameGap).toBeLessThan(100);
    // The measurement itself works: the deliberate 120 ms block was seen as a long task.
    expect(result.control.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
