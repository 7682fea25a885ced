import type { LikelihoodModel } from '../model.ts';
import type { CountData } from './discrete.ts';
import { boundaryNote, countData, xlogy } from './discrete.ts';

// geometric {prob p} (failures before the first success, support 0, 1, …): ℓ = n ln p + Σx ln(1 − p);
// p̂ = n / (n + Σx), which is 1 (a boundary) when every value is 0.

export const geometricModel: LikelihoodModel<CountData> = {
  family: 'geometric',
  kind: 'discrete',
  parameters: [{ name: 'prob', domain: 'probability', transform: 'logit' }],
  prepare: (fn, x) => countData(fn, 'geometric', x),
  count: (s) => s.n,
  logLikelihood(s, t) {
    const p = t[0] as number;
    if (!(p > 0 && p <= 1)) return Number.NEGATIVE_INFINITY;
    return s.n * Math.log(p) + xlogy(s.sum, 1 - p);
  },
  derivatives(s, t, g, h) {
    const p = t[0] as number;
    g[0] = s.n / p - s.sum / (1 - p);
    h[0] = -s.n / (p * p) - s.sum / ((1 - p) * (1 - p));
  },
  closedForm(s, theta) {
    theta[0] = s.n / (s.n + s.sum);
    return s.sum === 0 ? { method: 'boundary', notes: boundaryNote('prob', 1, 'every value is 0') } : { method: 'closed-form' };
  },
  starts: (s) => [Float64Array.of(s.n / (s.n + s.sum))],
};
