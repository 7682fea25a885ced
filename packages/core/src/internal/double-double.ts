// Dekker's exact product (T. J. Dekker, "A floating-point technique for extending the available precision",
// Numer. Math. 18 (1971)), with Veltkamp's split: JavaScript has no fused multiply-add.

/** 2^27 + 1: splits a double into two halves of 26 bits each. */
const SPLIT = 134217729;

/**
 * The rounding error of the product u·v: u·v − p exactly, for p = fl(u·v) (barring overflow of the split, |u|, |v|
 * below 2^996).
 *
 * @param u - a double
 * @param v - a double
 * @param p - u * v as JavaScript rounds it
 * @returns the exact u·v − p, itself a double
 * @example
 * const p = 0.1 * 0.1;
 * productError(0.1, 0.1, p); // => -8.326672684688674e-19 (0.1·0.1 exactly is p plus this)
 */
export function productError(u: number, v: number, p: number): number {
  const cu = SPLIT * u;
  const uh = cu - (cu - u);
  const ul = u - uh;
  const cv = SPLIT * v;
  const vh = cv - (cv - v);
  const vl = v - vh;
  return uh * vh - p + uh * vl + ul * vh + ul * vl;
}
