import { INV_SQRT_2PI } from '../internal/constants.ts';
import { erfc } from '../internal/erf.ts';
import { normalPpf } from '../distributions/normal.ts';

// The χ² distribution with an integer number of degrees of freedom, as the likelihood tests and
// profile intervals need it, in closed form (Abramowitz & Stegun 26.4.4 and 26.4.5): no series to
// truncate and no dependence on the incomplete gamma function.

/**
 * P(χ²_df > x) for an integer df ≥ 1. Even df: e^{−x/2} Σ_{k<df/2} (x/2)^k / k!. Odd df:
 * erfc(√(x/2)) + 2φ(√x) Σ_{k=1}^{(df−1)/2} x^{k−½} / (1·3·…·(2k − 1)).
 */
export function chiSquareSf(x: number, df: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (df % 2 === 0) {
    const h = x / 2;
    let term = Math.exp(-h);
    let total = term;
    for (let k = 1; k < df / 2; k++) {
      term *= h / k;
      total += term;
    }
    return Math.min(1, total);
  }
  const r = Math.sqrt(x);
  let total = erfc(r * Math.SQRT1_2);
  let term = 2 * INV_SQRT_2PI * Math.exp(-x / 2) * r;
  for (let k = 1; k <= (df - 1) / 2; k++) {
    total += term;
    term *= x / (2 * k + 1);
  }
  return Math.min(1, total);
}

/** The χ²₁ quantile at `level`: Φ⁻¹((1 + level)/2)². */
export function chiSquare1Quantile(level: number): number {
  return normalPpf((1 + level) / 2) ** 2;
}
