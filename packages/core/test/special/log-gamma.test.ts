import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma, logGamma1p } from '../../src/special/log-gamma.ts';
import { expectClose } from '../support/expect-close.ts';
import { expectGolden, golden } from './golden.ts';

describe('logGamma against mpmath (special.json)', () => {
  it('matches mpmath.loggamma to 2e−15 relative from 5e−324 to 2.5e305 and for negative non-integers', () => {
    // Near the negative root x ≈ −2.4570 the result (5.8e−8) is ill-conditioned: the reflection
    // formula ln π − ln|sin πx| − ln Γ(1 − x) can only be accurate to ~1e−16 absolute there.
    expectGolden(golden('logGamma'), logGamma, 2e-15, ([x]) => ((x as number) < 0 ? 2e-16 : 0));
  });

  it('logGamma1p matches mpmath.loggamma(1 + x) at 400 digits, down to |x| = 1e−300', () => {
    expectGolden(golden('logGamma1p'), logGamma1p, 1e-15);
  });
});

describe('logGamma identities (fast-check)', () => {
  it('ln Γ(x + 1) = ln Γ(x) + ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        const lhs = logGamma(x + 1);
        // x + 1 is rounded: allow ψ(x + 1)·ulp(x + 1) on top of a few ulps of the terms.
        const scale = Math.abs(logGamma(x)) + Math.abs(Math.log(x));
        expectClose(lhs, logGamma(x) + Math.log(x), { rel: 0, abs: 4e-15 * scale + 4e-16 * (x + 1) * Math.log(x + 2) });
      }),
    );
  });

  it('logGamma1p(x) = logGamma(1 + x) where 1 + x is exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1023, max: 4096 }), (k) => {
        const x = k / 1024;
        if (x <= -1) return;
        expectClose(logGamma1p(x), logGamma(1 + x), { rel: 2e-15, abs: 1e-300 });
      }),
    );
  });

  it('the reflection Γ(x)Γ(1 − x) = π/|sin πx| holds for negative non-integers', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: -1e-3, noNaN: true }), (x) => {
        if (Number.isInteger(x)) return;
        const lhs = logGamma(x) + logGamma(1 - x);
        // sin(πx) = ±sin(π(x − round(x))), with x − round(x) exact, so the reference keeps its accuracy.
        const sin = Math.abs(Math.sin(Math.PI * (x - Math.round(x))));
        const scale = Math.abs(logGamma(x)) + Math.abs(logGamma(1 - x)); // the two terms cancel
        expectClose(lhs, Math.log(Math.PI / sin), { rel: 0, abs: 2e-15 * scale });
      }),
    );
  });
});

describe('logGamma edge cases', () => {
  it('exact values at 1, 2 and the poles; NaN and infinities', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(logGamma1p(0)).toBe(0);
    expect(logGamma1p(1)).toBe(0);
    // scipy.special.gammaln(0), gammaln(-1), gammaln(-2): inf (the poles)
    expect(logGamma(0)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(-0)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(-1)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(-2)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(1e306)).toBe(Number.POSITIVE_INFINITY); // ln Γ overflows past 2.55e305
    expect(logGamma(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(logGamma(Number.NaN)).toBeNaN();
    expect(logGamma1p(Number.NaN)).toBeNaN();
    expect(logGamma1p(-1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('ln Γ(½) = ln √π and ln Γ(3) = ln 2 to the last bit or two', () => {
    expectClose(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), { rel: 4e-16 });
    expectClose(logGamma(3), Math.LN2, { rel: 4e-16 });
  });
});
