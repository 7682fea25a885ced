// Logarithms of probabilities near 0 and 1 without cancellation (Mächler 2012, "Accurately
// computing log(1 − exp(−|a|))", the Rmpfr vignette; R's R_Log1_Exp and log1pexp).

/**
 * ln(1 − eˣ) for x ≤ 0: log(−expm1(x)) for x > −ln 2, log1p(−eˣ) below (Mächler's switch point).
 * Returns −Infinity at x = 0 and NaN for x > 0.
 */
export function log1mExp(x: number): number {
  if (x > 0) return Number.NaN;
  return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/** ln(1 + eˣ) for any x, without overflow (Mächler's log1pexp). */
export function log1pExp(x: number): number {
  if (x <= -37) return Math.exp(x);
  if (x <= 18) return Math.log1p(Math.exp(x));
  if (x <= 33.3) return x + Math.exp(-x);
  return x;
}
