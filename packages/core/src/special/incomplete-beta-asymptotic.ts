// I_x(a, b) for large a and b near the mean: the asymptotic expansion of DiDonato & Morris (1992), ACM TOMS 18:360,
// Algorithm 708, §4 and its subroutine BASYM (after Temme's uniform expansion, J. Comput. Appl. Math. 18 (1987)).

import { productError } from '../internal/double-double.ts';
import { erfcx } from '../internal/erf.ts';
import { log1pmx } from './log1pmx.ts';
import { stirlingError } from './stirling-error.ts';

/** 2/√π. */
const TWO_OVER_SQRT_PI = 1.1283791670955126;
/** 2^(−3/2). */
const TWO_POW_MINUS_3_2 = 0.3535533905932738;
/** The number of terms of the expansion (TOMS 708's NUM, even): at a, b ≥ 100 and λ ≤ 0.03·min(a, b) term 20 is below 1e−30. */
const TERMS = 20;
/** Stop once the last pair of terms is this small relative to the sum. */
const TOLERANCE = 1e-16;

/** hi + lo = u·v exactly (internal/double-double.ts). */
function twoProduct(u: number, v: number): [number, number] {
  const p = u * v;
  return [p, productError(u, v, p)];
}

/** Σ terms with Knuth's TwoSum errors carried along: within an ulp or two of the exact sum for a handful of terms. */
function compensatedSum(terms: number[]): number {
  let s = 0;
  let c = 0;
  for (const v of terms) {
    const t = s + v;
    const b = t - s;
    c += s - (t - b) + (v - b);
    s = t;
  }
  return s + c;
}

/**
 * λ = a − (a + b)x = (a + b)y − b with y = 1 − x, to about an ulp of λ itself: from x as a − ax − bx when x ≤ y
 * (y = 1 − x may have been rounded), else from the exact y as ay + by − b, each product split exactly. Near the
 * mean of Beta(a, b) λ is about √(a + b) while ax and bx are about a, b, so forming (a + b)x directly would leave
 * an error of an ulp of a + b, up to 1e−7 relative in λ at a = b = 1e15.
 */
export function betaLambda(a: number, b: number, x: number, y: number): number {
  if (x <= y) {
    const [ah, al] = twoProduct(a, x);
    const [bh, bl] = twoProduct(b, x);
    return compensatedSum([a, -ah, -bh, -al, -bl]);
  }
  const [ah, al] = twoProduct(a, y);
  const [bh, bl] = twoProduct(b, y);
  return compensatedSum([ah, bh, -b, al, bl]);
}

/** Whether the asymptotic expansion applies (TOMS 708, BRATIO): a, b > 100 and |λ| ≤ 0.03·min(a, b). */
export function useBetaAsymptotic(a: number, b: number, lambda: number): boolean {
  const small = Math.min(a, b);
  return small > 100 && Math.abs(lambda) <= 0.03 * small;
}

/**
 * The expansion's coefficients d₀ … d_TERMS and Stirling's correction depend on (a, b) only, so they are kept for
 * the last pair: a grid of points or an inverse's iteration shares one pair, and forming the dₙ (a triple loop)
 * was most of the time of a point. The values are those the per-point computation gave, bit for bit.
 */
const D = new Float64Array(TERMS + 1);
let coefficientsA = Number.NaN;
let coefficientsB = Number.NaN;
let correction = Number.NaN;

/** Fills D and correction for (a, b) unless they hold that pair already. */
function useCoefficients(a: number, b: number): void {
  if (a === coefficientsA && b === coefficientsB) return;
  coefficientsA = a;
  coefficientsB = b;
  const big = Math.max(a, b);
  const h = Math.min(a, b) / big;
  const r0 = 1 / (1 + h);
  const r1 = (b - a) / big;
  // The arrays are indexed from 0 for the coefficients numbered from 1 in TOMS 708.
  const coef = new Float64Array(TERMS + 1);
  const bm = new Float64Array(TERMS + 1);
  const c = new Float64Array(TERMS + 1);
  coef[0] = (2 / 3) * r1;
  c[0] = -0.5 * (coef[0] as number);
  D[0] = -(c[0] as number);
  let hPower = 1;
  let powerSum = 1;
  for (let n = 2; n <= TERMS; n += 2) {
    hPower *= h * h;
    coef[n - 1] = (2 * r0 * (h * hPower + 1)) / (n + 2);
    powerSum += hPower;
    coef[n] = (2 * r1 * powerSum) / (n + 3);
    for (let i = n; i <= n + 1; i++) {
      const r = -0.5 * (i + 1);
      bm[0] = r * (coef[0] as number);
      for (let m = 2; m <= i; m++) {
        let acc = 0;
        for (let j = 1; j < m; j++) acc += (j * r - (m - j)) * (coef[j - 1] as number) * (bm[m - j - 1] as number);
        bm[m - 1] = r * (coef[m - 1] as number) + acc / m;
      }
      c[i - 1] = (bm[i - 1] as number) / (i + 1);
      let acc = 0;
      for (let j = 1; j < i; j++) acc += (D[i - j - 1] as number) * (c[j - 1] as number);
      D[i - 1] = -(acc + (c[i - 1] as number));
    }
  }
  correction = stirlingError(a) + stirlingError(b) - stirlingError(a + b);
}

/**
 * I_x(a, b) and its log for large a and b and x at or below the mean, given λ = a − (a + b)x ≥ 0 (DiDonato &
 * Morris 1992, TOMS 708, BASYM).
 *
 * Method: with f = −a·log1pmx(−λ/a) − b·log1pmx(λ/b) (= a ln(a/((a + b)x)) + b ln(b/((a + b)y)) ≥ 0, so that
 * x^a y^b/B(a, b) ∝ e^(−f)) and z = √f, I_x(a, b) = (2/√π)·e^(−f)·e^(−(δ(a) + δ(b) − δ(a + b)))·Σₙ dₙ wⁿ Jₙ, where
 * δ is Stirling's error, w = 1/√(min(a, b)·(1 + h)) with h = min/max, J₀ = (√π/4)·erfcx(z), J₁ = 2^(−3/2) and
 * Jₙ = 2^(−3/2)(√2 z)^(n−1) + (n − 1)Jₙ₋₂ (in the variable (2f)^k), and the dₙ come from the coefficients
 * a₀ = 2(b − a)/(3·max(a, b)), a₂ₖ₋₁ = 2(1 + h^(2k+1))/((2k + 2)(1 + h)), a₂ₖ = 2(b − a)(1 + h² + … + h^(2k))/
 * ((2k + 3)·max(a, b)) through the power-series recurrences of TOMS 708 §4 (the bₘ of (1 + Σ aⱼ tʲ)^r with
 * r = −(i + 1)/2, cᵢ = bᵢ/(i + 1), dᵢ = −(cᵢ + Σ dᵢ₋ⱼ cⱼ)). The expansion is in powers of 1/√min(a, b) and,
 * for |λ| ≤ 0.03·min(a, b), converges to double precision in at most 20 terms.
 *
 * @param a - first shape, > 100
 * @param b - second shape, > 100
 * @param lambda - a − (a + b)x ≥ 0, formed accurately (see {@link betaLambda})
 * @returns I_x(a, b) (which may underflow to 0) and ln I_x(a, b) (finite)
 */
export function betaAsymptotic(a: number, b: number, lambda: number): { value: number; log: number } {
  useCoefficients(a, b);
  const f = -(a * log1pmx(-lambda / a) + b * log1pmx(lambda / b));
  const z0 = Math.sqrt(f);
  const z = z0 * Math.SQRT2;
  const z2 = 2 * f;
  const h = Math.min(a, b) / Math.max(a, b);
  const w0 = 1 / Math.sqrt(Math.min(a, b) * (1 + h));

  let j0 = (0.5 / TWO_OVER_SQRT_PI) * erfcx(z0); // (√π/4)·erfcx(z)
  let j1 = TWO_POW_MINUS_3_2;
  let sum = j0 + (D[0] as number) * w0 * j1;
  let w = w0;
  let zOdd = z;
  let zEven = z2;
  for (let n = 2; n <= TERMS; n += 2) {
    j0 = TWO_POW_MINUS_3_2 * zOdd + (n - 1) * j0;
    j1 = TWO_POW_MINUS_3_2 * zEven + n * j1;
    zOdd *= z2;
    zEven *= z2;
    w *= w0;
    const t0 = (D[n - 1] as number) * w * j0;
    w *= w0;
    const t1 = (D[n] as number) * w * j1;
    sum += t0 + t1;
    if (Math.abs(t0) + Math.abs(t1) <= TOLERANCE * sum) break;
  }
  const log = Math.log(TWO_OVER_SQRT_PI) - f - correction + Math.log(sum);
  return { value: Math.exp(log), log };
}
