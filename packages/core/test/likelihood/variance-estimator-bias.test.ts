import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalVarianceEstimatorExpectations } from '../../src/likelihood/variance-estimator-bias.ts';
import data from '../fixtures/likelihood.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

describe('normalVarianceEstimatorExpectations (likelihood.json: scipy.stats.chi2 moments)', () => {
  for (const c of data.varianceEstimators.cases) {
    it(`σ = ${c.sigma}, n = ${c.n}`, () => {
      const e = normalVarianceEstimatorExpectations(c.sigma, c.n);
      // chi2(n − 1).mean()·σ²/n etc.: closed forms, a few roundings apart.
      expectClose(e.variance, c.sigma ** 2, { rel: 1e-15 });
      expectClose(e.mle.mean, c.mleMean, { rel: 1e-15 });
      expectClose(e.mle.variance, c.mleVariance, { rel: 1e-15 });
      expectClose(e.mle.std, Math.sqrt(c.mleVariance), { rel: 1e-15 });
      expectClose(e.unbiased.mean, c.unbiasedMean, { rel: 1e-15 });
      expectClose(e.unbiased.variance, c.unbiasedVariance, { rel: 1e-15 });
      expectClose(e.unbiased.std, Math.sqrt(c.unbiasedVariance), { rel: 1e-15 });
    });
  }

  it('TSDoc example: the exact decimals the bias simulator states', () => {
    const e = normalVarianceEstimatorExpectations(2, 5);
    expect(e.variance).toBe(4);
    expect(e.mle.mean).toBe(3.2);
    expect(e.unbiased.mean).toBe(4);
    expect(e.mle.variance).toBe(5.12);
    expect(e.unbiased.variance).toBe(8);
  });

  it('property: E[σ̂²] = (n − 1)/n · E[s²] and Var(σ̂²) = ((n − 1)/n)² · Var(s²)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.integer({ min: 2, max: 100_000 }), (sigma, n) => {
        const e = normalVarianceEstimatorExpectations(sigma, n);
        const f = (n - 1) / n;
        expectClose(e.mle.mean, f * e.unbiased.mean, { rel: 1e-14 });
        expectClose(e.mle.variance, f * f * e.unbiased.variance, { rel: 1e-14 });
        // The MLE has the smaller spread (and the smaller mean squared error: bias² + variance).
        expect(e.mle.std).toBeLessThan(e.unbiased.std);
        const bias = e.mle.mean - e.variance;
        expect(bias * bias + e.mle.variance).toBeLessThan(e.unbiased.variance);
      }),
    );
  });

  it('edge cases: n = 1, NaN, ±Infinity, σ = 0, huge σ', () => {
    expect(() => normalVarianceEstimatorExpectations(1, 1)).toThrow(/^normalVarianceEstimatorExpectations: n \(the sample size; s² needs at least 2 values\) must be an integer ≥ 2, got 1/);
    expect(() => normalVarianceEstimatorExpectations(1, 2.5)).toThrow(/must be an integer ≥ 2/);
    expect(() => normalVarianceEstimatorExpectations(NaN, 5)).toThrow(/^normalVarianceEstimatorExpectations: sigma must be a finite number greater than 0, got NaN/);
    expect(() => normalVarianceEstimatorExpectations(Infinity, 5)).toThrow(/sigma must be a finite number greater than 0/);
    expect(() => normalVarianceEstimatorExpectations(0, 5)).toThrow(/sigma must be a finite number greater than 0, got 0/);
    // σ = 1e100: σ⁴ overflows, so the variances are +∞, but the means and standard deviations stay finite.
    const big = normalVarianceEstimatorExpectations(1e100, 3);
    expect(big.mle.variance).toBe(Infinity);
    expectClose(big.mle.std, (1e200 * Math.sqrt(4)) / 3, { rel: 1e-15 });
    expectClose(big.mle.mean, (2 * 1e200) / 3, { rel: 1e-15 });
  });
});
