import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma } from '../../src/special/log-gamma.ts';
import { stirlingError } from '../../src/special/stirling-error.ts';
import { expectClose } from '../support/expect-close.ts';
import { expectGolden, golden } from './golden.ts';

describe('stirlingError against mpmath (special.json)', () => {
  it('matches loggamma(n + 1) − (n + ½) ln n + n − ln √(2π) at 700 digits to 1e−15 relative', () => {
    expectGolden(golden('stirlingError'), stirlingError, 1e-15);
  });
});

describe('stirlingError properties (fast-check)', () => {
  it('δ(n) − δ(n + 1) = (n + ½) ln(1 + 1/n) − 1 (Loader)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), (n) => {
        const step = (n + 0.5) * Math.log1p(1 / n) - 1;
        // the right-hand side cancels by a factor ~12n²: allow its rounding
        expectClose(stirlingError(n) - stirlingError(n + 1), step, { rel: 0, abs: 4e-16 * (n + 1) * Math.log1p(1 / n) + 1e-20 });
      }),
    );
  });

  it('is positive, decreasing, and agrees with the definition through logGamma', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (n) => {
        const d = stirlingError(n);
        expect(d).toBeGreaterThan(0);
        expect(stirlingError(n * 1.01)).toBeLessThan(d);
        const terms = Math.abs(logGamma(n + 1)) + Math.abs((n + 0.5) * Math.log(n)) + n + 1;
        const direct = logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - 0.9189385332046727;
        expectClose(d, direct, { rel: 0, abs: 6e-16 * terms });
      }),
    );
  });
});

describe('stirlingError edge cases', () => {
  it('δ(1) = 1 − ln √(2π); +Infinity at 0, 0 at +Infinity, NaN below 0 and for NaN', () => {
    // 1 − 0.9189385332046727 carries the rounding of ln √(2π) (5e−17), 6e−16 relative to δ(1).
    expectClose(stirlingError(1), 1 - 0.9189385332046727, { rel: 2e-15 });
    expect(stirlingError(0)).toBe(Number.POSITIVE_INFINITY);
    expect(stirlingError(Number.POSITIVE_INFINITY)).toBe(0);
    expect(stirlingError(-1)).toBeNaN();
    expect(stirlingError(Number.NaN)).toBeNaN();
  });
});
