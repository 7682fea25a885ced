import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emStep,
  fitGaussianMixture,
  gaussianMixturePdf,
  gaussianMixtureResponsibilities,
} from '../../src/mixture/gaussian-mixture.ts';
import data from '../fixtures/mixture.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

interface SkFit {
  weights: number[];
  means: number[];
  variances: number[];
  iterations: number;
  converged: boolean;
  lowerBound: number;
  lowerBounds: number[];
  meanLogLikelihood: number;
  bic: number;
  aic: number;
}

interface FitTolerances {
  params: { rel: number; abs: number };
  means: { rel: number; abs: number };
  logLik: { rel: number };
}

/**
 * Tolerances per data set. Same init, same algorithm: the paths agree to rounding. At 1e9 the data
 * and the means themselves are only representable to ulp(1e9) ≈ 1.2e-7, and the reference is sklearn
 * on the exactly shifted data x − 1e9 (sklearn's own X·prec − μ·prec cancels catastrophically there).
 * A mean off by ½ulp ≈ 6e-8 moves the mean log-likelihood by up to |Σ r d / (n σ²)|·6e-8 ≈ 3e-8
 * while EM is still moving it, hence 1e-7 relative on the log-likelihood there.
 */
function tolerances(name: string): FitTolerances {
  return name === 'offset by 1e9'
    ? { params: { rel: 1e-6, abs: 0 }, means: { rel: 0, abs: 1e-6 }, logLik: { rel: 1e-7 } }
    : { params: { rel: 1e-9, abs: 1e-12 }, means: { rel: 1e-9, abs: 1e-12 }, logLik: { rel: 1e-11 } };
}

function expectSameFit(fit: ReturnType<typeof fitGaussianMixture>, sk: SkFit, name: string): void {
  const tol = tolerances(name);
  expectAllClose(fit.weights, sk.weights, tol.params);
  expectAllClose(fit.means, sk.means, tol.means);
  expectAllClose(fit.variances, sk.variances, tol.params);
  expect(fit.iterations).toBe(sk.iterations);
  expect(fit.converged).toBe(sk.converged);
  const llTol = tol.logLik;
  expectClose(fit.lowerBound, sk.lowerBound, llTol); // sklearn lower_bound_
  expectClose(fit.meanLogLikelihood, sk.meanLogLikelihood, llTol); // sklearn score(X)
  expectClose(fit.bic, sk.bic, llTol); // sklearn bic(X)
  expectClose(fit.aic, sk.aic, llTol); // sklearn aic(X)
  // sklearn lower_bounds_[t − 1] is the mean log-likelihood of the model entering iteration t.
  expectAllClose(
    Array.from(fit.history.logLikelihood.subarray(0, fit.iterations), (v) => v / fit.n),
    sk.lowerBounds,
    llTol,
  );
}

describe('fitGaussianMixture against sklearn GaussianMixture with the same init (mixture.json)', () => {
  for (const d of data.datasets) {
    describe(d.name, () => {
      it('default options (tol 1e-3, max_iter 100, reg_covar 1e-6): same path, same stop', () => {
        const fit = fitGaussianMixture(d.x, { components: d.init.weights.length, init: d.init });
        expectSameFit(fit, d.fitDefault, d.name);
      });

      it('run to the optimum: the same optimum to better than 1e-6', () => {
        const fit = fitGaussianMixture(d.x, {
          components: d.init.weights.length,
          init: d.init,
          tolerance: d.tightTolerance,
          maxIterations: 5000,
        });
        expectSameFit(fit, d.fitTight, d.name);
        // the brief's bar, stated directly: parameters to 1e-6
        expectAllClose(fit.means, d.fitTight.means, { rel: 0, abs: 1e-6 });
        expectAllClose(fit.variances, d.fitTight.variances, { rel: 1e-6, abs: 1e-6 });
      });

      it('regCovar 0, 30 iterations, tolerance 0', () => {
        const fit = fitGaussianMixture(d.x, {
          components: d.init.weights.length,
          init: d.init,
          regCovar: 0,
          tolerance: 0,
          maxIterations: 30,
        });
        expectSameFit(fit, d.fitNoReg, d.name);
      });

      it('emStep is one sklearn iteration (max_iter=1) and reports the log-likelihood of the model it was given', () => {
        const { model, logLikelihood } = emStep(d.x, d.init);
        const tol = tolerances(d.name);
        expectAllClose(model.weights, d.oneStep.weights, tol.params);
        expectAllClose(model.means, d.oneStep.means, tol.means);
        expectAllClose(model.variances, d.oneStep.variances, tol.params);
        expectClose(logLikelihood / d.x.length, d.oneStep.lowerBound, tol.logLik);
      });

      it('emStep repeated reproduces the fit’s history', () => {
        const fit = fitGaussianMixture(d.x, { components: d.init.weights.length, init: d.init, maxIterations: 5, tolerance: 0 });
        const k = d.init.weights.length;
        let model = { weights: d.init.weights, means: d.init.means, variances: d.init.variances } as {
          weights: ArrayLike<number>;
          means: ArrayLike<number>;
          variances: ArrayLike<number>;
        };
        for (let t = 0; t < 5; t++) {
          const step = emStep(d.x, model);
          expect(step.logLikelihood).toBe(fit.history.logLikelihood[t]);
          model = step.model;
          expectAllClose(model.means, fit.history.means.subarray((t + 1) * k, (t + 2) * k), { rel: 0 });
        }
        expectAllClose(model.weights, fit.weights, { rel: 0 });
      });
    });
  }
});

describe('fitGaussianMixture with k-means++ initialisation', () => {
  const d = data.datasets[0]!;
  it('reaches sklearn’s optimum from its own seeded start (well-separated modes)', () => {
    for (const seed of [0, 1, 7]) {
      const fit = fitGaussianMixture(d.x, { components: 2, seed, tolerance: 1e-12, maxIterations: 5000 });
      const order = fit.means[0]! < fit.means[1]! ? [0, 1] : [1, 0];
      const pick = (a: Float64Array): number[] => order.map((j) => a[j] as number);
      expectAllClose(pick(fit.means), d.fitTight.means, { rel: 1e-6 });
      expectAllClose(pick(fit.variances), d.fitTight.variances, { rel: 1e-6 });
      expectAllClose(pick(fit.weights), d.fitTight.weights, { rel: 1e-6 });
    }
  });

  it('is deterministic for a seed and records the starting model', () => {
    const a = fitGaussianMixture(d.x, { components: 3, seed: 3, maxIterations: 3 });
    const b = fitGaussianMixture(d.x, { components: 3, seed: 3, maxIterations: 3 });
    expect(Array.from(a.means)).toEqual(Array.from(b.means));
    expect(Array.from(a.initial.means)).toEqual(Array.from(a.history.means.subarray(0, 3)));
    expectClose(a.initial.weights.reduce((s, w) => s + w, 0), 1, { rel: 1e-15 });
  });
});

describe('the two-component fast path', () => {
  it('equals the general loop (the same mixture with a distant third component of weight 0)', () => {
    const d = data.datasets[0]!;
    const two = fitGaussianMixture(d.x, { components: 2, init: d.init, maxIterations: 10, tolerance: 0 });
    const three = fitGaussianMixture(d.x, {
      components: 3,
      init: { weights: [...d.init.weights, 0], means: [...d.init.means, 1e6], variances: [...d.init.variances, 1] },
      maxIterations: 10,
      tolerance: 0,
    });
    // The third component, far away, takes no responsibility (exp underflows to 0) and keeps a weight
    // ≈ 10·eps/n, which perturbs the others by ~1e-18.
    expectAllClose(three.means.subarray(0, 2), two.means, { rel: 1e-13 });
    expectAllClose(three.variances.subarray(0, 2), two.variances, { rel: 1e-13 });
    expectAllClose(three.weights.subarray(0, 2), two.weights, { rel: 1e-13 });
    expectAllClose(three.history.logLikelihood, two.history.logLikelihood, { rel: 1e-14 });
  });
});

describe('gaussianMixturePdf and gaussianMixtureResponsibilities against sklearn', () => {
  const g = data.density;
  it('score_samples and predict_proba', () => {
    // np.exp(GaussianMixture.score_samples(x)); the far tails underflow to 0 in both
    // exp(−z²/2) carries a relative rounding error ≈ (z²/2)·eps: 1.5e-13 at x = 40
    expectAllClose(gaussianMixturePdf(g.model, g.points), g.pdf, { rel: 1e-12, abs: 1e-300 });
    // GaussianMixture.predict_proba(x); log-space, so x = ±40 still gets a clean 0/1 split
    expectAllClose(gaussianMixtureResponsibilities(g.model, g.points), g.responsibilities, { rel: 1e-12, abs: 1e-15 });
  });

  it('is 0 at ±Infinity and NaN at NaN (propagated, not skipped)', () => {
    const p = gaussianMixturePdf(g.model, [-Infinity, Infinity, Number.NaN]);
    expect(p[0]).toBe(0);
    expect(p[1]).toBe(0);
    expect(p[2]).toBeNaN();
  });

  it('integrates to 1 (trapezoid on a fine grid)', () => {
    const xs = Array.from({ length: 4001 }, (_, i) => -20 + i * 0.01);
    const p = gaussianMixturePdf(g.model, xs);
    let area = 0;
    for (let i = 1; i < p.length; i++) area += ((p[i - 1]! + p[i]!) / 2) * 0.01;
    expectClose(area, 1, { rel: 1e-12 });
  });
});

describe('EM never lowers the log-likelihood (fast-check)', () => {
  // Distinct values on a 0.01 grid: duplicated points let a component shrink onto one value, where
  // the likelihood is unbounded (a singularity of the mixture likelihood, not an EM step).
  const problem = fc.record({
    x: fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 12, maxLength: 60 }).map((v) => v.map((i) => i / 100)),
    k: fc.integer({ min: 1, max: 3 }),
    means: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
    variances: fc.array(fc.double({ min: 0.1, max: 20, noNaN: true }), { minLength: 3, maxLength: 3 }),
    w: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
  });

  it('ℓ(θ_{t+1}) ≥ ℓ(θ_t) along every run (regCovar 0, exact EM)', () => {
    fc.assert(
      fc.property(problem, ({ x, k, means, variances, w }) => {
        const total = w.slice(0, k).reduce((a, b) => a + b, 0);
        const init = { weights: w.slice(0, k).map((v) => v / total), means: means.slice(0, k), variances: variances.slice(0, k) };
        let fit;
        try {
          fit = fitGaussianMixture(x, { components: k, init, regCovar: 0, tolerance: 0, maxIterations: 25 });
        } catch (error) {
          // A component that collapses onto one point is reported, never returned as NaN.
          expect(String(error)).toMatch(/collapsed to variance/);
          return;
        }
        // Skip runs heading into the singularity (a variance far below the grid spacing²).
        fc.pre(fit.history.variances.every((v) => v > 1e-8));
        const ll = fit.history.logLikelihood;
        for (let t = 1; t < ll.length; t++) {
          expect(ll[t]!).toBeGreaterThanOrEqual(ll[t - 1]! - 1e-9 * Math.abs(ll[t - 1]!));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('fitGaussianMixture edge cases', () => {
  it('one component: the sample mean and the ddof-0 variance + regCovar', () => {
    const x = [1, 2, 4, 7, 11];
    const fit = fitGaussianMixture(x, { components: 1 });
    expectClose(fit.means[0]!, 5, { rel: 1e-15 });
    expectClose(fit.variances[0]!, 13.2 + 1e-6, { rel: 1e-14 }); // np.var(x) + reg_covar
    expect(fit.weights[0]).toBe(1);
    expect(fit.converged).toBe(true);
  });

  it('identical values (σ = 0): variances stay at regCovar, nothing is NaN', () => {
    const fit = fitGaussianMixture([3, 3, 3, 3], { components: 2 });
    for (const v of [...fit.means, ...fit.variances, ...fit.weights, fit.logLikelihood]) expect(Number.isFinite(v)).toBe(true);
    expect(fit.variances.every((v) => Math.abs(v - 1e-6) < 1e-12)).toBe(true);
  });

  it('maxIterations 0 returns the starting model and its log-likelihood', () => {
    const init = { weights: [0.5, 0.5], means: [-1, 1], variances: [1, 1] };
    const x = [-1, -0.5, 0.5, 1];
    const fit = fitGaussianMixture(x, { components: 2, init, maxIterations: 0 });
    expect(Array.from(fit.means)).toEqual([-1, 1]);
    expect(fit.iterations).toBe(0);
    expect(fit.history.logLikelihood.length).toBe(1);
    expectClose(fit.logLikelihood, emStep(x, init).logLikelihood, { rel: 1e-15 });
  });

  it('a component that collapses with regCovar 0 is reported, not returned as NaN', () => {
    const init = { weights: [0.5, 0.5], means: [0, 100], variances: [1, 1] };
    expect(() => fitGaussianMixture([0, 1, 2, 100], { components: 2, init, regCovar: 0 })).toThrow(
      /fitGaussianMixture: component 1 collapsed to variance 0 at iteration 1; use regCovar > 0/,
    );
  });

  it('throws on bad input', () => {
    const init = { weights: [0.5, 0.5], means: [0, 1], variances: [1, 1] };
    expect(() => fitGaussianMixture([], { components: 1 })).toThrow(/fitGaussianMixture: x has 0 values; at least 2 are required/);
    expect(() => fitGaussianMixture([1], { components: 1 })).toThrow(/at least 2 are required/);
    expect(() => fitGaussianMixture([1, Number.NaN], { components: 1 })).toThrow(/x\[1\] is NaN/);
    expect(() => fitGaussianMixture([1, Infinity], { components: 1 })).toThrow(/x\[1\] is Infinity/);
    expect(() => fitGaussianMixture([1, 2], { components: 3 })).toThrow(/components \(3\) must not exceed the number of samples \(2\)/);
    expect(() => fitGaussianMixture([1, 2], { components: 0 })).toThrow(/components must be an integer ≥ 1/);
    expect(() => fitGaussianMixture([1, 2], { components: 2, init: { ...init, weights: [0.5, 0.6] } })).toThrow(/init.weights must sum to 1, they sum to 1.1/);
    expect(() => fitGaussianMixture([1, 2], { components: 2, init: { ...init, variances: [1, 0] } })).toThrow(/init.variances\[1\] is 0; variances must be greater than 0/);
    expect(() => fitGaussianMixture([1, 2], { components: 3, init })).toThrow(RangeError);
    expect(() => fitGaussianMixture([1, 2, 3], { components: 3, init })).toThrow(/init.weights must have one entry per component \(3\), got 2/);
    expect(() => fitGaussianMixture([1, 2], { components: 1, tolerance: -1 })).toThrow(/tolerance must be ≥ 0/);
    expect(() => fitGaussianMixture([1, 2], { components: 1, regCovar: -1 })).toThrow(/regCovar must be ≥ 0/);
    expect(() => fitGaussianMixture([1, 2], { components: 1, seed: 1.5 })).toThrow(/seed must be an integer/);
    expect(() => emStep([], init)).toThrow(/emStep: x is empty/);
    expect(() => gaussianMixturePdf({ ...init, means: [0] }, [1])).toThrow(/gaussianMixturePdf: model.means must have one entry per component \(2\), got 1/);
    expect(() => gaussianMixtureResponsibilities(init, [Number.NaN])).toThrow(/xs\[0\] is NaN/);
  });
});
