import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardNormalUpperCdf, standardNormalUpperCdfInPlace } from '../../src/internal/normal-upper-cdf.ts';
import data from '../fixtures/normal_upper_cdf.json' with { type: 'json' };

// Φ(z) above the centre from piecewise polynomials of the upper tail (internal/normal-upper-cdf.ts),
// which the normal and log-normal cdfs use for z ≥ 1.25·√2.

/** The spacing of doubles just below x (x in (0.5, 1]). */
const ULP_BELOW_ONE = 2 ** -53;

describe('standardNormalUpperCdf against mpmath (normal_upper_cdf.json)', () => {
  it('is within one ulp of Φ(z) correctly rounded at 5,960 points of [1.77, 8.5), and correctly rounded at 99.5 % of them', () => {
    let wrong = 0;
    data.z.forEach((z, i) => {
      const want = data.cdf[i] as number;
      const got = standardNormalUpperCdf(z);
      expect(Math.abs(got - want), `z = ${z}`).toBeLessThanOrEqual(ULP_BELOW_ONE);
      if (got !== want) wrong++;
    });
    expect(wrong).toBeLessThanOrEqual(0.005 * data.z.length);
  });

  it('is 1 from 8.5 on and at +Infinity, and leaves NaN and points below 1.25·√2 unchanged', () => {
    expect(standardNormalUpperCdf(8.5)).toBe(1);
    expect(standardNormalUpperCdf(40)).toBe(1);
    expect(standardNormalUpperCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(standardNormalUpperCdf(Number.NaN)).toBeNaN();
    expect(standardNormalUpperCdf(1.7)).toBe(1.7);
    expect(standardNormalUpperCdf(-3)).toBe(-3);
  });
});

describe('standardNormalUpperCdf properties (fast-check)', () => {
  it('is non-decreasing in z and within [0.96, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.77, max: 9, noNaN: true }), fc.double({ min: 1.77, max: 9, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(standardNormalUpperCdf(lo)).toBeLessThanOrEqual(standardNormalUpperCdf(hi));
        expect(standardNormalUpperCdf(lo)).toBeGreaterThanOrEqual(0.96);
        expect(standardNormalUpperCdf(hi)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('the in-place loop works on v[i0…i1) only, each entry as on its own', () => {
    const z = fc.oneof(fc.double({ min: -10, max: 10 }), fc.double({ min: 1.7, max: 9, noNaN: true }));
    fc.assert(
      fc.property(fc.array(z, { minLength: 2, maxLength: 40 }), fc.nat(), fc.nat(), (values, a, b) => {
        const i0 = a % values.length;
        const i1 = i0 + (b % (values.length - i0 + 1));
        const v = Float64Array.from(values);
        standardNormalUpperCdfInPlace(v, i0, i1);
        values.forEach((x, i) => expect(Object.is(v[i], i >= i0 && i < i1 ? standardNormalUpperCdf(x) : x)).toBe(true));
      }),
    );
  });
});
