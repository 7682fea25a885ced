import { normalPpf } from '../distributions/normal.ts';
import type { RandomState } from '../random/random-state.ts';
import { betaI, betaIc, logBetaI, logBetaIc } from '../special/incomplete-beta.ts';
import { log1pmx } from '../special/log1pmx.ts';
import { discreteIsf, discretePpf } from './discrete-quantile.ts';
import type { Family, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, num, positiveParameter } from './parameters.ts';
import { logBinomialRaw, logPoissonRaw } from './saddle-point.ts';

// The negative binomial family in R's mean parametrisation, dnbinom(x, size, mu = mu): failures
// before the size-th success, success probability p = size/(size + mu); scipy's
// nbinom(n=size, p=size/(size + mu)).

const PARAMETERS = [
  positiveParameter('size', 'the dispersion (number of successes) r > 0, need not be an integer'),
  positiveParameter('mu', 'the mean μ > 0'),
] as const;
const COUNTS: Support = Object.freeze({ lower: 0, upper: Number.POSITIVE_INFINITY });

function valid(size: number, mu: number): boolean {
  return size > 0 && size < Number.POSITIVE_INFINITY && mu > 0 && mu < Number.POSITIVE_INFINITY;
}

/** R's dnbinom_mu(x, size, mu, log = TRUE), Loader's binomial saddle point. */
function logPmf(x: number, size: number, mu: number): number {
  if (!valid(size, mu) || Number.isNaN(x)) return Number.NaN;
  if (x < 0 || !Number.isInteger(x)) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  if (x === 0) return size * (size < mu ? Math.log(size / (size + mu)) : Math.log1p(-mu / (size + mu)));
  if (x < 1e-5 * size) {
    // size ≫ x: Γ(x + size)/Γ(size) = size^x·Π(1 + j/size), so with λ = size·q = μ/(1 + μ/size)
    // ln f = [x ln λ − λ − ln x!] + (λ + size·ln p) + Σ_{j<x} log1p(j/size): the bracket is the Poisson
    // saddle point (no cancellation between x ln λ and ln x!), λ + size·ln p = −size·(log1p(t) −
    // t/(1 + t)) = −size·(log1pmx(t) + t²/(1 + t)) with t = μ/size, and the sum is
    // S₁/size − S₂/(2·size²) + S₃/(3·size³) with S_k = Σ_{j<x} j^k (the next term is below x·1e−21 for
    // x < 1e−5·size). R's dnbinom_mu (used below 1e−10·size) writes −μ for size·ln p, dropping
    // μ²/(2·size) (0.05 off at size 1e13, μ 1e6), and log1p(S₁/size) for the sum (1.2e−11 off at
    // size 1e17, x = 1e6); above its threshold the binomial saddle point loses 1e−10 to size + x.
    const lambda = size < mu ? size / (1 + size / mu) : mu / (1 + mu / size);
    const t = mu / size;
    const u = 1 / size;
    const s1 = (x * (x - 1)) / 2;
    const s2 = ((x - 1) * x * (2 * x - 1)) / 6;
    const sum = u * (s1 - u * (s2 / 2 - (u * s1 * s1) / 3));
    return logPoissonRaw(x, lambda) - size * (log1pmx(t) + (t * t) / (1 + t)) + sum;
  }
  return Math.log(size / (size + x)) + logBinomialRaw(size, x + size, size / (size + mu), mu / (size + mu), x);
}

/**
 * P(X ≤ k) = I_p(r, k + 1), P(X > k) = I_q(k + 1, r) with p = r/(r + μ), q = μ/(r + μ), each taken
 * from whichever of p and q is the smaller, so that it is exact (1 − p would round): the sf when
 * `upper`, the cdf otherwise, as logs when `log`.
 */
function tail(x: number, size: number, mu: number, upper: boolean, log: boolean): number {
  if (!valid(size, mu) || Number.isNaN(x)) return Number.NaN;
  if (x < 0) {
    const all = upper ? 1 : 0;
    return log ? Math.log(all) : all;
  }
  const k = Math.floor(x);
  if (size <= mu) {
    const p = size / (size + mu);
    if (log) return upper ? logBetaIc(size, k + 1, p) : logBetaI(size, k + 1, p);
    return upper ? betaIc(size, k + 1, p) : betaI(size, k + 1, p);
  }
  const q = mu / (size + mu);
  if (log) return upper ? logBetaI(k + 1, size, q) : logBetaIc(k + 1, size, q);
  return upper ? betaI(k + 1, size, q) : betaIc(k + 1, size, q);
}

/** A Cornish–Fisher start for the quantile search. */
function guess(size: number, mu: number, z: number): number {
  const variance = mu + (mu * mu) / size;
  const sd = Math.sqrt(variance);
  const skew = (2 * mu + size) / Math.sqrt(size * mu * (size + mu));
  return mu + sd * (z + (skew * (z * z - 1)) / 6);
}

/**
 * The negative binomial family `{ size, mu }`: failures before the size-th success, R's
 * `dnbinom(x, size, mu = mu)`, scipy's `nbinom(n=size, p=size/(size + mu))`, on 0, 1, 2, ….
 *
 * logPdf(k) = ln Γ(k + r) − ln Γ(r) − ln k! + r ln p + k ln q with p = r/(r + μ), q = μ/(r + μ), by
 * Loader's saddle point (R's dnbinom_mu); cdf I_p(r, k + 1) and sf I_q(k + 1, r), the regularised
 * incomplete beta function; ppf the smallest k with cdf(k) ≥ p, from a Cornish–Fisher start; mean
 * μ; variance μ + μ²/r. `sample` is `np.random.negative_binomial(size, size/(size + mu), size)`.
 *
 * @example
 * negativeBinomialFamily.pdf(0, { size: 1, mu: 1 }); // => 0.5
 * negativeBinomialFamily.variance({ size: 2, mu: 4 }); // => 12
 */
export const negativeBinomialFamily: Family = {
  name: 'negativeBinomial',
  kind: 'discrete',
  parameters: PARAMETERS,
  support(params: FamilyParams): Support {
    return valid(num(params.size), num(params.mu)) ? COUNTS : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    return logPmf(x, num(params.size), num(params.mu));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(logPmf(x, num(params.size), num(params.mu)));
  },
  cdf(x: number, params: FamilyParams): number {
    return tail(x, num(params.size), num(params.mu), false, false);
  },
  sf(x: number, params: FamilyParams): number {
    return tail(x, num(params.size), num(params.mu), true, false);
  },
  logCdf(x: number, params: FamilyParams): number {
    return tail(x, num(params.size), num(params.mu), false, true);
  },
  logSf(x: number, params: FamilyParams): number {
    return tail(x, num(params.size), num(params.mu), true, true);
  },
  ppf(p: number, params: FamilyParams): number {
    const size = num(params.size);
    const mu = num(params.mu);
    if (!valid(size, mu) || !(p >= 0 && p <= 1)) return Number.NaN;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return discretePpf(p, (k) => tail(k, size, mu, false, false), (k) => tail(k, size, mu, true, false), guess(size, mu, normalPpf(p)), 0, Number.POSITIVE_INFINITY);
  },
  isf(q: number, params: FamilyParams): number {
    const size = num(params.size);
    const mu = num(params.mu);
    if (!valid(size, mu) || !(q >= 0 && q <= 1)) return Number.NaN;
    if (q === 0) return Number.POSITIVE_INFINITY;
    return discreteIsf(q, (k) => tail(k, size, mu, false, false), (k) => tail(k, size, mu, true, false), guess(size, mu, -normalPpf(q)), 0, Number.POSITIVE_INFINITY);
  },
  mean(params: FamilyParams): number {
    const size = num(params.size);
    const mu = num(params.mu);
    return valid(size, mu) ? mu : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const size = num(params.size);
    const mu = num(params.mu);
    return valid(size, mu) ? mu + (mu * mu) / size : Number.NaN;
  },
  /** `np.random.negative_binomial(size, size/(size + mu), size)` (numpy's legacy gamma–Poisson mixture). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('negativeBinomial.sample', PARAMETERS, params, size);
    const r = num(params.size);
    return rs.negativeBinomial(r, r / (r + num(params.mu)), size);
  },
};
