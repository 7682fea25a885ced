import { checkArrayLike, checkSameLength } from '../internal/validate.ts';

/**
 * The element-wise sum of two arrays of the same length.
 *
 * Formula: out[i] = a[i] + b[i] (IEEE addition; NaN and ±Infinity propagate as in numpy, never
 * skipped). Ports `numpy.add(a, b)` for 1-D arrays of equal length (no broadcasting).
 *
 * @param a - The first array.
 * @param b - The second array, as long as `a`.
 * @returns A new Float64Array.
 * @throws {TypeError} If an input is not array-like.
 * @throws {RangeError} If the lengths differ.
 * @example
 * add([1, 2], [0.5, -2]); // => Float64Array [1.5, 0]
 */
export function add(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  checkArrayLike('add', 'a', a);
  checkArrayLike('add', 'b', b);
  const n = checkSameLength('add', 'a', a, 'b', b);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (a[i] as number) + (b[i] as number);
  return out;
}

/**
 * The element-wise difference of two arrays of the same length (residuals, errors against a reference).
 *
 * Formula: out[i] = a[i] − b[i] (IEEE subtraction; NaN and ±Infinity propagate as in numpy). Ports
 * `numpy.subtract(a, b)` for 1-D arrays of equal length (no broadcasting).
 *
 * @param a - The minuend.
 * @param b - The subtrahend, as long as `a`.
 * @returns A new Float64Array.
 * @throws {TypeError} If an input is not array-like.
 * @throws {RangeError} If the lengths differ.
 * @example
 * subtract([1, 2], [0.5, -2]); // => Float64Array [0.5, 4]
 */
export function subtract(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  checkArrayLike('subtract', 'a', a);
  checkArrayLike('subtract', 'b', b);
  const n = checkSameLength('subtract', 'a', a, 'b', b);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (a[i] as number) - (b[i] as number);
  return out;
}
