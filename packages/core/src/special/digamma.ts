// ψ(x): ψ(x)/(x − x₀) by a Chebyshev-economised polynomial on [1, 2] about the positive root x₀
// (the approach of Cody, Strecok & Thacher 1973), recurrences, A&S 6.3.18's asymptotic series from 10.

import { cosPi, sinPi } from './sin-pi.ts';

// The root of ψ, x₀ = 1.46163214496836234126…, as a double plus the rest (mpmath, 40 digits).
const X0_HI = 1.4616321449683622;
const X0_LO = 9.549995429965697e-17;

// ψ(x)/(x − x₀) as a polynomial in u = 2x − 3 on [1, 2], highest power first: mpmath.chebyfit of that
// function at 40 digits, degree 23, maximum error 6e−19 (relative to values near 0.95).
const R = [
  -9.720300404202244e-12, 2.916093601085364e-11, -2.9161179626023815e-11, 8.748420037436287e-11,
  -4.1555064115551965e-10, 1.2466690231864029e-9, -3.509235492410718e-9, 1.0528133851878114e-8,
  -3.1807298477301726e-8, 9.543261570760428e-8, -2.8621216825577647e-7, 8.589062683365892e-7,
  -2.578133701610713e-6, 7.741234441368395e-6, -2.325823275895313e-5, 6.99501882655044e-5,
  -0.00021074841284590126, 0.0006368880303847901, -0.0019350666647392832, 0.005936795278301875,
  -0.018550615381739702, 0.06013562106019684, -0.21181371064073024, 0.9510558760318328,
] as const;

/** ψ on [1, 2], relative accuracy kept at the root x₀. */
function digamma12(x: number): number {
  const u = 2 * x - 3;
  let s = 0;
  for (const c of R) s = s * u + c;
  return (x - X0_HI - X0_LO) * s; // x − X0_HI is exact (Sterbenz)
}

// B_2k / 2k for k = 1…9 (A&S 6.3.18).
const D = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12, -3617 / 8160, 43867 / 14364] as const;

/**
 * The digamma function ψ(x) = Γ′(x)/Γ(x), to about 1e−15 relative (including at its positive root
 * x₀ ≈ 1.4616).
 *
 * Method: on [1, 2], ψ(x) = (x − x₀)·R(2x − 3) with R a polynomial fitted to 6e−19; below 1,
 * ψ(x) = ψ(x + 1) − 1/x; on [2, 10), ψ(x) = ψ(x − n) + Σ 1/(x − k); from 10 on,
 * ψ(x) ~ ln x − 1/(2x) − Σ B_2k/(2k x^2k) (A&S 6.3.18); for x < 0, ψ(x) = ψ(1 − x) − π cot πx.
 *
 * @param x - any number except 0, −1, −2, …
 * @returns ψ(x); −Infinity at +0 and +Infinity at −0 (the one-sided limits, as scipy's `psi`), NaN at
 *   the negative integers, −Infinity and NaN; +Infinity at +Infinity
 * @example
 * digamma(1); // => -0.5772156649015329 (−γ)
 * digamma(10); // => 2.2517525890667214
 */
export function digamma(x: number): number {
  if (Number.isNaN(x) || x === Number.NEGATIVE_INFINITY) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  if (x === 0) return Object.is(x, -0) ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (x < 0) {
    if (Number.isInteger(x)) return Number.NaN;
    return digamma(1 - x) - (Math.PI * cosPi(x)) / sinPi(x);
  }
  if (x < 1) return digamma12(x + 1) - 1 / x;
  if (x < 2) return digamma12(x);
  if (x < 10) {
    // x − k is exact for x < 10; the reciprocals are summed smallest first.
    let y = x - 1;
    let s = 0;
    while (y >= 1) {
      s += 1 / y;
      y -= 1;
    }
    return digamma12(y + 1) + s;
  }
  const w = 1 / (x * x);
  let s = 0;
  for (let k = D.length - 1; k >= 0; k--) s = s * w + (D[k] as number);
  return Math.log(x) - 0.5 / x - s * w;
}
