import { normalPpf } from '../distributions/normal.ts';
import type { RandomState } from '../random/random-state.ts';
import { betaI, betaIc, logBetaI, logBetaIc } from '../special/incomplete-beta.ts';
import { discreteIsf, discretePpf } from './discrete-quantile.ts';
import type { Family, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, countParameter, num, probabilityParameter } from './parameters.ts';
import { logBinomialRaw } from './saddle-point.ts';

// The binomial family, R's dbinom(x, size, prob) with size fixed (never estimated); scipy's
// binom(n=size, p=prob).

const PARAMETERS = [
  countParameter('size', 'the number of trials n, an integer ≥ 0 (fixed, not estimated)'),
  probabilityParameter('prob', 'the success probability of each trial, in [0, 1]', true),
] as const;

function valid(size: number, prob: number): boolean {
  return Number.isInteger(size) && size >= 0 && size <= Number.MAX_SAFE_INTEGER && prob >= 0 && prob <= 1;
}

function logPmf(x: number, size: number, prob: number): number {
  if (!valid(size, prob) || Number.isNaN(x)) return Number.NaN;
  if (x < 0 || x > size || !Number.isInteger(x)) return Number.NEGATIVE_INFINITY;
  return logBinomialRaw(x, size, prob, 1 - prob);
}

/**
 * P(X ≤ x) (upper false) or P(X > x) (upper true), optionally as logs: I_{1−p}(n − k, k + 1) and
 * I_p(k + 1, n − k), written with p when p ≤ ½ and with 1 − p (then exact) otherwise.
 */
function tail(x: number, size: number, prob: number, upper: boolean, log: boolean): number {
  if (!valid(size, prob) || Number.isNaN(x)) return Number.NaN;
  const k = Math.floor(x);
  // Whether all the mass lies above x (true), all at or below it (false), or neither (undefined).
  let massAbove: boolean | undefined;
  if (k < 0) massAbove = true;
  else if (k >= size) massAbove = false;
  else if (prob === 0) massAbove = false;
  else if (prob === 1) massAbove = true;
  if (massAbove !== undefined) {
    const value = massAbove === upper ? 1 : 0;
    return log ? Math.log(value) : value;
  }
  const a = k + 1;
  const b = size - k;
  if (prob <= 0.5) {
    if (log) return upper ? logBetaI(a, b, prob) : logBetaIc(a, b, prob);
    return upper ? betaI(a, b, prob) : betaIc(a, b, prob);
  }
  const q = 1 - prob;
  if (log) return upper ? logBetaIc(b, a, q) : logBetaI(b, a, q);
  return upper ? betaIc(b, a, q) : betaI(b, a, q);
}

/** A Cornish–Fisher start for the quantile search: np + σ(z + γ(z² − 1)/6), γ = (1 − 2p)/σ. */
function guess(size: number, prob: number, z: number): number {
  const sd = Math.sqrt(size * prob * (1 - prob));
  if (!(sd > 0)) return size * prob;
  return size * prob + sd * z + ((1 - 2 * prob) * (z * z - 1)) / 6;
}

/**
 * The binomial family `{ size, prob }`: successes in `size` trials, R's `dbinom(x, size, prob)`,
 * scipy's `binom(n=size, p=prob)`, on 0, 1, …, size. `size` is fixed (fitting never estimates it).
 *
 * logPdf(k) = ln C(n, k) + k ln p + (n − k) ln(1 − p), by Loader's saddle point (R's dbinom); cdf
 * I_{1−p}(n − k, k + 1) and sf I_p(k + 1, n − k), the regularised incomplete beta function; ppf the
 * smallest k with cdf(k) ≥ p, from a normal start; mean np; variance np(1 − p). `sample` is
 * `np.random.binomial(size, prob, size)`.
 *
 * @example
 * binomialFamily.pdf(5, { size: 10, prob: 0.5 }); // => 0.24609375000000003
 * binomialFamily.ppf(0.5, { size: 10, prob: 0.5 }); // => 5
 */
export const binomialFamily: Family = {
  name: 'binomial',
  kind: 'discrete',
  parameters: PARAMETERS,
  support(params: FamilyParams): Support {
    const size = num(params.size);
    return valid(size, num(params.prob)) ? { lower: 0, upper: size } : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    return logPmf(x, num(params.size), num(params.prob));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(logPmf(x, num(params.size), num(params.prob)));
  },
  cdf(x: number, params: FamilyParams): number {
    return tail(x, num(params.size), num(params.prob), false, false);
  },
  sf(x: number, params: FamilyParams): number {
    return tail(x, num(params.size), num(params.prob), true, false);
  },
  logCdf(x: number, params: FamilyParams): number {
    return tail(x, num(params.size), num(params.prob), false, true);
  },
  logSf(x: number, params: FamilyParams): number {
    return tail(x, num(params.size), num(params.prob), true, true);
  },
  ppf(p: number, params: FamilyParams): number {
    const size = num(params.size);
    const prob = num(params.prob);
    if (!valid(size, prob) || !(p >= 0 && p <= 1)) return Number.NaN;
    return discretePpf(p, (k) => tail(k, size, prob, false, false), (k) => tail(k, size, prob, true, false), guess(size, prob, normalPpf(p)), 0, size);
  },
  isf(q: number, params: FamilyParams): number {
    const size = num(params.size);
    const prob = num(params.prob);
    if (!valid(size, prob) || !(q >= 0 && q <= 1)) return Number.NaN;
    return discreteIsf(q, (k) => tail(k, size, prob, false, false), (k) => tail(k, size, prob, true, false), guess(size, prob, -normalPpf(q)), 0, size);
  },
  mean(params: FamilyParams): number {
    const size = num(params.size);
    const prob = num(params.prob);
    return valid(size, prob) ? size * prob : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const size = num(params.size);
    const prob = num(params.prob);
    return valid(size, prob) ? size * prob * (1 - prob) : Number.NaN;
  },
  /** `np.random.binomial(size, prob, size)` (numpy's legacy inversion below n·p = 30, BTPE above). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('binomial.sample', PARAMETERS, params, size);
    return rs.binomial(num(params.size), num(params.prob), size);
  },
};
