import { digamma } from '../../special/digamma.ts';
import { logGamma } from '../../special/log-gamma.ts';
import { trigamma } from '../../special/trigamma.ts';
import { neumaierSum } from '../../stats/sum.ts';
import type { LikelihoodModel } from '../model.ts';
import { fastPositiveSums, positiveSums, sumOfLogs } from '../log-sums.ts';
import { isNumberTypedArray } from '../../internal/validate.ts';
import { checkValues, noMle, outsideSupport } from '../model.ts';

// gamma {shape a, rate b}: ℓ = n a ln b − n ln Γ(a) + (a − 1) Σ ln x − b Σ x, on the sufficient
// statistics n, x̄ and mean ln x, so a Newton iteration costs O(1) after one pass.
// ∂ℓ/∂a = n (ln b − ψ(a) + mean ln x), ∂ℓ/∂b = n (a/b − x̄); ∂²ℓ/∂a² = −n ψ′(a), ∂²ℓ/∂a∂b = n/b,
// ∂²ℓ/∂b² = −n a/b². Shape fixed: b̂ = a/x̄.

interface GammaStats {
  readonly n: number;
  readonly mean: number;
  readonly meanLog: number;
}

export const gammaModel: LikelihoodModel<GammaStats> = {
  family: 'gamma',
  kind: 'continuous',
  parameters: [
    { name: 'shape', domain: 'positive', transform: 'log' },
    { name: 'rate', domain: 'positive', transform: 'log' },
  ],
  prepare(fn, x, _theta, free) {
    if (isNumberTypedArray(x) && x.length >= (free[0] === true ? 2 : 1)) {
      // The common case in one pass; a bad value falls through to the checks below, which name it.
      const f = (x instanceof Float64Array ? fastPositiveSums(x) : undefined) ?? positiveSums(x);
      if (f.bad < 0) {
        if (free[0] === true && f.min === f.max) noMle(fn, 'gamma', `every value equals ${f.min}, so the shape would be Infinity`);
        return { n: x.length, mean: f.sum / x.length, meanLog: f.sumLog / x.length };
      }
    }
    const n = checkValues(fn, x, free[0] === true ? 2 : 1, 'gamma');
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (!(v > 0)) outsideSupport(fn, 'gamma', v, i, 'only values > 0');
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (free[0] === true && min === max) noMle(fn, 'gamma', `every value equals ${min}, so the shape would be Infinity`);
    return { n, mean: neumaierSum(x) / n, meanLog: sumOfLogs(x) / n };
  },
  count: (s) => s.n,
  logLikelihood(s, t) {
    const a = t[0] as number;
    const b = t[1] as number;
    if (!(a > 0 && b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return Number.NEGATIVE_INFINITY;
    return s.n * (a * Math.log(b) - logGamma(a) + (a - 1) * s.meanLog - b * s.mean);
  },
  derivatives(s, t, g, h) {
    const a = t[0] as number;
    const b = t[1] as number;
    const { n } = s;
    g[0] = n * (Math.log(b) - digamma(a) + s.meanLog);
    g[1] = n * (a / b - s.mean);
    h[0] = -n * trigamma(a);
    h[1] = h[2] = n / b;
    h[3] = (-n * a) / (b * b);
  },
  closedForm(s, theta, free) {
    if (free[0] === true) return undefined;
    if (free[1] === true) theta[1] = (theta[0] as number) / s.mean;
    return { method: 'closed-form' };
  },
  starts(s, theta, free) {
    // Minka's (2002) approximation to the root of ln a − ψ(a) = ln x̄ − mean ln x.
    const d = Math.log(s.mean) - s.meanLog;
    const a0 = free[0] === true ? (d > 0 ? (3 - d + Math.sqrt((d - 3) ** 2 + 24 * d)) / (12 * d) : 1) : (theta[0] as number);
    return [Float64Array.of(a0, a0 / s.mean)];
  },
};
