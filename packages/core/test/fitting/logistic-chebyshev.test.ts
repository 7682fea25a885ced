import { describe, expect, it } from 'vitest';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { maximize } from '../../src/fitting/newton.ts';
import { modelFor, prepareFit } from '../../src/fitting/prepared-fit.ts';
import { logisticChebyshevMaximum } from '../../src/fitting/models/logistic-chebyshev.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { expectClose } from '../support/expect-close.ts';

// A large logistic sample is fitted by Chebyshev's method from the subsample's MLE
// (models/logistic-chebyshev.ts), its last step taken without another pass. Checked against the
// general engine: the same maximum, and the Hessian it returns is the model's own at the answer.

describe('fitDistribution: the logistic fit of a large sample (Chebyshev steps)', () => {
  const x = createRandomState(31).logistic(-2, 3.5, 25000);
  const model = modelFor('test', 'logistic');
  const prep = prepareFit('test', x, model, {});
  const fit = fitDistribution(x, 'logistic');
  const at = Float64Array.of(fit.estimates['location'] as number, fit.estimates['scale'] as number);

  it('two passes reach the maximum of Newton with every step evaluated', () => {
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThanOrEqual(3);
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
