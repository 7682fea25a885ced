import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digamma } from '../../src/special/digamma.ts';
import { expectClose } from '../support/expect-close.ts';
import { expectGolden, golden } from './golden.ts';

describe('digamma against mpmath (special.json)', () => {
  it('matches mpmath.digamma to 1e−15 relative, at the root x₀ ≈ 1.4616 and its neighbouring doubles too', () => {
    expectGolden(golden('digamma'), digamma, 1e-15);
  });
});

describe('digamma identities (fast-check)', () => {
  it('ψ(x + 1) = ψ(x) + 1/x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        // x + 1 is rounded: ψ′(x + 1)·ulp(x + 1) ≤ 2.2e−16 is added to a few ulps of the terms.
        const scale = Math.abs(digamma(x)) + 1 / x;
        expectClose(digamma(x + 1), digamma(x) + 1 / x, { rel: 0, abs: 3e-15 * scale + 3e-16 });
      }),
    );
  });

  it('is increasing on (0, ∞)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e8, noNaN: true }), fc.double({ min: 1e-6, max: 1e8, noNaN: true }), (a, b) => {
        if (a < b) expect(digamma(a)).toBeLessThanOrEqual(digamma(b));
      }),
    );
  });
});

describe('digamma edge cases', () => {
  it('ψ(1) = −γ; the poles, NaN and infinities as scipy.special.psi', () => {
    expectClose(digamma(1), -0.5772156649015329, { rel: 2e-16 }); // −γ (mpmath.euler)
    expect(digamma(0)).toBe(Number.NEGATIVE_INFINITY); // scipy.special.psi(0.0) = -inf
    expect(digamma(-0)).toBe(Number.POSITIVE_INFINITY); // scipy.special.psi(-0.0) = inf
    expect(digamma(-1)).toBeNaN(); // scipy.special.psi(-1.0) = nan
    expect(digamma(-3)).toBeNaN();
    expect(digamma(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(digamma(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(digamma(Number.NaN)).toBeNaN();
  });
});
