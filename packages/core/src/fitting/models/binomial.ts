import { logGamma } from '../../special/log-gamma.ts';
import type { LikelihoodModel } from '../model.ts';
import type { CountData } from './discrete.ts';
import { boundaryNote, countData, xlogy } from './discrete.ts';

// binomial {size N (fixed, never estimated), prob p}: ℓ = Σx ln p + (nN − Σx) ln(1 − p) + Σ ln C(N, x);
// p̂ = Σx / (nN).

interface BinomialStats extends CountData {
  readonly size: number;
  readonly sumLogChoose: number;
}

export const binomialModel: LikelihoodModel<BinomialStats> = {
  family: 'binomial',
  kind: 'discrete',
  parameters: [
    { name: 'size', domain: 'count', transform: 'identity', fixedOnly: true },
    { name: 'prob', domain: 'probability', transform: 'logit' },
  ],
  prepare(fn, x, theta) {
    const size = theta[0] as number;
    if (size < 1) throw new RangeError(`${fn}: options.fixed.size is ${size}; the binomial's size must be an integer ≥ 1`);
    const d = countData(fn, 'binomial', x, size, `only integers from 0 to size = ${size}`);
    const lgN = logGamma(size + 1);
    let acc = 0;
    for (let i = 0; i < d.values.length; i++) {
      const v = d.values[i] as number;
      acc += (d.counts[i] as number) * (lgN - logGamma(v + 1) - logGamma(size - v + 1));
    }
    return { ...d, size, sumLogChoose: acc };
  },
  count: (s) => s.n,
  logLikelihood(s, t) {
    const p = t[1] as number;
    if (!(p >= 0 && p <= 1)) return Number.NEGATIVE_INFINITY;
    return xlogy(s.sum, p) + xlogy(s.n * s.size - s.sum, 1 - p) + s.sumLogChoose;
  },
  derivatives(s, t, g, h) {
    const p = t[1] as number;
    const fails = s.n * s.size - s.sum;
    g[0] = 0;
    g[1] = s.sum / p - fails / (1 - p);
    h[0] = h[1] = h[2] = 0;
    h[3] = -s.sum / (p * p) - fails / ((1 - p) * (1 - p));
  },
  closedForm(s, theta, free) {
    if (free[1] !== true) return { method: 'closed-form' };
    const p = s.sum / (s.n * s.size);
    theta[1] = p;
    if (p === 0) return { method: 'boundary', notes: boundaryNote('prob', 0, 'every value is 0') };
    if (p === 1) return { method: 'boundary', notes: boundaryNote('prob', 1, 'every value equals the size') };
    return { method: 'closed-form' };
  },
  starts: (_s, theta) => [Float64Array.of(theta[0] as number, 0.5)],
};
