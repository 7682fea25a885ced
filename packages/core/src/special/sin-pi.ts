// sin(πx) and cos(πx) with the argument reduced exactly (x mod 2 is exact in floating point), so that
// the reflection formulas of logGamma, digamma and trigamma keep full relative accuracy near the poles.

/** sin(πx), exact at the integers (±0) and accurate to about an ulp elsewhere; NaN for non-finite x. */
export function sinPi(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  let r = x % 2; // exact; r in (−2, 2) with the sign of x
  if (r > 1) r -= 2;
  else if (r < -1) r += 2; // exact: the result is a multiple of r's ulp
  if (r > 0.5) r = 1 - r;
  else if (r < -0.5) r = -1 - r; // exact (Sterbenz)
  return Math.sin(Math.PI * r);
}

/** cos(πx), exact (0) at the half-integers; NaN for non-finite x. */
export function cosPi(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  let r = Math.abs(x) % 2;
  if (r > 1) r = 2 - r; // exact; r in [0, 1]
  if (r < 0.25) return Math.cos(Math.PI * r);
  return Math.sin(Math.PI * (0.5 - r)); // 0.5 − r is exact for r in [0.25, 1]
}
