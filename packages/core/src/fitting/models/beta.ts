import { digamma } from '../../special/digamma.ts';
import { logBeta } from '../../special/log-beta.ts';
import { trigamma } from '../../special/trigamma.ts';
import type { LikelihoodModel } from '../model.ts';
import { isNumberTypedArray } from '../../internal/validate.ts';
import { sumOfLog1m, sumOfLogs, unitIntervalSums } from '../log-sums.ts';
import { checkValues, noMle, outsideSupport } from '../model.ts';

// beta {shape1 a, shape2 b}: ℓ = −n ln B(a, b) + (a − 1) Σ ln x + (b − 1) Σ ln(1 − x), on the sufficient
// statistics (ln(1 − x) by log1p, so values near 1 keep their digits). With ψ₊ = ψ(a + b):
// ∂ℓ/∂a = n (ψ₊ − ψ(a)) + Σ ln x, ∂²ℓ/∂a² = n (ψ′₊ − ψ′(a)), ∂²ℓ/∂a∂b = n ψ′₊ (and b alike).

interface BetaStats {
  readonly n: number;
  readonly sumLog: number;
  readonly sumLog1m: number;
  readonly mean: number;
  readonly variance: number;
}

export const betaModel: LikelihoodModel<BetaStats> = {
  family: 'beta',
  kind: 'continuous',
  parameters: [
    { name: 'shape1', domain: 'positive', transform: 'log' },
    { name: 'shape2', domain: 'positive', transform: 'log' },
  ],
  prepare(fn, x, _theta, free) {
    const minLength = free[0] === true || free[1] === true ? 2 : 1;
    if (isNumberTypedArray(x) && x.length >= minLength) {
      // The common case in one pass; a bad value falls through to the checks below, which name it.
      const f = unitIntervalSums(x);
      if (f !== undefined) {
        if (free[0] === true && free[1] === true && f.constant) noMle(fn, 'beta', `every value equals ${x[0] as number}, so the shapes would be Infinity`);
        return { n: x.length, sumLog: f.sumLog, sumLog1m: f.sumLog1m, mean: f.mean, variance: f.variance };
      }
    }
    const n = checkValues(fn, x, minLength, 'beta');
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (!(v > 0 && v < 1)) outsideSupport(fn, 'beta', v, i, 'only values strictly between 0 and 1');
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const sumLog = sumOfLogs(x);
    const sumLog1m = sumOfLog1m(x);
    if (free[0] === true && free[1] === true && min === max) noMle(fn, 'beta', `every value equals ${min}, so the shapes would be Infinity`);
    const mean = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += ((x[i] as number) - mean) ** 2;
    return { n, sumLog, sumLog1m, mean, variance: ss / n };
  },
  count: (s) => s.n,
  logLikelihood(s, t) {
    const a = t[0] as number;
    const b = t[1] as number;
    if (!(a > 0 && b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return Number.NEGATIVE_INFINITY;
    return -s.n * logBeta(a, b) + (a - 1) * s.sumLog + (b - 1) * s.sumLog1m;
  },
  derivatives(s, t, g, h) {
    const a = t[0] as number;
    const b = t[1] as number;
    const { n } = s;
    const psiAB = digamma(a + b);
    const triAB = trigamma(a + b);
    g[0] = n * (psiAB - digamma(a)) + s.sumLog;
    g[1] = n * (psiAB - digamma(b)) + s.sumLog1m;
    h[0] = n * (triAB - trigamma(a));
    h[1] = h[2] = n * triAB;
    h[3] = n * (triAB - trigamma(b));
  },
  starts(s, theta, free) {
    // Method of moments, clamped to something sensible when the sample variance is too large.
    const common = (s.mean * (1 - s.mean)) / s.variance - 1;
    const c = common > 0 && Number.isFinite(common) ? common : 1;
    const a0 = free[0] === true ? s.mean * c : (theta[0] as number);
    const b0 = free[1] === true ? (1 - s.mean) * c : (theta[1] as number);
    return [Float64Array.of(a0, b0), Float64Array.of(free[0] === true ? 1 : a0, free[1] === true ? 1 : b0)];
  },
};
