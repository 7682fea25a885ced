import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  multivariateNormalGrid,
  multivariateNormalLogPdf,
  multivariateNormalPdf,
} from '../../src/distributions/multivariate-normal.ts';
import { normalPdf } from '../../src/distributions/normal.ts';
import data from '../fixtures/distributions.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

describe('multivariateNormalGrid against scipy.stats.multivariate_normal (distributions.json)', () => {
  for (const g of data.grids) {
    it(g.source, () => {
      const out = multivariateNormalGrid({ mean: g.mean, cov: g.cov, x: g.x, y: g.y });
      // np.linspace, bit for bit
      expectAllClose(out.x, g.gridX, { rel: 0 });
      expectAllClose(out.y, g.gridY, { rel: 0 });
      // multivariate_normal(mean, cov).pdf(np.dstack(np.meshgrid(x, y))): scipy goes through an
      // eigendecomposition, we through Cholesky; the log-density's absolute error (≈ κ(Σ)·ε·Mahalanobis²)
      // becomes the density's relative error. With correlation 0.999 (κ ≈ 2000) scipy itself is off
      // by 3.8e−11 from the exact density (ours by 1.0e−11), elsewhere both are within 2e−14.
      const illConditioned = g.cov[0]?.[1] === 0.999;
      expectAllClose(out.z, g.z, { rel: illConditioned ? 6e-11 : 3e-14 });
      if ('zExact' in g) {
        // mpmath at 50 digits on the same double grid points (0 where the density underflows)
        expectAllClose(out.z, g.zExact, { rel: illConditioned ? 1.5e-11 : 2e-14, abs: 1e-300 });
      }
    });
  }

  it('the notebook grid has its peak 1/(2π√0.75) at the origin row/column pair nearest 0', () => {
    const g = multivariateNormalGrid({ mean: [0, 0], cov: [[1, 0.5], [0.5, 1]], x: { min: -3, max: 3, n: 100 }, y: { min: -3, max: 3, n: 100 } });
    expect(g.z.length).toBe(10_000);
    let max = 0;
    for (const v of g.z) max = Math.max(max, v);
    // the grid has no point at 0 (100 points): the max is at (±0.0303, ±0.0303), slightly below the peak
    expect(max).toBeLessThan(1 / (2 * Math.PI * Math.sqrt(0.75)));
    expectClose(max, 1 / (2 * Math.PI * Math.sqrt(0.75)), { rel: 1e-3 });
  });
});

/**
 * Both densities are exp(log f), so each is as good as log f in absolute terms: a few ulps of |log f|, and the
 * rounding of s² moves log f by another ½ulp·|log f|. Hence 1e−13 plus 4ε·|log f| relative (log taken at the smallest
 * subnormal where the density underflows). Found by fast-check (seed −924671062): a = 18.98, b = 0, s1 = 0.669,
 * s2 = 0.05, log f = −601.99, where the joint density is 1.8e−13 from its exact value for the rounded covariance
 * (mpmath) and 1.1e−13 from the product.
 */
const factorisationRel = (expected: number): number => 1e-13 + 4 * Number.EPSILON * Math.abs(Math.log(Math.max(expected, Number.MIN_VALUE)));

describe('multivariateNormalPdf / LogPdf', () => {
  it('d = 3 against scipy (RandomState(3) covariance)', () => {
    const m = data.mvn3;
    m.points.forEach((p, i) => {
      // scipy.stats.multivariate_normal(mean, cov).pdf / .logpdf
      expectClose(multivariateNormalLogPdf(p, m.mean, m.cov), m.logpdf[i] as number, { rel: 1e-14 });
      expectClose(multivariateNormalPdf(p, m.mean, m.cov), m.pdf[i] as number, { rel: 1e-13 });
      // the flat row-major covariance is the same matrix
      expectClose(multivariateNormalLogPdf(p, m.mean, m.cov.flat()), m.logpdf[i] as number, { rel: 1e-14 });
    });
  });

  it('grid values equal the pointwise pdf', () => {
    const cov = [[4, -1.2], [-1.2, 0.5]];
    const g = multivariateNormalGrid({ mean: [1.5, -2], cov, x: { min: -4, max: 7, n: 5 }, y: { min: -4.5, max: 0.5, n: 3 } });
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 5; i++) {
        expectClose(g.z[j * 5 + i] as number, multivariateNormalPdf([g.x[i] as number, g.y[j] as number], [1.5, -2], cov), { rel: 1e-14 });
      }
    }
  });

  it('d = 1 is the univariate normal; a diagonal covariance factorises (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        (a, b, s1, s2) => {
          // Tolerance: see factorisationRel.
          const single = normalPdf(a, 1, s1);
          expectClose(multivariateNormalPdf([a], [1], [[s1 * s1]]), single, { rel: factorisationRel(single), abs: 1e-300 });
          const joint = multivariateNormalPdf([a, b], [0, 1], [[s1 * s1, 0], [0, s2 * s2]]);
          const product = normalPdf(a, 0, s1) * normalPdf(b, 1, s2);
          expectClose(joint, product, { rel: factorisationRel(product), abs: 1e-300 });
        },
      ),
    );
  });

  it('TSDoc examples', () => {
    // log f(0) = −ln(2π) − ½ ln 0.75 = −1.694036030183455 (mpmath)
    expectClose(multivariateNormalLogPdf([0, 0], [0, 0], [[1, 0.5], [0.5, 1]]), -1.694036030183455, { rel: 2e-16 });
    expectClose(multivariateNormalPdf([0, 0], [0, 0], [[1, 0.5], [0.5, 1]]), 0.18377629847393068, { rel: 1e-15 });
  });
});

describe('multivariate normal edge cases', () => {
  const axis = { min: -1, max: 1, n: 3 };

  it('non-positive-definite covariances throw RangeError (scipy raises too)', () => {
    const bad = [
      [[1, 1], [1, 1]], // singular
      [[1, 2], [2, 1]], // indefinite
      [[-1, 0], [0, 1]], // negative variance
      [[0, 0], [0, 0]], // zero
      [[1e4, 0], [0, 1e-6]], // eigenvalue ratio 1e−10 below scipy's 1e6·ε cutoff: scipy rejects it as singular
      [[1, 1 - 1e-11], [1 - 1e-11, 1]],
    ];
    for (const cov of bad) {
      expect(() => multivariateNormalGrid({ mean: [0, 0], cov, x: axis, y: axis })).toThrow(
        /^multivariateNormalGrid: cov is not positive definite/,
      );
      expect(() => multivariateNormalPdf([0, 0], [0, 0], cov)).toThrow(RangeError);
    }
    // still positive definite for scipy (min eigenvalue 1e−9 > 2.2e−10·max): accepted
    expect(Number.isFinite(multivariateNormalPdf([0, 0], [0, 0], [[1, 1 - 1e-9], [1 - 1e-9, 1]]))).toBe(true);
  });

  it('asymmetric, non-finite or mis-shaped inputs throw', () => {
    expect(() => multivariateNormalPdf([0, 0], [0, 0], [[1, 0.5], [0.4, 1]])).toThrow(/^multivariateNormalPdf: cov is not symmetric/);
    expect(() => multivariateNormalPdf([0, 0], [0, 0], [[1, NaN], [NaN, 1]])).toThrow(/cov\[0\]\[1\] is NaN/);
    expect(() => multivariateNormalPdf([0, 0], [0, Infinity], [[1, 0], [0, 1]])).toThrow(/mean\[1\] is Infinity/);
    expect(() => multivariateNormalPdf([0, 0, 0], [0, 0], [[1, 0], [0, 1]])).toThrow(/point has 3 entries but mean has 2/);
    expect(() => multivariateNormalPdf([0, 0], [0, 0], [[1, 0, 0], [0, 1, 0]])).toThrow(/cov\[0\] has 3 entries/);
    expect(() => multivariateNormalPdf([0, 0], [0, 0], [1, 0, 0])).toThrow(/flat covariance for dimension 2 needs 4/);
    expect(() => multivariateNormalPdf([], [], [])).toThrow(/mean is empty/);
    expect(() => multivariateNormalGrid({ mean: [0, 0, 0], cov: [[1]], x: axis, y: axis })).toThrow(/needs 2/);
    expect(() => multivariateNormalGrid({ mean: [0, 0], cov: [[1, 0], [0, 1]], x: { min: 1, max: 1, n: 5 }, y: axis })).toThrow(
      /^multivariateNormalGrid: x.max \(1\) must be greater than x.min \(1\)/,
    );
    expect(() => multivariateNormalGrid({ mean: [0, 0], cov: [[1, 0], [0, 1]], x: { min: 0, max: 1, n: 0 }, y: axis })).toThrow(/x.n must be/);
  });

  it('a NaN point gives NaN; a one-point axis is allowed; huge offsets only shift', () => {
    expect(multivariateNormalPdf([NaN, 0], [0, 0], [[1, 0], [0, 1]])).toBeNaN();
    const one = multivariateNormalGrid({ mean: [0, 0], cov: [[1, 0], [0, 1]], x: { min: 0, max: 0, n: 1 }, y: { min: 0, max: 0, n: 1 } });
    expectClose(one.z[0] as number, 1 / (2 * Math.PI), { rel: 1e-15 });
    const far = multivariateNormalPdf([1e9 + 1, 1e9 - 2], [1e9, 1e9], [[4, 1], [1, 2]]);
    expectClose(far, multivariateNormalPdf([1, -2], [0, 0], [[4, 1], [1, 2]]), { rel: 1e-15 });
  });
});
