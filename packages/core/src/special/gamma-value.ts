// Γ(a) itself for 0 < a ≤ 171.6, to about an ulp: Γ(1 + f) for the fraction f of a, from logGamma1p (whose value
// is below 0.13 in size, so its exponential keeps the accuracy), times the factors f + 1, …, a − 1, each exact,
// multiplied in double-double (Dekker); (a − 1)! rounded once from exact integer arithmetic for integers.

import { productError } from '../internal/double-double.ts';
import { logGamma1p } from './log-gamma.ts';

/** k! for k ≤ 170, each rounded once from exact integer arithmetic (171! overflows). */
export const FACTORIAL: Float64Array = new Float64Array(171);
{
  let f = 1n;
  FACTORIAL[0] = 1;
  for (let k = 1; k <= 170; k++) {
    f *= BigInt(k);
    FACTORIAL[k] = Number(f);
  }
}

/**
 * The gamma function Γ(a) for a > 0, within about an ulp up to 171.6 (where it overflows).
 *
 * Method: integers (a − 1)! from FACTORIAL; below 1, Γ(1 + a)/a; else Γ(1 + f)·(1 + f)(2 + f)…(a − 1) with
 * f = a − ⌊a⌋, where each factor a − k is a double exactly and the product is carried as a double-double.
 *
 * @param a - a number > 0
 * @returns Γ(a); +Infinity beyond 171.62; NaN for a ≤ 0 or NaN
 * @example
 * gammaValue(5); // => 24
 * gammaValue(0.5); // => 1.772453850905516 (√π, to an ulp)
 */
export function gammaValue(a: number): number {
  if (!(a > 0)) return Number.NaN;
  if (a > 172) return Number.POSITIVE_INFINITY;
  const n = Math.floor(a);
  if (n === a) return FACTORIAL[n - 1] as number;
  if (a < 1) return Math.exp(logGamma1p(a)) / a;
  const f = a - n;
  let hi = 1;
  let lo = 0;
  // Scaled by 2^−600 (exactly) from 2^900 on, where Veltkamp's split would overflow.
  let scaled = false;
  for (let k = 1; k < n; k++) {
    const c = f + k; // = a − (n − k), exact
    const p = hi * c;
    lo = lo * c + productError(hi, c, p);
    hi = p + lo;
    lo -= hi - p;
    if (hi > 2 ** 900) {
      hi *= 2 ** -600;
      lo *= 2 ** -600;
      scaled = true;
    }
  }
  const value = Math.exp(logGamma1p(f)) * (hi + lo);
  return scaled ? value * 2 ** 600 : value;
}
