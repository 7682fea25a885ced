// The Central Limit Theorem as an experiment: m independent means of k draws each from a
// non-normal source, next to the normal law N(μ, σ²/k) that the theorem predicts for them.

import { checkFinite, checkInteger, checkOneOf, describe } from '../internal/validate.ts';
import { createRandomState } from '../random/random-state.ts';
import { mean } from '../stats/mean.ts';
import { std } from '../stats/variance.ts';

/** The distributions {@link cltSample} can draw from. */
export type CltSource = 'uniform' | 'exponential' | 'bernoulli';

/** Options of {@link cltSample}. */
export interface CltSampleOptions {
  /** Seed of the numpy-legacy stream, an integer in [0, 2**32 − 1]. */
  seed: number;
  /** 'uniform' on [0, 1), 'exponential' with rate 1, or 'bernoulli' with success probability p. */
  source: CltSource;
  /** Draws averaged per mean, k ≥ 1. */
  k: number;
  /** Number of means, m ≥ 1. */
  m: number;
  /** Success probability of the Bernoulli source, in [0, 1] (required for it, ignored otherwise). */
  p?: number;
}

/** Result of {@link cltSample}. */
export interface CltSample {
  /** The m sample means. */
  means: Float64Array;
  /** Mean μ of one source draw (uniform ½, exponential 1, Bernoulli p). */
  sourceMean: number;
  /** Standard deviation σ of one source draw (uniform 1/√12, exponential 1, Bernoulli √(p(1 − p))). */
  sourceSd: number;
  /** Theoretical mean of a sample mean: μ. */
  expectedMean: number;
  /** Theoretical standard deviation of a sample mean: σ/√k (the standard error). */
  expectedSd: number;
  /** Average of the m means. */
  sampleMean: number;
  /** Standard deviation (ddof 0) of the m means. */
  sampleSd: number;
}

/**
 * Draws m means of k independent draws each from a uniform, exponential or Bernoulli source, with
 * the mean and standard deviation the Central Limit Theorem predicts for them.
 *
 * Every draw starts from one U = `randomSample()` of a numpy-legacy stream, taken in order (mean i
 * uses draws i·k … i·k + k − 1): uniform U; exponential −log(1 − U) = −log1p(−U) (inversion of
 * F(x) = 1 − e^{−x}; not numpy's `standard_exponential`, which also inverts but from its own call);
 * Bernoulli [U < p]. Theory: a mean of k draws has mean μ and standard deviation σ/√k, and tends to
 * N(μ, σ²/k) as k grows. numpy equivalent: `u = RandomState(seed).random_sample((m, k))`, then
 * `u.mean(1)`, `(-np.log1p(-u)).mean(1)` or `(u < p).mean(1)`.
 *
 * @param options - seed, source, k, m and p for the Bernoulli source.
 * @returns The means and the theoretical and observed mean and standard deviation.
 * @throws {RangeError} If the seed, k or m is not a valid integer, the source is unknown, or p is missing or outside [0, 1] for 'bernoulli'.
 * @throws {TypeError} If the seed is not a number.
 * @example
 * const r = cltSample({ seed: 0, source: 'exponential', k: 30, m: 1000 });
 * r.expectedSd; // => 0.18257418583505536 (1/√30)
 */
export function cltSample(options: CltSampleOptions): CltSample {
  const fn = 'cltSample';
  const source = checkOneOf<CltSource>(fn, 'source', options.source, ['uniform', 'exponential', 'bernoulli']);
  const k = checkInteger(fn, 'k', options.k, 1);
  const m = checkInteger(fn, 'm', options.m, 1);
  let p = 0;
  if (source === 'bernoulli') {
    if (options.p === undefined) throw new RangeError(`${fn}: p (the success probability, from 0 to 1) is required for the 'bernoulli' source`);
    p = checkFinite(fn, 'p', options.p);
    if (p < 0 || p > 1) throw new RangeError(`${fn}: p must be from 0 to 1, got ${describe(p)}`);
  }
  const rs = createRandomState(options.seed);
  const means = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    if (source === 'uniform') {
      for (let j = 0; j < k; j++) s += rs.randomSample();
    } else if (source === 'exponential') {
      for (let j = 0; j < k; j++) s -= Math.log1p(-rs.randomSample());
    } else {
      for (let j = 0; j < k; j++) if (rs.randomSample() < p) s += 1;
    }
    means[i] = s / k;
  }
  const sourceMean = source === 'uniform' ? 0.5 : source === 'exponential' ? 1 : p;
  const sourceSd = source === 'uniform' ? Math.sqrt(1 / 12) : source === 'exponential' ? 1 : Math.sqrt(p * (1 - p));
  return {
    means,
    sourceMean,
    sourceSd,
    expectedMean: sourceMean,
    expectedSd: sourceSd / Math.sqrt(k),
    sampleMean: mean(means),
    sampleSd: std(means),
  };
}
