// Seeded samples from a one-dimensional Gaussian mixture (bimodal or skewed data for the mixture
// widget), reproducible in numpy with the same seed.

import { checkFiniteData, checkInteger, checkNonNegativeData, checkRequiredOptions, checkSameLength } from '../internal/validate.ts';
import { createRandomState } from '../random/random-state.ts';

/** Options of {@link generateMixtureSample}. */
export interface MixtureSampleOptions {
  /** Seed of the numpy-legacy stream, an integer in [0, 2**32 − 1]. */
  seed: number;
  /** Component weights ≥ 0, not all 0; normalised to sum to 1. */
  weights: ArrayLike<number>;
  /** Component means. */
  means: ArrayLike<number>;
  /** Component standard deviations ≥ 0. */
  sds: ArrayLike<number>;
  /** Number of samples n ≥ 1. */
  n: number;
}

/** A labelled mixture sample. */
export interface MixtureSample {
  /** The n values. */
  x: Float64Array;
  /** The component each value came from (0 … K − 1). */
  labels: Float64Array;
}

/**
 * Draws n values from the mixture Σ_k w_k·N(μ_k, sd_k²), remembering each value's component.
 *
 * Components first, values second, from one numpy-legacy stream: n uniforms U pick the components
 * (c = number of cumulative normalised weights ≤ U), then n standard normals Z give x = μ_c + sd_c·Z.
 * numpy equivalent: `rs = RandomState(seed); c = np.searchsorted(np.cumsum(w / w.sum()),
 * rs.random_sample(n), side='right'); x = mu[c] + sd[c] * rs.standard_normal(n)`.
 *
 * @param options - seed, weights, means, sds (all of length K) and n.
 * @returns The values and their component labels.
 * @throws {RangeError} If the seed or n is invalid, the arrays are empty, non-finite or of different lengths, a weight or sd is negative, or the weights sum to 0.
 * @throws {TypeError} If an array is not an array of numbers.
 * @example
 * generateMixtureSample({ seed: 1, weights: [1], means: [5], sds: [0], n: 3 }).x; // => Float64Array [5, 5, 5]
 */
export function generateMixtureSample(options: MixtureSampleOptions): MixtureSample {
  const fn = 'generateMixtureSample';
  checkRequiredOptions(fn, options);
  const k = checkNonNegativeData(fn, options.weights, 'weights');
  checkFiniteData(fn, options.means, 'means');
  checkNonNegativeData(fn, options.sds, 'sds');
  checkSameLength(fn, 'weights', options.weights, 'means', options.means);
  checkSameLength(fn, 'weights', options.weights, 'sds', options.sds);
  const n = checkInteger(fn, 'n', options.n, 1);
  let total = 0;
  for (let j = 0; j < k; j++) total += options.weights[j] as number;
  if (total === 0) throw new RangeError(`${fn}: weights sum to 0; at least one must be positive`);
  const cumulative = new Float64Array(k);
  let acc = 0;
  for (let j = 0; j < k; j++) {
    acc += (options.weights[j] as number) / total;
    cumulative[j] = acc;
  }
  const rs = createRandomState(options.seed);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = rs.randomSample();
    let c = 0;
    while (c < k - 1 && (cumulative[c] as number) <= u) c++;
    labels[i] = c;
  }
  const z = rs.standardNormal(n);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = labels[i] as number;
    x[i] = (options.means[c] as number) + (options.sds[c] as number) * (z[i] as number);
  }
  return { x, labels };
}
