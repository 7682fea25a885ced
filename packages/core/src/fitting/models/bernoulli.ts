import type { LikelihoodModel } from '../model.ts';
import type { CountData } from './discrete.ts';
import { boundaryNote, countData, xlogy } from './discrete.ts';

// bernoulli {prob p}: ℓ = k ln p + (n − k) ln(1 − p) with k the number of ones; p̂ = k / n (a boundary
// when every value is 0 or every value is 1).

export const bernoulliModel: LikelihoodModel<CountData> = {
  family: 'bernoulli',
  kind: 'discrete',
  parameters: [{ name: 'prob', domain: 'probability', transform: 'logit' }],
  prepare: (fn, x) => countData(fn, 'bernoulli', x, 1, 'only 0 and 1'),
  count: (s) => s.n,
  logLikelihood(s, t) {
    const p = t[0] as number;
    if (!(p >= 0 && p <= 1)) return Number.NEGATIVE_INFINITY;
    return xlogy(s.sum, p) + xlogy(s.n - s.sum, 1 - p);
  },
  derivatives(s, t, g, h) {
    const p = t[0] as number;
    g[0] = s.sum / p - (s.n - s.sum) / (1 - p);
    h[0] = -s.sum / (p * p) - (s.n - s.sum) / ((1 - p) * (1 - p));
  },
  closedForm(s, theta) {
    const p = s.sum / s.n;
    theta[0] = p;
    if (p === 0) return { method: 'boundary', notes: boundaryNote('prob', 0, 'every value is 0') };
    if (p === 1) return { method: 'boundary', notes: boundaryNote('prob', 1, 'every value is 1') };
    return { method: 'closed-form' };
  },
  starts: (s) => [Float64Array.of(Math.min(Math.max(s.sum / s.n, 0.01), 0.99))],
};
