import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trigamma } from '../../src/special/trigamma.ts';
import { expectClose } from '../support/expect-close.ts';
import { expectGolden, golden } from './golden.ts';

describe('trigamma against mpmath (special.json)', () => {
  it('matches mpmath.psi(1, x) to 1e−15 relative', () => {
    expectGolden(golden('trigamma'), trigamma, 1e-15);
  });
});

describe('trigamma identities (fast-check)', () => {
  it('ψ′(x) = ψ′(x + 1) + 1/x²', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        expectClose(trigamma(x), trigamma(x + 1) + 1 / (x * x), { rel: 3e-15 });
      }),
    );
  });

  it('is positive and decreasing on (0, ∞)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e8, noNaN: true }), fc.double({ min: 1e-6, max: 1e8, noNaN: true }), (a, b) => {
        expect(trigamma(a)).toBeGreaterThan(0);
        if (a < b) expect(trigamma(a)).toBeGreaterThanOrEqual(trigamma(b));
      }),
    );
  });
});

describe('trigamma edge cases', () => {
  it('ψ′(1) = π²/6, ψ′(½) = π²/2; poles, NaN and infinities', () => {
    expectClose(trigamma(1), (Math.PI * Math.PI) / 6, { rel: 2e-16 });
    expectClose(trigamma(0.5), (Math.PI * Math.PI) / 2, { rel: 2e-16 });
    expect(trigamma(0)).toBe(Number.POSITIVE_INFINITY); // scipy.special.polygamma(1, 0) = inf
    expect(trigamma(-2)).toBe(Number.POSITIVE_INFINITY);
    expect(trigamma(1e-300)).toBe(Number.POSITIVE_INFINITY); // 1/x² overflows
    expect(trigamma(Number.POSITIVE_INFINITY)).toBe(0);
    expect(trigamma(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(trigamma(Number.NaN)).toBeNaN();
  });
});
