import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { log1pmx } from '../../src/special/log1pmx.ts';
import { expectClose } from '../support/expect-close.ts';
import { expectGolden, golden } from './golden.ts';

describe('log1pmx against mpmath (special.json)', () => {
  it('matches mpmath.log1p(x) − x at 700 digits to 1e−15 relative, |x| from 1e−300 to 1e300', () => {
    expectGolden(golden('log1pmx'), log1pmx, 1e-15);
  });
});

describe('log1pmx properties (fast-check)', () => {
  it('is ≤ 0, increasing below 0 and decreasing above', () => {
    const x = fc.double({ min: -0.999999, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(x, x, (a, b) => {
        expect(log1pmx(a)).toBeLessThanOrEqual(0);
        if (a < b && b <= 0) expect(log1pmx(a)).toBeLessThanOrEqual(log1pmx(b));
        if (0 <= a && a < b) expect(log1pmx(a)).toBeGreaterThanOrEqual(log1pmx(b));
      }),
    );
  });

  it('agrees with Math.log1p(x) − x where that does not cancel (|x| ≥ 0.1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1e6, noNaN: true }), fc.boolean(), (m, negative) => {
        const x = negative ? -Math.min(m, 0.99) : m;
        expectClose(log1pmx(x), Math.log1p(x) - x, { rel: 0, abs: 4e-16 * (Math.abs(Math.log1p(x)) + Math.abs(x)) });
      }),
    );
  });
});

describe('log1pmx edge cases', () => {
  it('0 at 0, −Infinity at −1 and +Infinity, NaN below −1 and for NaN', () => {
    expect(log1pmx(0)).toBe(0);
    expect(log1pmx(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1pmx(Number.POSITIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1pmx(-1.5)).toBeNaN();
    expect(log1pmx(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(log1pmx(Number.NaN)).toBeNaN();
  });
});
