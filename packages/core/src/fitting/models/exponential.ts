import { neumaierSum } from '../../stats/sum.ts';
import type { LikelihoodModel } from '../model.ts';
import { checkValues, noMle, outsideSupport } from '../model.ts';

// exponential {rate}: ℓ = n ln λ − λ Σx; λ̂ = n / Σx.

interface ExponentialStats {
  readonly n: number;
  readonly sum: number;
}

export const exponentialModel: LikelihoodModel<ExponentialStats> = {
  family: 'exponential',
  kind: 'continuous',
  parameters: [{ name: 'rate', domain: 'positive', transform: 'log' }],
  prepare(fn, x, _theta, free) {
    const n = checkValues(fn, x, 1, 'exponential');
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (!(v >= 0)) outsideSupport(fn, 'exponential', v, i, 'only values ≥ 0');
    }
    const sum = neumaierSum(x);
    if (free[0] === true && !(sum > 0)) noMle(fn, 'exponential', 'every value is 0, so the rate would be Infinity');
    return { n, sum };
  },
  count: (s) => s.n,
  logLikelihood: (s, t) => {
    const rate = t[0] as number;
    return rate > 0 && Number.isFinite(rate) ? s.n * Math.log(rate) - rate * s.sum : Number.NEGATIVE_INFINITY;
  },
  derivatives(s, t, g, h) {
    const rate = t[0] as number;
    g[0] = s.n / rate - s.sum;
    h[0] = -s.n / (rate * rate);
  },
  closedForm(s, theta) {
    theta[0] = s.n / s.sum;
    return { method: 'closed-form' };
  },
  starts: (s) => [Float64Array.of(s.n / s.sum)],
};
