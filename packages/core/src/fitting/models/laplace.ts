import type { LikelihoodModel } from '../model.ts';
import { checkValues, noMle, sortedQuantile } from '../model.ts';

// laplace {location μ, scale b}: ℓ = −n ln(2b) − D(μ)/b, D(μ) = Σ|x − μ|. μ̂ is the sample median (the
// midpoint of the two middle values when n is even; every point between them is a maximum) and
// b̂ = D(μ̂)/n. ℓ is not differentiable in μ at the MLE, so μ̂ has no observed information.
// D(μ) in O(log n) from prefix sums of the sorted data (centred on the median to keep digits).

interface LaplaceStats {
  readonly n: number;
  readonly centre: number;
  /** Sorted data minus the centre, and prefix sums (prefix[i] = Σ_{j<i} y_j). */
  readonly y: Float64Array;
  readonly prefix: Float64Array;
  readonly median: number;
}

/** D(μ) = Σ |x − μ| and the number above minus the number below μ. */
function absDev(s: LaplaceStats, mu: number): [number, number] {
  const m = mu - s.centre;
  const { y, prefix, n } = s;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((y[mid] as number) <= m) lo = mid + 1;
    else hi = mid;
  }
  // lo values ≤ m, n − lo above.
  const below = lo * m - (prefix[lo] as number);
  const above = (prefix[n] as number) - (prefix[lo] as number) - (n - lo) * m;
  let equal = 0;
  for (let i = lo - 1; i >= 0 && y[i] === m; i--) equal++;
  return [below + above, n - lo - (lo - equal)];
}

export const laplaceModel: LikelihoodModel<LaplaceStats> = {
  family: 'laplace',
  kind: 'continuous',
  parameters: [
    { name: 'location', domain: 'real', transform: 'identity' },
    { name: 'scale', domain: 'positive', transform: 'log' },
  ],
  prepare(fn, x, _theta, free) {
    const n = checkValues(fn, x, free[1] === true ? 2 : 1, 'laplace');
    const sorted = new Float64Array(x); // (a copy; Float64Array.from would iterate a typed array slowly)
    sorted.sort();
    const median = sortedQuantile(sorted, 0.5);
    if (free[1] === true && free[0] === true && sorted[0] === sorted[n - 1]) {
      noMle(fn, 'laplace', `every value equals ${sorted[0]}, so the scale would be 0`);
    }
    const y = new Float64Array(n);
    const prefix = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      y[i] = (sorted[i] as number) - median;
      prefix[i + 1] = (prefix[i] as number) + (y[i] as number);
    }
    return { n, centre: median, y, prefix, median };
  },
  count: (s) => s.n,
  logLikelihood(s, t) {
    const b = t[1] as number;
    if (!(b > 0) || !Number.isFinite(b) || !Number.isFinite(t[0] as number)) return Number.NEGATIVE_INFINITY;
    return -s.n * Math.log(2 * b) - absDev(s, t[0] as number)[0] / b;
  },
  derivatives(s, t, g, h) {
    const b = t[1] as number;
    const [d, sign] = absDev(s, t[0] as number);
    g[0] = sign / b;
    g[1] = -s.n / b + d / (b * b);
    h[0] = 0;
    h[1] = h[2] = -sign / (b * b);
    h[3] = s.n / (b * b) - (2 * d) / (b * b * b);
  },
  closedForm(s, theta, free) {
    if (free[0] === true) theta[0] = s.median;
    if (free[1] === true) {
      const d = absDev(s, theta[0] as number)[0];
      if (!(d > 0)) noMle('fitDistribution', 'laplace', `every value equals ${theta[0]}, so the scale would be 0`);
      theta[1] = d / s.n;
    }
    return { method: 'closed-form' };
  },
  starts: (s) => [Float64Array.of(s.median, absDev(s, s.median)[0] / s.n || 1)],
  stepSize: (_s, t) => t[1] as number,
  irregular: (_s, _t, free) =>
    free[0] === true
      ? {
          location:
            'not regular: the log-likelihood has a kink at the sample median (the MLE), so there is no observed information and no standard error; use the profile interval',
        }
      : {},
};
