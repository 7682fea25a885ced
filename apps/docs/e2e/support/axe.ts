// axe-core 4 in real Chromium: injected into the page under test (open shadow roots included, which
// axe walks by itself), run over the whole document, findings reduced to what a test can compare.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe rule that failed, with how many elements failed it and a few of their selectors. */
export interface AxeFinding {
  rule: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical';
  count: number;
  /** Up to three failing elements (axe selectors, shadow hosts joined by " >> ") and axe's summary. */
  examples: string[];
}

const rank = { minor: 0, moderate: 1, serious: 2, critical: 3 } as const;

/**
 * Runs every axe rule (WCAG 2.x A/AA and best practices) on the page as it is now and returns the
 * failures at or above `minImpact`, most severe first.
 */
export async function axeFindings(page: Page, minImpact: AxeFinding['impact'] = 'moderate'): Promise<AxeFinding[]> {
  // Expressive Code makes an overflowing code block focusable from a ResizeObserver, 250 ms and an idle
  // callback after layout: on a busy machine that is after `load`. Wait for it (the reader's page
  // settles the same way), then let axe judge.
  await page
    .waitForFunction(
      () => [...document.querySelectorAll<HTMLElement>('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.tabIndex === 0),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  // Evaluated through the DevTools protocol, not as an inline <script>: the site's Content-Security-Policy
  // (script hashes only) rightly blocks an injected inline script, and the test must not weaken it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource}\n;void 0`);
  const raw = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      count: v.nodes.length,
      examples: v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`),
    }));
  });
  return (raw as AxeFinding[])
    .filter((f) => rank[f.impact] >= rank[minImpact])
    .toSorted((a, b) => rank[b.impact] - rank[a.impact]);
}
