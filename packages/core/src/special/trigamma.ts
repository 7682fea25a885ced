// ψ′(x): the recurrence ψ′(x) = ψ′(x + 1) + 1/x² up to 12, then the asymptotic series A&S 6.4.12.

import { sinPi } from './sin-pi.ts';

// B_2k for k = 1…9 (A&S 6.4.12: ψ′(x) ~ 1/x + 1/(2x²) + Σ B_2k / x^(2k+1)).
const B = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510, 43867 / 798] as const;

/**
 * The trigamma function ψ′(x) = d²/dx² ln Γ(x), to about 1e−15 relative for x > 0.
 *
 * Method: ψ′(x) = ψ′(x + n) + Σ_{k<n} 1/(x + k)² (all terms positive) until x + n ≥ 12, where
 * ψ′(y) ~ 1/y + 1/(2y²) + Σ B_2k / y^(2k+1) (A&S 6.4.12) is accurate to 1e−17; for x < 0 the
 * reflection ψ′(x) = π²/sin²(πx) − ψ′(1 − x).
 *
 * @param x - any number
 * @returns ψ′(x); +Infinity at the poles 0, −1, −2, … (as scipy's `polygamma(1, x)`); 0 at +Infinity;
 *   NaN for NaN and −Infinity
 * @example
 * trigamma(1); // => 1.6449340668482264 (π²/6)
 * trigamma(0.5); // => 4.93480220054468 (π²/2)
 */
export function trigamma(x: number): number {
  if (Number.isNaN(x) || x === Number.NEGATIVE_INFINITY) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x <= 0) {
    if (Number.isInteger(x)) return Number.POSITIVE_INFINITY;
    const s = sinPi(x);
    return (Math.PI * Math.PI) / (s * s) - trigamma(1 - x);
  }
  let sum = 0;
  let y = x;
  while (y < 12) {
    sum += 1 / (y * y);
    y += 1;
  }
  const w = 1 / (y * y);
  let s = 0;
  for (let k = B.length - 1; k >= 0; k--) s = s * w + (B[k] as number);
  return sum + (1 + (0.5 + s / y) / y) / y;
}
