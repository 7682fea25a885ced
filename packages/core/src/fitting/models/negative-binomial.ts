import { digamma } from '../../special/digamma.ts';
import { logGamma } from '../../special/log-gamma.ts';
import { trigamma } from '../../special/trigamma.ts';
import { negativeBinomialFamily } from '../../families/negative-binomial.ts';
import type { LikelihoodModel } from '../model.ts';
import type { Maximum } from '../newton.ts';
import type { CountData } from './discrete.ts';
import { countData, xlogy } from './discrete.ts';
import { sumLogFactorial } from './poisson.ts';

// negativeBinomial {size r, mu μ} (R's parametrisation): with S = Σx,
// ℓ = Σ [ln Γ(x + r) − ln Γ(r) − ln x!] + n r ln(r/(r + μ)) + S ln(μ/(r + μ)).
// ∂ℓ/∂μ = S/μ − (n r + S)/(r + μ), so μ̂ = x̄ whatever r is. For r:
// ∂ℓ/∂r = Σ [ψ(x + r) − ψ(r)] + n ln(r/(r + μ)) + (nμ − S)/(r + μ),
// ∂²ℓ/∂r² = Σ [ψ′(x + r) − ψ′(r)] + n/r − n/(r + μ) − (nμ − S)/(r + μ)², ∂²ℓ/∂r∂μ = (S − nμ)/(r + μ)²,
// ∂²ℓ/∂μ² = −S/μ² + (n r + S)/(r + μ)². The differences ln Γ(x + r) − ln Γ(r) = Σ_{j<x} ln(r + j) and
// their derivatives are summed exactly over j (one pass up to the largest count) when the counts are
// small, so they keep their digits when r is large; ln Γ, ψ, ψ′ otherwise.
// When the sample variance (n in the denominator) does not exceed the mean, ∂ℓ/∂r > 0 for every r
// (∂ℓ/∂r ~ n (x̄ − s²)/(2r²) as r → ∞): the MLE is the Poisson limit r = Infinity.
// ln Γ(x + r) − ln Γ(r) − ln x! is a difference of numbers near x ln x (2e10 at x = 1e9, an ulp of
// 4e−6), so ℓ is summed from the family's saddle-point log pmf once the counts pass SADDLE_POINT_ABOVE. Since μ̂ = x̄
// for every r, the fit is a root of the profile score ∂ℓ/∂r at μ = x̄ (unique: Levin & Reeds 1977),
// found by Newton in ln r inside a bracket (maximizeSize): the general 2-D Newton let μ drift from x̄
// (6e−8 at counts near 1e9) and did not converge on counts near 1e10.

interface NegativeBinomialStats extends CountData {
  readonly sumLogFactorial: number;
  readonly max: number;
}

const EXACT_SUM_LIMIT = 20000;
/**
 * Above this largest count ℓ is summed from the family's saddle-point log pmf: Σ_{j<x} ln(r + j) and
 * Σ ln x! are both near Σ x ln x, and their difference kept only 2e−12 of ℓ at counts near 2000.
 */
const SADDLE_POINT_ABOVE = 64;

/** Σ_i [ln Γ(x_i + r) − ln Γ(r)], Σ [ψ(x_i + r) − ψ(r)], Σ [ψ′(x_i + r) − ψ′(r)] over the table. */
function gammaDifferences(s: NegativeBinomialStats, r: number): [number, number, number] {
  const { values, counts } = s;
  let l0 = 0;
  let l1 = 0;
  let l2 = 0;
  if (s.max <= EXACT_SUM_LIMIT) {
    // Walk j = 0 … max − 1 once; the number of values above j weights each term.
    let above = s.n;
    let k = 0;
    for (let j = 0; j < s.max; j++) {
      while (k < values.length && (values[k] as number) <= j) above -= counts[k++] as number;
      const rj = r + j;
      l0 += above * Math.log(rj);
      l1 += above / rj;
      l2 -= above / (rj * rj);
    }
    return [l0, l1, l2];
  }
  const lgR = logGamma(r);
  const psiR = digamma(r);
  const triR = trigamma(r);
  for (let i = 0; i < values.length; i++) {
    const w = counts[i] as number;
    const v = values[i] as number;
    l0 += w * (logGamma(v + r) - lgR);
    l1 += w * (digamma(v + r) - psiR);
    l2 += w * (trigamma(v + r) - triR);
  }
  return [l0, l1, l2];
}

const POISSON_LIMIT = (mean: number, variance: number): string =>
  `Poisson limit: the mean squared deviation from mu (${variance}) does not exceed the sample mean (${mean}), so the likelihood keeps rising as size → Infinity, where the negative binomial becomes the Poisson(mu); size has no standard error (fit the Poisson instead)`;

export const negativeBinomialModel: LikelihoodModel<NegativeBinomialStats> = {
  family: 'negativeBinomial',
  kind: 'discrete',
  parameters: [
    { name: 'size', domain: 'positive', transform: 'log' },
    { name: 'mu', domain: 'positive', transform: 'log' },
  ],
  prepare(fn, x) {
    const d = countData(fn, 'negativeBinomial', x);
    return { ...d, sumLogFactorial: sumLogFactorial(d), max: d.values[d.values.length - 1] as number };
  },
  count: (s) => s.n,
  logLikelihood(s, t) {
    const r = t[0] as number;
    const mu = t[1] as number;
    if (!(r > 0 && mu >= 0) || !Number.isFinite(mu)) return Number.NEGATIVE_INFINITY;
    if (r === Number.POSITIVE_INFINITY) return xlogy(s.sum, mu) - s.n * mu - s.sumLogFactorial;
    if (s.max > SADDLE_POINT_ABOVE) {
      const params = { size: r, mu };
      let sum = 0;
      for (let i = 0; i < s.values.length; i++) sum += (s.counts[i] as number) * negativeBinomialFamily.logPdf(s.values[i] as number, params);
      return sum;
    }
    const [l0] = gammaDifferences(s, r);
    // n r ln(r/(r + μ)) = −n r ln(1 + μ/r), without cancellation for large r.
    return l0 - s.sumLogFactorial - s.n * r * Math.log1p(mu / r) + xlogy(s.sum, mu / (r + mu));
  },
  derivatives(s, t, g, h) {
    const r = t[0] as number;
    const mu = t[1] as number;
    const { n, sum } = s;
    if (r === Number.POSITIVE_INFINITY) {
      g[0] = 0;
      g[1] = sum / mu - n;
      h[0] = h[1] = h[2] = 0;
      h[3] = -sum / (mu * mu);
      return;
    }
    const [, l1, l2] = gammaDifferences(s, r);
    const rm = r + mu;
    g[0] = l1 - n * Math.log1p(mu / r) + (n * mu - sum) / rm;
    g[1] = sum / mu - (n * r + sum) / rm;
    h[0] = l2 + n / r - n / rm - (n * mu - sum) / (rm * rm);
    h[1] = h[2] = (sum - n * mu) / (rm * rm);
    // −S/μ² + (n r + S)/(r + μ)² over one denominator, r(nμ² − S(2μ + r))/(μ²(r + μ)²): the two terms
    // cancel to a relative r/μ (at μ = x̄ it is −n r/(μ(r + μ))), which left no digits at μ = 1e14.
    h[3] = ((r / rm) * (n - (sum / mu) * (2 + r / mu))) / rm;
  },
  closedForm(s, theta, free) {
    if (free[1] === true) theta[1] = s.sum / s.n;
    if (free[0] !== true) return { method: 'closed-form' };
    // With μ held at m, ∂ℓ/∂r = (S(1 + 2m) − Σx² − n m²)/(2r²) + O(r⁻³) = (S − Σ(x − m)²)/(2r²) + …, so
    // the likelihood rises all the way to r = Infinity when Σ(x − m)²/n ≤ x̄ (with m = x̄: variance ≤ mean).
    const m = theta[1] as number;
    const mean = s.sum / s.n;
    const spread = (s.sumSquares - 2 * m * s.sum + s.n * m * m) / s.n;
    if (spread <= mean) {
      theta[0] = Number.POSITIVE_INFINITY;
      return { method: 'boundary', notes: { size: POISSON_LIMIT(mean, spread) } };
    }
    return undefined;
  },
  maximize(s, theta, free, start) {
    if (free[0] !== true) return undefined;
    // closedForm has set μ = x̄ (when free) and ruled out the Poisson limit.
    return maximizeSize(s, theta[1] as number, start?.[0]);
  },
  starts(s, theta, free) {
    const mean = s.sum / s.n;
    const mu = free[1] === true ? mean : (theta[1] as number);
    const variance = s.sumSquares / s.n - mean * mean;
    // Method of moments: variance = μ + μ²/r.
    const r0 = free[0] === true ? (variance > mean ? (mean * mean) / (variance - mean) : 100) : (theta[0] as number);
    return [Float64Array.of(r0, mu), Float64Array.of(free[0] === true ? 1 : r0, mu)];
  },
};

/**
 * The MLE of the size r at a given μ: the root of ∂ℓ/∂r (positive below it, negative above), by
 * Newton in u = ln r kept inside a bracket that is widened from the start until the score changes
 * sign, with bisection whenever a step would leave it.
 */
function maximizeSize(s: NegativeBinomialStats, mu: number, given: number | undefined): Maximum {
  const mean = s.sum / s.n;
  const variance = s.sumSquares / s.n - mean * mean;
  const r0 = given !== undefined && given > 0 && Number.isFinite(given) ? given : variance > mean ? (mean * mean) / (variance - mean) : 1;
  const theta = Float64Array.of(r0, mu);
  const g = new Float64Array(2);
  const h = new Float64Array(4);
  let iterations = 0;
  /** ∂ℓ/∂r and its derivative in u = ln r at r = e^u (h is left at the point). */
  const score = (u: number): [number, number] => {
    iterations++;
    theta[0] = Math.exp(u);
    negativeBinomialModel.derivatives(s, theta, g, h);
    const r = theta[0] as number;
    return [g[0] as number, r * (h[0] as number)];
  };
  let u = Math.log(r0);
  let [f, df] = score(u);
  // The bracket: lo where the score is > 0, hi where it is < 0.
  let lo = f > 0 ? u : Number.NEGATIVE_INFINITY;
  let hi = f > 0 ? Number.POSITIVE_INFINITY : u;
  for (let step = 1; !(lo > Number.NEGATIVE_INFINITY && hi < Number.POSITIVE_INFINITY); step *= 2) {
    if (step > 2048) return { theta, logLikelihood: Number.NaN, converged: false, iterations, reason: 'the score of size did not change sign between e^−2048 and e^2048' };
    const v = f > 0 ? lo + step : hi - step;
    const [fv] = score(v);
    if (fv > 0) lo = v;
    else hi = v;
    if (fv === 0) lo = hi = v;
  }
  [f, df] = score((u = lo === hi ? lo : u > lo && u < hi ? u : lo + (hi - lo) / 2));
  let converged = false;
  for (let pass = 0; pass < 400; pass++) {
    if (f === 0) {
      converged = true;
      break;
    }
    if (f > 0) lo = u;
    else hi = u;
    let next = u - f / df;
    if (!(next > lo && next < hi)) next = lo + (hi - lo) / 2;
    const done = Math.abs(next - u) <= 4e-16 * Math.max(1, Math.abs(u)) || hi - lo <= 4e-16 * Math.max(1, Math.abs(u));
    u = next;
    [f, df] = score(u);
    if (done) {
      converged = true;
      break;
    }
  }
  return {
    theta,
    logLikelihood: negativeBinomialModel.logLikelihood(s, theta),
    converged,
    iterations,
    reason: converged ? '' : 'the score of size did not settle in 400 Newton or bisection steps',
    hessian: Float64Array.from(h),
  };
}
