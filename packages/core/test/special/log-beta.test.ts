import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logBeta } from '../../src/special/log-beta.ts';
import { logGamma } from '../../src/special/log-gamma.ts';
import { expectClose } from '../support/expect-close.ts';
import { expectGolden, golden } from './golden.ts';

describe('logBeta against mpmath (special.json)', () => {
  it('matches loggamma(a) + loggamma(b) − loggamma(a + b) at 700 digits to 2e−15 relative + 4e−15, b up to 1e300', () => {
    // The absolute part is the rounding of log-gamma terms near 1–13 that cancel near ln B = 0
    // (3e−15 measured over 40,000 random pairs; 1.2e−12 relative where ln B = −9.7e−5).
    expectGolden(golden('logBeta'), logBeta, 2e-15, () => 4e-15);
  });
});

const positive = fc.double({ min: 1e-3, max: 1e7, noNaN: true });

describe('logBeta identities (fast-check)', () => {
  it('is symmetric', () => {
    fc.assert(
      fc.property(positive, positive, (a, b) => {
        expect(logBeta(a, b)).toBe(logBeta(b, a));
      }),
    );
  });

  it('B(a + 1, b) = B(a, b)·a/(a + b)', () => {
    fc.assert(
      fc.property(positive, positive, (a, b) => {
        const rhs = logBeta(a, b) + Math.log(a / (a + b));
        const scale = Math.abs(logBeta(a, b)) + Math.abs(Math.log(a / (a + b)));
        // a + 1 is rounded: allow |∂ ln B/∂a|·ulp(a + 1) on top.
        expectClose(logBeta(a + 1, b), rhs, { rel: 0, abs: 4e-15 * scale + 3e-16 * (a + 1) * Math.abs(Math.log(b / (a + b + 1))) });
      }),
    );
  });

  it('agrees with the three log-gammas where they do not cancel', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 20, noNaN: true }), fc.double({ min: 0.1, max: 20, noNaN: true }), (a, b) => {
        const direct = logGamma(a) + logGamma(b) - logGamma(a + b);
        expectClose(logBeta(a, b), direct, { rel: 0, abs: 4e-15 * (Math.abs(logGamma(a)) + Math.abs(logGamma(b)) + logGamma(a + b) + 1) });
      }),
    );
  });
});

describe('logBeta edge cases', () => {
  it('B(1, 1) = 1; NaN for a or b ≤ 0, NaN; −Infinity when one is infinite', () => {
    expect(logBeta(1, 1)).toBe(0);
    expectClose(logBeta(0.5, 0.5), Math.log(Math.PI), { rel: 4e-16 });
    expect(logBeta(0, 1)).toBeNaN();
    expect(logBeta(1, -2)).toBeNaN();
    expect(logBeta(Number.NaN, 1)).toBeNaN();
    expect(logBeta(1, Number.NaN)).toBeNaN();
    expect(logBeta(2, Number.POSITIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(logBeta(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBeNaN();
  });
});
