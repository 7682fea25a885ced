import { describe, expect, it } from 'vitest';
import type { FamilyName } from '../../src/families/family.ts';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { maximize } from '../../src/fitting/newton.ts';
import { modelFor, prepareFit } from '../../src/fitting/prepared-fit.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { expectClose } from '../support/expect-close.ts';

// Large samples take the fast path of fitDistribution: a start from a 4000-point subsample (the
// logistic and the Cauchy: from their histogram's MLE, see their models) and a last
// Newton step (below 1e-6) taken without another pass over the data, its ℓ from the quadratic model
// and its Hessian from the step's start. Checked against Newton continued on the full data from that
// answer with every step evaluated: the same estimates (to 1e-10), ℓ (to 1e-12) and standard
// errors (to 1e-6, the documented cost of reusing the Hessian).

const n = 30000;
const samples: [FamilyName, () => Float64Array][] = [
  ['logistic', () => createRandomState(101).logistic(3, 0.7, n)],
  ['cauchy', () => createRandomState(102).standardCauchy(n).map((v) => 1.5 * v - 2)],
  ['weibull', () => createRandomState(103).weibull(1.3, n).map((v) => 40 * v)],
  ['gamma', () => createRandomState(104).gamma(0.8, 2, n)],
];

describe('fitDistribution on large samples (subsample start, unevaluated last step)', () => {
  for (const [family, draw] of samples) {
    it(`${family}, n = ${n}: agrees with fully evaluated Newton iterations`, () => {
      const x = draw();
      const fit = fitDistribution(x, family);
      expect(fit.converged).toBe(true);
      const model = modelFor('test', family);
      const prep = prepareFit('test', x, model, {});
      const start = Float64Array.from(model.parameters.map((p) => fit.estimates[p.name] as number));
      const full = maximize(model, prep.data, Float64Array.from(prep.theta), prep.free, { starts: [start], onlyGiven: true });
      expect(full.converged).toBe(true);
      model.parameters.forEach((p, i) => expectClose(fit.estimates[p.name] as number, full.theta[i] as number, { rel: 1e-10 }));
      expectClose(fit.logLikelihood, full.logLikelihood, { rel: 1e-12 });
      const again = fitDistribution(x, family, { start: fit.estimates });
      for (const p of model.parameters) expectClose(fit.standardErrors[p.name] as number, again.standardErrors[p.name] as number, { rel: 1e-6 });
    });
  }
});

describe('fitDistribution on large samples: the Cauchy MLE with more than half the values equal', () => {
  it('is an error naming the count (majority vote over the unsorted sample)', () => {
    const x = createRandomState(105).standardCauchy(n);
    for (let i = 0; i < n; i += 2) x[i] = 0.25;
    x[1] = 0.25; // 15001 of 30000
    expect(() => fitDistribution(x, 'cauchy')).toThrow(/fitDistribution: the cauchy MLE does not exist for these data: 15001 of the 30000 values are equal/);
  });
});
