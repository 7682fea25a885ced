import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFERRED_BLOCKS, nextStepSize } from '../src/components/render-ahead.ts';

describe('nextStepSize', () => {
  it('scales the count by budget over elapsed time', () => {
    expect(nextStepSize(4, 16, 8)).toBe(2);
    expect(nextStepSize(10, 10, 8)).toBe(8);
  });
  it('grows at most twofold (also when the step took no measurable time) and never below one block', () => {
    expect(nextStepSize(4, 2, 8)).toBe(8);
    expect(nextStepSize(4, 0, 8)).toBe(8);
    expect(nextStepSize(3, 1000, 8)).toBe(1);
  });
  it('is a whole number in [1, 2·count] for any count and time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1e6, noNaN: true }), (count, elapsed) => {
        const next = nextStepSize(count, elapsed, 8);
        return Number.isInteger(next) && next >= 1 && next <= 2 * count;
      }),
    );
  });
});

/** A selector without its white space (CSS allows `n + 13` where the script writes `n+13`). */
function normalise(selector: string): string {
  return selector.replace(/\s+/g, '');
}

describe('the deferring rule', () => {
  it('site.css defers exactly the blocks render-ahead.ts renders, and lifts the rule on data-rendered', () => {
    const css = readFileSync(new URL('../src/styles/site.css', import.meta.url), 'utf8');
    const rule = /([^{}]*)\{[^{}]*content-visibility:\s*auto/.exec(css);
    expect(rule).not.toBeNull();
    const selector = (rule?.[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, '').trim();
    expect(normalise(selector)).toBe(normalise(`${DEFERRED_BLOCKS}:not([data-rendered])`));
  });
});
