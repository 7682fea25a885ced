// Inverse of the regularised incomplete gamma function after DiDonato & Morris (1986), ACM TOMS 12:377
// (GAMINV): an initial guess from the tails' leading terms or Wilson–Hilferty, then Halley's method on ln x.

import { normalPpf } from '../distributions/normal.ts';
import { gammaTail, gammaTailLog, gammaTailPrefix, gammaTailValue, logGammaPrefix, shapeLogGamma, shapeLogGamma1p } from './incomplete-gamma.ts';
import { TailMemo, solveTail, type TailEval } from './tail-root.ts';

const LN_MIN = Math.log(Number.MIN_VALUE); // −744.44: e^u underflows to 0 below this
const GOOD_START = 0.01;

/**
 * f = ln T(x) − ln t for T = P (upper = false) or Q, with df/du = ±x·pdf/T = ±e^(ln(x^a e^−x/Γ(a)) − ln T)
 * and d²f/du² = (df/du)·(a − x − df/du), u = ln x.
 */
function evaluator(a: number, logTarget: number, upper: boolean): (x: number) => TailEval {
  const memo = new TailMemo();
  return (x) => {
    const cached = memo.find(x);
    if (cached !== undefined) return cached;
    // ln of the tail (lower or upper) at x, accurate in both tails, and the prefix if it came with it.
    const lt = gammaTail(a, x) === upper ? gammaTailLog() : Math.log1p(-gammaTailValue());
    const tailPrefix = gammaTailPrefix();
    const prefix = Number.isNaN(tailPrefix) ? logGammaPrefix(a, x) : tailPrefix;
    const sign = upper ? -1 : 1;
    const d1 = sign * Math.exp(prefix - lt);
    return memo.store(x, lt - logTarget, d1, d1 * (a - x - d1));
  };
}

/** Wilson–Hilferty: x ≈ a(1 − 1/(9a) + z/(3√a))³ with z the normal quantile of the lower tail. */
function wilsonHilferty(a: number, z: number): number {
  const t = 1 - 1 / (9 * a) + z / (3 * Math.sqrt(a));
  return t > 0 ? a * t * t * t : Number.NaN;
}

/**
 * The better (smaller |f|) of the finite positive candidates `first` and `second()`, or `first` when
 * |f| ≤ 0.01 there (close enough that Halley's method needs no better start, so the second candidate
 * is neither computed nor evaluated).
 */
function best(evaluate: (x: number) => TailEval, first: number, second: () => number): number {
  let bestX = Number.NaN;
  let bestF = Number.POSITIVE_INFINITY;
  if (first > 0 && first < Number.POSITIVE_INFINITY) {
    bestF = Math.abs(evaluate(first).f);
    bestX = first;
    if (bestF <= GOOD_START) return bestX;
  }
  const x = second();
  if (x > 0 && x < Number.POSITIVE_INFINITY && Math.abs(evaluate(x).f) < bestF) bestX = x;
  return bestX;
}

/** x with P(a, x) = p for p ≤ ½ (upper = false), or Q(a, x) = q for q ≤ ½ (upper = true). */
function invert(a: number, t: number, upper: boolean): number {
  const logT = Math.log(t);
  const evaluate = evaluator(a, logT, upper);
  let x0: number;
  if (upper) {
    x0 = best(evaluate, wilsonHilferty(a, -normalPpf(t)), () => {
      // Q ≈ x^(a−1) e^−x / Γ(a) far out: x = −ln q − ln Γ(a) + (a − 1) ln x, by fixed-point steps.
      const lg = shapeLogGamma(a);
      let x = Math.max(1, a, -logT);
      for (let k = 0; k < 6; k++) x = Math.max(1e-300, -logT - lg + (a - 1) * Math.log(x));
      return x;
    });
  } else {
    // P ≈ x^a / Γ(a + 1) near 0.
    const logX = (logT + shapeLogGamma1p(a)) / a;
    if (logX < LN_MIN - 1) return 0; // the quantile underflows
    x0 = best(evaluate, wilsonHilferty(a, normalPpf(t)), () => Math.exp(logX));
  }
  const start = Number.isNaN(x0) ? a : x0;
  return solveTail(evaluate, start, 0, Number.POSITIVE_INFINITY, !upper);
}

/**
 * gammaPInv(a, p) solved from a given start instead of the tail and Wilson–Hilferty candidates: for a
 * grid of probabilities, each solved from its neighbours' answers (`familyPpfArray`), where a start
 * within ~1e−8 of the answer makes Halley's first step the last (one evaluation instead of two or
 * three). The answer is that of gammaPInv to a few ulps, not bit for bit (Halley's last step depends
 * on where it came from).
 *
 * @param a - shape, > 0
 * @param p - probability in [0, 1]
 * @param start - a positive finite guess of the answer (anything else: gammaPInv's own start)
 * @returns x with P(a, x) = p, as gammaPInv
 * @example
 * gammaPInvFrom(1, 0.5, 0.69); // => 0.6931471805599453 (ln 2, to an ulp)
 */
export function gammaPInvFrom(a: number, p: number, start: number): number {
  if (invalid(a, p) || p === 0 || p === 1 || !(start > 0 && start < Number.POSITIVE_INFINITY)) return gammaPInv(a, p);
  const upper = p > 0.5;
  const t = upper ? 1 - p : p;
  return solveTail(evaluator(a, Math.log(t), upper), start, 0, Number.POSITIVE_INFINITY, !upper);
}

/** NaN unless a > 0 (finite) and the probability is in [0, 1]. */
function invalid(a: number, t: number): boolean {
  return !(a > 0) || a === Number.POSITIVE_INFINITY || !(t >= 0 && t <= 1);
}

/**
 * The inverse of the regularised lower incomplete gamma function: x ≥ 0 with P(a, x) = p (scipy's
 * `gammaincinv`), the quantile of Gamma(a, 1).
 *
 * Method (DiDonato & Morris 1986): the smaller tail is solved, P(a, x) = p for p ≤ ½ and
 * Q(a, x) = 1 − p otherwise; the start is the better of the tail's leading term (x ≈ (pΓ(a + 1))^(1/a) below,
 * x = −ln q − ln Γ(a) + (a − 1) ln x above) and Wilson–Hilferty's a(1 − 1/(9a) + z/(3√a))³; then Halley's
 * method on ln T(x) = ln t in u = ln x, inside a bracket that each evaluation narrows.
 *
 * @param a - shape, > 0
 * @param p - probability in [0, 1]
 * @returns x with P(a, x) = p (to a few ulps of x); 0 at p = 0 (and where x underflows), +Infinity at
 *   p = 1; NaN if a ≤ 0, a = +Infinity, p outside [0, 1] or either is NaN
 * @example
 * gammaPInv(1, 0.5); // => 0.6931471805599454 (ln 2 = 0.6931471805599453)
 * gammaPInv(0.3, 1e-300); // => 0 (the quantile, ~1e−1000, underflows)
 */
export function gammaPInv(a: number, p: number): number {
  if (invalid(a, p)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  return p <= 0.5 ? invert(a, p, false) : invert(a, 1 - p, true);
}

/**
 * The inverse of the regularised upper incomplete gamma function: x ≥ 0 with Q(a, x) = q (scipy's
 * `gammainccinv`), the upper quantile of Gamma(a, 1), accurate for q down to the smallest doubles.
 *
 * Method: as `gammaPInv`, solving Q(a, x) = q for q ≤ ½ and P(a, x) = 1 − q otherwise.
 *
 * @param a - shape, > 0
 * @param q - probability in [0, 1]
 * @returns x with Q(a, x) = q; +Infinity at q = 0, 0 at q = 1; NaN as `gammaPInv`
 * @example
 * gammaQInv(1, 1e-300); // => 690.7755278982137 (−ln q)
 */
export function gammaQInv(a: number, q: number): number {
  if (invalid(a, q)) return Number.NaN;
  if (q === 0) return Number.POSITIVE_INFINITY;
  if (q === 1) return 0;
  return q <= 0.5 ? invert(a, q, true) : invert(a, 1 - q, false);
}
