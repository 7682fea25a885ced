import { describe, expect, it } from 'vitest';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { maximize } from '../../src/fitting/newton.ts';
import { modelFor, prepareFit } from '../../src/fitting/prepared-fit.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { expectAllClose, expectClose } from '../support/expect-close.ts';

// The Weibull fit with both parameters free runs Newton on the profile likelihood in the shape, from
// Taylor moments of one pass (models/weibull-profile.ts). Checked against the general engine: Newton
// in (k, λ) continued from the answer with every step evaluated must stay there, and the Hessian the
// profile returns must be the model's own at the answer — on data that stress each part: ties, huge
// and tiny magnitudes, a tiny shape (values over hundreds of orders of magnitude), a huge shape
// (values agreeing to 7 digits), a far outlier as the maximum, and large samples kept unsorted (the
// table logarithm and exponential of table-math.ts, and the fallback from them).

const datasets: [string, () => number[] | Float64Array][] = [
  ['ties', () => [1, 1, 1, 2, 2, 3, 5, 5, 8]],
  ['two values', () => [2, 3]],
  ['huge magnitudes', () => createRandomState(7).weibull(2, 50).map((v) => v * 1e150)],
  ['tiny magnitudes', () => createRandomState(8).weibull(3, 50).map((v) => v * 1e-150)],
  ['a tiny shape', () => createRandomState(9).weibull(0.05, 200)],
  ['a huge shape', () => createRandomState(10).weibull(2e6, 200).map((v) => 1000 * v)],
  ['a far outlier as the maximum', () => [...Array.from({ length: 40 }, (_, i) => 1 + i * 1e-7), 1000]],
  ['a large unsorted sample', () => createRandomState(11).weibull(0.7, 12000).map((v) => 5 * v)],
  ['a large sample far from the Weibull (lognormal)', () => createRandomState(15).lognormal(0, 1, 30000)],
  // Outside the table logarithm's range: the pass falls back to Math.log and Math.exp.
  ['a large sample with a subnormal value', () => createRandomState(14).weibull(0.3, 8000).map((v, i) => (i === 5 ? 1e-310 : v))],
];

describe('fitDistribution: the Weibull profile fit', () => {
  for (const [name, draw] of datasets) {
    it(`${name}: the maximum of Newton in (shape, scale), with the model's Hessian there`, () => {
      const x = draw();
      const fit = fitDistribution(x, 'weibull');
      expect(fit.converged).toBe(true);
      const model = modelFor('test', 'weibull');
      const prep = prepareFit('test', x, model, {});
      const at = Float64Array.of(fit.estimates['shape'] as number, fit.estimates['scale'] as number);
      const full = maximize(model, prep.data, Float64Array.from(prep.theta), prep.free, { starts: [at], onlyGiven: true });
      expect(full.converged).toBe(true);
      expectAllClose(at, full.theta, { rel: 1e-10 });
      expectClose(fit.logLikelihood, full.logLikelihood, { rel: 1e-12 });
      // The standard errors from the profile's Hessian equal those from the model's at the estimate.
      const grad = new Float64Array(2);
      const hess = new Float64Array(4);
      model.derivatives(prep.data, at, grad, hess);
      const det = (hess[0] as number) * (hess[3] as number) - (hess[1] as number) ** 2;
      expectClose(fit.standardErrors['shape'] as number, Math.sqrt(-(hess[3] as number) / det), { rel: 1e-7 });
      expectClose(fit.standardErrors['scale'] as number, Math.sqrt(-(hess[0] as number) / det), { rel: 1e-7 });
    });
  }
  it('is equivariant under scaling, up to magnitudes near the ends of the double range', () => {
    // Newton in (k, λ) cannot check these: its natural Hessian holds 1/λ², which over- or underflows.
    const x = createRandomState(13).weibull(2.5, 60);
    const fit = fitDistribution(x, 'weibull');
    for (const c of [1e300, 1e-300, 1e-310]) {
      const scaled = fitDistribution(x.map((v) => v * c), 'weibull');
      expect(scaled.converged).toBe(true);
      // Scaling by c rounds each value by ½ ulp, which moves the shape by ~1e-15 relatively.
      expectClose(scaled.estimates['shape'] as number, fit.estimates['shape'] as number, { rel: 1e-12 });
      expectClose(scaled.estimates['scale'] as number, c * (fit.estimates['scale'] as number), { rel: 1e-12 });
    }
  });
  it('starts a large sample from its subsample\'s profile MLE, one pass from the answer', () => {
    // The log-moment start is ~3 % off on these data (lognormal, gamma(0.3)), which took two passes.
    const r = createRandomState(16);
    for (const x of [r.lognormal(0, 1, 30000), r.gamma(0.3, 1, 30000), r.weibull(1.5, 30000)]) {
      const fit = fitDistribution(x, 'weibull');
      expect(fit.converged).toBe(true);
      expect(fit.iterations).toBe(1);
    }
  });
  it('reaches the same maximum from far starts (the bracket and bisection take over from the Taylor model)', () => {
    const x = createRandomState(12).weibull(1.7, 300).map((v) => 2 * v);
    const fit = fitDistribution(x, 'weibull');
    for (const shape of [1e-4, 0.01, 100, 1e5]) {
      const far = fitDistribution(x, 'weibull', { start: { shape } });
      expect(far.converged).toBe(true);
      expectClose(far.estimates['shape'] as number, fit.estimates['shape'] as number, { rel: 1e-12 });
      expectClose(far.estimates['scale'] as number, fit.estimates['scale'] as number, { rel: 1e-12 });
    }
  });
});
