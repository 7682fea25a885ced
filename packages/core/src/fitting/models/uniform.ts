import type { LikelihoodModel } from '../model.ts';
import { checkValues, noMle } from '../model.ts';

// uniform {min a, max b}: ℓ = −n ln(b − a) when a ≤ min x and b ≥ max x, else −Infinity. The MLE is
// the sample extremes — on the edge of where ℓ is finite, where the score is not 0; the model is not
// regular, so the endpoints get no standard error (their error shrinks like 1/n, not 1/√n).

interface UniformStats {
  readonly n: number;
  readonly min: number;
  readonly max: number;
}

const IRREGULAR =
  'not regular: the support depends on this parameter and the MLE (a sample extreme) sits where the likelihood drops to 0, so there is no observed information and no standard error; use the profile interval';

export const uniformModel: LikelihoodModel<UniformStats> = {
  family: 'uniform',
  kind: 'continuous',
  parameters: [
    { name: 'min', domain: 'real', transform: 'identity' },
    { name: 'max', domain: 'real', transform: 'identity' },
  ],
  prepare(fn, x, theta, free) {
    const n = checkValues(fn, x, free[0] === true && free[1] === true ? 2 : 1, 'uniform');
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (free[0] !== true && v < (theta[0] as number)) {
        throw new RangeError(`fitDistribution: x[${i}] is ${v}, below the fixed min ${theta[0]}; every value must lie in [min, max]`);
      }
      if (free[1] !== true && v > (theta[1] as number)) {
        throw new RangeError(`fitDistribution: x[${i}] is ${v}, above the fixed max ${theta[1]}; every value must lie in [min, max]`);
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const lo = free[0] === true ? min : (theta[0] as number);
    const hi = free[1] === true ? max : (theta[1] as number);
    if (!(hi > lo)) noMle(fn, 'uniform', `every value equals ${min}, so max − min would be 0`);
    return { n, min, max };
  },
  count: (s) => s.n,
  logLikelihood(s, t) {
    const a = t[0] as number;
    const b = t[1] as number;
    if (!(a <= s.min && b >= s.max && b > a) || !Number.isFinite(b - a)) return Number.NEGATIVE_INFINITY;
    return -s.n * Math.log(b - a);
  },
  derivatives(s, t, g, h) {
    const w = (t[1] as number) - (t[0] as number);
    g[0] = s.n / w;
    g[1] = -s.n / w;
    h[0] = h[3] = s.n / (w * w);
    h[1] = h[2] = -s.n / (w * w);
  },
  closedForm(s, theta, free) {
    if (free[0] === true) theta[0] = s.min;
    if (free[1] === true) theta[1] = s.max;
    return { method: 'closed-form' };
  },
  starts: (s) => [Float64Array.of(s.min, s.max)],
  stepSize: (s) => s.max - s.min || 1,
  irregular(_s, _t, free) {
    const out: Record<string, string> = {};
    if (free[0] === true) out['min'] = IRREGULAR;
    if (free[1] === true) out['max'] = IRREGULAR;
    return out;
  },
};
