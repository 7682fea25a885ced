import { describe, expect, it } from 'vitest';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { maximize } from '../../src/fitting/newton.ts';
import { modelFor, prepareFit } from '../../src/fitting/prepared-fit.ts';
import { binnedQuantile, logisticBins, logisticChebyshevMaximum } from '../../src/fitting/models/logistic-chebyshev.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { engineMaximum } from '../support/engine-maximum.ts';
import { expectClose } from '../support/expect-close.ts';

// A large logistic sample is fitted by Chebyshev's method from its histogram's MLE
// (models/logistic-chebyshev.ts), its last step taken without another pass. Checked against the
// general engine: the same maximum, and the Hessian it returns is the model's own at the answer.

describe('fitDistribution: the logistic fit of a large sample (Chebyshev steps)', () => {
  const x = createRandomState(31).logistic(-2, 3.5, 25000);
  const model = modelFor('test', 'logistic');
  const prep = prepareFit('test', x, model, {});
  const fit = fitDistribution(x, 'logistic');
  const at = Float64Array.of(fit.estimates['location'] as number, fit.estimates['scale'] as number);

  it('one pass reaches the maximum of Newton with every step evaluated', () => {
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBe(1);
    const full = maximize(model, prep.data, Float64Array.from(prep.theta), prep.free, { starts: [at], onlyGiven: true });
    expect(full.converged).toBe(true);
    expectClose(at[0] as number, full.theta[0] as number, { rel: 1e-11 });
    expectClose(at[1] as number, full.theta[1] as number, { rel: 1e-11 });
    expectClose(fit.logLikelihood, full.logLikelihood, { rel: 1e-13 });
  });
  it('its standard errors are those of the model’s Hessian at the estimate', () => {
    const grad = new Float64Array(2);
    const hess = new Float64Array(4);
    model.derivatives(prep.data, at, grad, hess);
    const det = (hess[0] as number) * (hess[3] as number) - (hess[1] as number) ** 2;
    expectClose(fit.standardErrors['location'] as number, Math.sqrt(-(hess[3] as number) / det), { rel: 1e-8 });
    expectClose(fit.standardErrors['scale'] as number, Math.sqrt(-(hess[0] as number) / det), { rel: 1e-8 });
    expectClose(fit.covariance[1] as number, (hess[1] as number) / det, { rel: 1e-6 });
  });
  it('declines a start that is not close (the general engine then runs) and any bad start', () => {
    expect(logisticChebyshevMaximum(x, Float64Array.of(-2, 10))).toBeUndefined();
    expect(logisticChebyshevMaximum(x, Float64Array.of(40, 3.5))).toBeUndefined();
    expect(logisticChebyshevMaximum(x, Float64Array.of(0, -1))).toBeUndefined();
    expect(logisticChebyshevMaximum(x, Float64Array.of(NaN, 1))).toBeUndefined();
    const far = fitDistribution(x, 'logistic', { start: { location: 40, scale: 0.1 } });
    expect(far.converged).toBe(true);
    expectClose(far.estimates['location'] as number, at[0] as number, { rel: 1e-10 });
    expectClose(far.estimates['scale'] as number, at[1] as number, { rel: 1e-10 });
  });
});

describe('fitDistribution: a large logistic sample with one parameter fixed (the general engine, unit weights)', () => {
  const x = createRandomState(32).logistic(2, 1.5, 20000);
  /** ℓ and the scores at (μ, s), each term by Math (z = (x − μ)/s, ln f = −ln s − z − 2 log1p(e^{−z})). */
  function direct(mu: number, s: number): { ll: number; scoreMu: number; scoreS: number } {
    let ll = 0;
    let st = 0;
    let szt = 0;
    for (const v of x) {
      const z = (v - mu) / s;
      ll += -Math.log(s) - Math.abs(z) - 2 * Math.log1p(Math.exp(-Math.abs(z)));
      st += Math.tanh(z / 2);
      szt += z * Math.tanh(z / 2);
    }
    return { ll, scoreMu: st / s, scoreS: (szt - x.length) / s };
  }
  it('location fixed: the scale where its score is 0, and ℓ as summed term by term', () => {
    const fit = fitDistribution(x, 'logistic', { fixed: { location: 2 } });
    expect(fit.converged).toBe(true);
    const d = direct(2, fit.estimates['scale'] as number);
    // The scale's information is (π² + 3)n/(9s²) ≈ 1.3e4 here: a score below 1e-6 leaves it within ~1e-10.
    expect(Math.abs(d.scoreS)).toBeLessThan(1e-6);
    expectClose(fit.logLikelihood, d.ll, { rel: 1e-12 });
  });
  it('scale fixed: the location where its score is 0, and ℓ as summed term by term', () => {
    const fit = fitDistribution(x, 'logistic', { fixed: { scale: 1.5 } });
    expect(fit.converged).toBe(true);
    const d = direct(fit.estimates['location'] as number, 1.5);
    expect(Math.abs(d.scoreMu)).toBeLessThan(1e-6);
    expectClose(fit.logLikelihood, d.ll, { rel: 1e-12 });
  });
});

describe('logisticBins: the histogram that starts a large logistic fit', () => {
  const x = createRandomState(8).logistic(1, 0.5, 20000);
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  it('keeps every value once, as bin means in increasing order within the extent', () => {
    const b = logisticBins(x, min, max);
    expect(b.counts.reduce((a, c) => a + c, 0)).toBe(x.length);
    let total = 0;
    for (let i = 0; i < b.values.length; i++) {
      total += (b.values[i] as number) * (b.counts[i] as number);
      expect(b.values[i]).toBeGreaterThanOrEqual(i === 0 ? min : (b.values[i - 1] as number));
      expect(b.values[i]).toBeLessThanOrEqual(max);
    }
    expectClose(total, x.reduce((a, v) => a + v, 0), { rel: 1e-12, abs: 1e-9 });
    // The logistic's quartiles are μ ± s ln 3 (≈ 1 ± 0.55); 20000 values put them within ~0.02.
    expectClose(binnedQuantile(b, 0.25), 1 - 0.5 * Math.log(3), { abs: 0.03 });
    expectClose(binnedQuantile(b, 0.75), 1 + 0.5 * Math.log(3), { abs: 0.03 });
  });
  it('re-cuts the bins around the quartiles when outliers stretch the extent', () => {
    const y = Float64Array.from(x);
    y[0] = -1e9;
    y[1] = 1e12;
    const b = logisticBins(y, -1e9, 1e12);
    expect(b.counts.reduce((a, c) => a + c, 0)).toBe(y.length);
    // Both outliers sit alone in a tail bin, and the interquartile range spans ~1024/17 bins.
    expect(b.values[0]).toBe(-1e9);
    expect(b.values[b.values.length - 1]).toBe(1e12);
    const inside = b.values.filter((v) => v > binnedQuantile(b, 0.25) && v < binnedQuantile(b, 0.75)).length;
    expect(inside).toBeGreaterThan(50);
  });
  it('a large sample with far outliers or heavy ties still reaches the general engine’s maximum', () => {
    const y = Float64Array.from(x);
    y[0] = -1e6;
    y[1] = 3e6;
    const rounded = x.map((v) => Math.round(4 * v) / 4);
    for (const data of [y, rounded]) {
      const fit = fitDistribution(data, 'logistic');
      expect(fit.converged).toBe(true);
      const at = Float64Array.of(fit.estimates['location'] as number, fit.estimates['scale'] as number);
      const full = engineMaximum('logistic', data, at);
      expectClose(at[0] as number, full.theta[0] as number, { rel: 1e-10, abs: 1e-12 });
      expectClose(at[1] as number, full.theta[1] as number, { rel: 1e-10 });
      expectClose(fit.logLikelihood, full.logLikelihood, { rel: 1e-13 });
    }
  });
});
