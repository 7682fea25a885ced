// The article's far blocks: skipped by the first layout, then rendered in short steps right after
// (src/components/render-ahead.ts, styles/site.css), so that a long page loads without one long layout
// task and ends up exactly as if nothing had been deferred.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFERRED_BLOCKS } from '../src/components/render-ahead.ts';
import { openSite, type Site } from './support/site.ts';

let site: Site;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/**
 * How the article's deferred blocks stand: how many, how many are marked rendered, how many the rule
 * still applies to, and how many of those more than two screens down are not (the browser lays out
 * deferred blocks near the screen anyway).
 */
function deferredState(selector: string): { blocks: number; rendered: number; deferred: number; farNotDeferred: number; done: boolean } {
  const blocks = [...document.querySelectorAll<HTMLElement>(selector)];
  // page.evaluate sends this function to the page alone: its helpers must live inside it.
  // oxlint-disable-next-line unicorn/consistent-function-scoping
  const deferred = (b: HTMLElement): boolean => getComputedStyle(b).contentVisibility === 'auto';
  return {
    blocks: blocks.length,
    rendered: blocks.filter((b) => b.hasAttribute('data-rendered')).length,
    deferred: blocks.filter(deferred).length,
    farNotDeferred: blocks.filter((b) => b.getBoundingClientRect().top > 2 * innerHeight && !deferred(b)).length,
    done: document.documentElement.hasAttribute('data-article-rendered'),
  };
}

describe('far blocks are laid out after the first screen', () => {
  it('/en/closed-form-mle/: the first layout may skip them (the rule applies to all), and soon every one is rendered and laid out', async () => {
    const page = await site.context.newPage();
    // With the page's scripts off: the rule alone decides what the first layout skips.
    const cdp = await site.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${site.server.url}/en/closed-form-mle/`, { waitUntil: 'load' });
    const before = await page.evaluate(deferredState, DEFERRED_BLOCKS);
    expect(before.blocks).toBeGreaterThan(20);
    expect(before).toMatchObject({ rendered: 0, deferred: before.blocks, farNotDeferred: 0, done: false });
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
    await page.goto(`${site.server.url}/en/closed-form-mle/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-article-rendered'), undefined, { timeout: 30_000 });
    const after = await page.evaluate(deferredState, DEFERRED_BLOCKS);
    expect(after).toMatchObject({ blocks: before.blocks, rendered: before.blocks, deferred: 0, done: true });
    await page.close();
  });

  it('/normal-pdf/ at 360 px: a first Tab renders the rest at once, with every wide formula a focusable scroll region', async () => {
    const page = await site.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    // Slow every step down, so that the Tab surely comes before the steps have finished.
    await page.addInitScript(() => {
      const postTask = (globalThis as { scheduler?: { postTask: (f: () => void, o: object) => Promise<void> } }).scheduler;
      if (postTask) postTask.postTask = (f) => new Promise((resolve) => setTimeout(() => resolve(f()), 2000));
    });
    await page.goto(`${site.server.url}/normal-pdf/`, { waitUntil: 'load' });
    const early = await page.evaluate(deferredState, DEFERRED_BLOCKS);
    expect(early.done).toBe(false);
    await page.keyboard.press('Tab');
    const after = await page.evaluate(deferredState, DEFERRED_BLOCKS);
    expect(after).toMatchObject({ blocks: early.blocks, rendered: early.blocks, deferred: 0, done: true });
    // Every display formula wider than the column is marked and focusable.
    const formulas = await page.$$eval('.math-display', (els) =>
      els.map((el) => ({ overflows: el.scrollWidth > el.clientWidth + 1, focusable: el.tabIndex === 0 && el.hasAttribute('data-scrolls') })),
    );
    expect(formulas.filter((f) => f.overflows).length).toBeGreaterThan(0);
    expect(formulas.filter((f) => f.overflows !== f.focusable)).toEqual([]);
    await page.close();
  });
});
