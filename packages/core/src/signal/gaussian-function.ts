import { checkArrayLike, checkFinite, checkPositive, describe } from '../internal/validate.ts';
import type { GaussianIntegralOptions } from './integrate.ts';

/**
 * The Gaussian function A·e^(−B(x−μ)²) at every point of `x` — the curve whose area
 * {@link gaussianIntegral} computes, a normal density exactly when A = √(B/π).
 *
 * Formula: out[i] = A·exp(−B·(x[i] − μ)²); NaN points give NaN (they are not skipped), ±Infinity
 * gives 0. With B = 1/(2σ²) and A = 1/√(2πσ²) it is the N(μ, σ²) pdf. numpy equivalent:
 * `A * np.exp(-B * (x - mu)**2)`.
 *
 * @param x - The points.
 * @param options - A > 0, B > 0 and μ (default 0), as for {@link gaussianIntegral}.
 * @param out - Optional Float64Array of the same length to write into (avoids allocation).
 * @returns `out`, or a new Float64Array.
 * @throws {TypeError} If `x` is not array-like or `options` not an object.
 * @throws {RangeError} If A or B is not a finite number > 0, μ is not finite, or `out` has the wrong length.
 * @example
 * gaussianFunctionArray([0, 1], { A: 3, B: 2 }); // => Float64Array [3, 0.4060058497098381]
 */
export function gaussianFunctionArray(x: ArrayLike<number>, options: GaussianIntegralOptions, out?: Float64Array): Float64Array {
  const fn = 'gaussianFunctionArray';
  const n = checkArrayLike(fn, 'x', x);
  if (options === null || typeof options !== 'object') throw new TypeError(`${fn}: options must be an object { A, B, mu? }, got ${describe(options)}`);
  const A = checkPositive(fn, 'A', options.A);
  const B = checkPositive(fn, 'B', options.B);
  const mu = checkFinite(fn, 'mu', options.mu ?? 0);
  if (out !== undefined && (!(out instanceof Float64Array) || out.length !== n)) {
    throw new RangeError(`${fn}: out must be a Float64Array of length ${n} (the length of x)`);
  }
  const result = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - mu;
    result[i] = A * Math.exp(-B * d * d);
  }
  return result;
}
