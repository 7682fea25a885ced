import { LN_2PI } from '../internal/constants.ts';
import { binomialDeviance } from '../special/binomial-deviance.ts';
import { stirlingError } from '../special/stirling-error.ts';

// Loader's saddle-point densities (C. Loader 2000, "Fast and accurate computation of binomial
// probabilities"; R's dpois_raw and dbinom_raw in nmath): the Poisson and binomial log densities
// written as −δ terms and deviances bd0 that never cancel, accurate to a few ulps of the log where
// x·ln λ − ln Γ(x + 1) − λ loses digits to cancellation (λ = 250: three of them). They take real
// x, so the gamma, beta and negative binomial densities reuse them.

/**
 * ln(λ^x e^(−λ) / Γ(x + 1)) for real x ≥ 0 and λ ≥ 0 (R's dpois_raw(x, λ, log = TRUE)):
 * −δ(x) − bd0(x, λ) − ½ ln(2πx), and −λ at x = 0.
 */
export function logPoissonRaw(x: number, lambda: number): number {
  if (lambda === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (lambda === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  if (x === 0) return -lambda;
  if (x === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  return -stirlingError(x) - binomialDeviance(x, lambda) - 0.5 * (LN_2PI + Math.log(x));
}

/**
 * ln(C(n, x) p^x q^(n − x)) for real 0 ≤ x ≤ n, with q = 1 − p given separately so that neither
 * loses digits (R's dbinom_raw(x, n, p, q, log = TRUE)). A caller whose n is a rounded sum (the
 * beta's a + b − 2, the negative binomial's x + size) passes the exact n − x too: from the rounded n
 * it would carry an ulp of n (9e−13 at n = 9e3), and the log density moves by that times a few.
 */
export function logBinomialRaw(x: number, n: number, p: number, q: number, nMinusX: number = n - x): number {
  if (p === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (q === 0) return x === n ? 0 : Number.NEGATIVE_INFINITY;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -binomialDeviance(n, n * q) - n * p : n * Math.log(q);
  }
  if (x === n) return q < 0.1 ? -binomialDeviance(n, n * p) - n * q : n * Math.log(p);
  if (x < 0 || x > n) return Number.NEGATIVE_INFINITY;
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(nMinusX) - binomialDeviance(x, n * p) - binomialDeviance(nMinusX, n * q);
  // ln(1 − x/n) as ln((n − x)/n) where x ≥ n/2 (n − x is exact there, Sterbenz, or given), while x/n
  // near 1 keeps only 1.1e−16 of absolute accuracy (n = 9.1e8, x = n − 1: 1.3e−8 off the log pmf).
  const lf = LN_2PI + Math.log(x) + (x >= n / 2 ? Math.log(nMinusX / n) : Math.log1p(-x / n));
  return lc - 0.5 * lf;
}
