import type { LikelihoodModel } from '../model.ts';
import { isNumberTypedArray } from '../../internal/validate.ts';
import { centredLogSums } from '../log-sums.ts';
import { checkValues, outsideSupport } from '../model.ts';
import type { CentredStats } from './normal.ts';
import { normalClosedForm, normalDerivatives, normalLogLik } from './normal.ts';

// lognormal {meanlog, sdlog}: the normal likelihood of ln x, minus the Jacobian Σ ln x.

interface LognormalStats extends CentredStats {
  readonly sumLog: number;
}

/**
 * The lognormal's statistics in one pass, one logarithm per value, no array of logs: compensated
 * sums (TwoSum, branch-free) of d = ln x − K and d² about K = `shift`. No checks: a value outside
 * (0, ∞) leaves a NaN or infinite sum.
 */
function lognormalSums(x: ArrayLike<number>, n: number, shift: number): LognormalStats {
  let s1 = 0;
  let c1 = 0;
  let s2 = 0;
  let c2 = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.log(x[i] as number) - shift;
    const t1 = s1 + d;
    c1 += s1 - (t1 - (t1 - s1)) + (d - (t1 - s1));
    s1 = t1;
    const dd = d * d;
    const t2 = s2 + dd;
    c2 += s2 - (t2 - (t2 - s2)) + (dd - (t2 - s2));
    s2 = t2;
  }
  const sumD = s1 + c1;
  const mean = shift + sumD / n;
  const ss = Math.max(0, s2 + c2 - (sumD * sumD) / n);
  return { n, mean, ss, sumLog: shift * n + sumD };
}

/** {@link lognormalSums} for a Float64Array by the table logarithm; NaN sums for a value outside the normal doubles > 0. */
function tableLognormalSums(x: Float64Array, shift: number): LognormalStats {
  const n = x.length;
  const out = new Float64Array(4);
  centredLogSums(x, shift, out);
  const sumD = (out[0] as number) + (out[1] as number);
  const ss = Math.max(0, (out[2] as number) + (out[3] as number) - (sumD * sumD) / n);
  return { n, mean: shift + sumD / n, ss, sumLog: shift * n + sumD };
}

export const lognormalModel: LikelihoodModel<LognormalStats> = {
  family: 'lognormal',
  kind: 'continuous',
  parameters: [
    { name: 'meanlog', domain: 'real', transform: 'identity' },
    { name: 'sdlog', domain: 'positive', transform: 'log' },
  ],
  prepare(fn, x, _theta, free) {
    if (x instanceof Float64Array && x.length >= (free[1] === true ? 2 : 1) && (x[0] as number) > 0 && (x[0] as number) < Number.POSITIVE_INFINITY) {
      // The commonest case: the table logarithm over the doubles' own bits (log-sums.ts).
      const s = tableLognormalSums(x, Math.log(x[0] as number));
      if (Number.isFinite(s.ss) && Number.isFinite(s.sumLog)) return s;
    }
    if (isNumberTypedArray(x) && x.length >= (free[1] === true ? 2 : 1) && (x[0] as number) > 0 && (x[0] as number) < Number.POSITIVE_INFINITY) {
      // The common case: no per-value checks in the loop (a value ≤ 0, NaN or ±Infinity makes a
      // logarithm NaN or infinite, seen in the sums afterwards; the checks below then name it).
      const s = lognormalSums(x, x.length, Math.log(x[0] as number));
      if (Number.isFinite(s.ss) && Number.isFinite(s.sumLog)) return s;
    }
    const n = checkValues(fn, x, free[1] === true ? 2 : 1, 'lognormal');
    // The centred sum of squares Σd² − (Σd)²/n loses only a factor 1 + (mean − K)²/variance of
    // relative accuracy (K = ln x[0] is a sample value, so a few units at most).
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (!(v > 0)) outsideSupport(fn, 'lognormal', v, i, 'only values > 0');
    }
    return lognormalSums(x, n, Math.log(x[0] as number));
  },
  count: (s) => s.n,
  logLikelihood: (s, t) => normalLogLik(s, t[0] as number, t[1] as number) - s.sumLog,
  derivatives: (s, t, g, h) => normalDerivatives(s, t[0] as number, t[1] as number, g, h),
  closedForm(s, theta, free) {
    normalClosedForm('fitDistribution', 'lognormal', s, theta, free);
    return { method: 'closed-form' };
  },
  starts: (s) => [Float64Array.of(s.mean, Math.sqrt(s.ss / s.n) || 1)],
  stepSize: (_s, t) => t[1] as number,
};
