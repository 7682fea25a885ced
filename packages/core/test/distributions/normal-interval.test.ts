import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bivariateNormalCovariance } from '../../src/distributions/multivariate-normal.ts';
import { normalCdf, normalIntervalProbability } from '../../src/distributions/normal.ts';
import data from '../fixtures/distributions.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

describe('normalIntervalProbability (distributions.json: mpmath and scipy)', () => {
  for (const c of data.intervals.cases) {
    it(`P(${c.a} < X < ${c.b}) for N(${c.mu}, ${c.sigma}²)`, () => {
      const p = normalIntervalProbability(c.a, c.b, c.mu, c.sigma);
      // mpmath.ncdf(zb) − ncdf(za) at 50 digits. Rounding z = (x − μ)/σ costs |z|·φ(z)/P·ε relative,
      // up to ~z²ε in the far tail (30 < X < 31: ~1e-13), and a narrow interval's two cdf values
      // cancel by b − a (−2 < X < −1.999); elsewhere a few ulps.
      const rel = Math.max(Math.abs(c.a - c.mu), Math.abs(c.b - c.mu)) / c.sigma > 20 || c.b - c.a < 0.01 ? 1e-12 : 1e-14;
      expectClose(p, c.exact, { rel });
      // scipy's float64 route (sf differences above the mean): the same to scipy's own accuracy, which
      // is lost for intervals much narrower than σ (two cdf values near ½ cancel: 0 < X < 1e-10).
      if (c.b - c.a >= 0.01) expectClose(p, c.scipy, { rel: Math.max(rel, 1e-13) });
    });
  }

  it('TSDoc examples', () => {
    // mpmath: 0.68268949213708589717…; 0.6826894921370859 is the correctly rounded double, one ulp below.
    expect(normalIntervalProbability(-1, 1)).toBe(0.682689492137086);
    expectClose(normalIntervalProbability(9, 10), 1.1285122074235991e-19, { rel: 1e-14 }); // mpmath: ncdf(10) − ncdf(9)
    // F(10) − F(9) loses it all in double precision: the reason this function exists.
    expect(normalCdf(10) - normalCdf(9)).toBe(0);
  });

  it('property: intervals add up, and mirror images have equal probability', () => {
    fc.assert(
      fc.property(fc.double({ min: -12, max: 12, noNaN: true }), fc.double({ min: 0, max: 6, noNaN: true }), fc.double({ min: 0, max: 6, noNaN: true }), (a, w1, w2) => {
        const b = a + w1;
        const c = b + w2;
        const whole = normalIntervalProbability(a, c);
        const parts = normalIntervalProbability(a, b) + normalIntervalProbability(b, c);
        expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-15 + 1e-13 * whole);
        expect(normalIntervalProbability(-c, -a)).toBe(normalIntervalProbability(a, c));
      }),
    );
  });

  it('edge cases: empty interval, NaN, ±Infinity, σ = 0, offset 1e9', () => {
    expect(normalIntervalProbability(1, 1)).toBe(0);
    expect(normalIntervalProbability(2, 1)).toBeNaN();
    expect(normalIntervalProbability(NaN, 1)).toBeNaN();
    expect(normalIntervalProbability(0, NaN)).toBeNaN();
    expect(normalIntervalProbability(-Infinity, Infinity)).toBe(1);
    expect(normalIntervalProbability(-Infinity, 0)).toBe(0.5);
    expectClose(normalIntervalProbability(9, Infinity), 1.1285884059538405e-19, { rel: 1e-14 }); // mpmath.ncdf(-9)
    expect(normalIntervalProbability(-1, 1, 0, 0)).toBeNaN();
    expect(normalIntervalProbability(-1, 1, Infinity, 1)).toBe(0); // scipy: norm.cdf(1, inf) − norm.cdf(−1, inf) = 0
    expect(normalIntervalProbability(1e9 - 1, 1e9 + 1, 1e9, 1)).toBe(normalIntervalProbability(-1, 1));
  });
});

describe('bivariateNormalCovariance', () => {
  it('TSDoc example: the matrix scipy.stats.multivariate_normal takes', () => {
    // numpy: np.array([[1**2, 0.3*1*2], [0.3*1*2, 2**2]]).ravel() → [1, 0.6, 0.6, 4]
    expect(Array.from(bivariateNormalCovariance(1, 2, 0.3))).toEqual([1, 0.6, 0.6, 4]);
  });

  it('edge cases: σ = 0, NaN, ±Infinity, |ρ| = 1, huge scales', () => {
    expect(() => bivariateNormalCovariance(0, 1, 0)).toThrow(/^bivariateNormalCovariance: sigma1 must be a finite number greater than 0/);
    expect(() => bivariateNormalCovariance(1, Infinity, 0)).toThrow(/sigma2 must be a finite number greater than 0/);
    expect(() => bivariateNormalCovariance(1, 1, 1)).toThrow(/^bivariateNormalCovariance: rho must be a number strictly between −1 and 1, got 1/);
    expect(() => bivariateNormalCovariance(1, 1, NaN)).toThrow(/rho must be/);
    expect(Array.from(bivariateNormalCovariance(1e9, 1, -0.5))).toEqual([1e18, -5e8, -5e8, 1]);
  });
});
