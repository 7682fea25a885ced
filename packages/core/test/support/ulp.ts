// The spacing of doubles, for tests that state an error in ulps.

/**
 * The spacing of doubles at |v| (ulp): 2^(e − 52) for 2^e ≤ |v| < 2^(e+1), 2^−1074 below the normal
 * range. Math.log2 can round up just below a power of two, so its exponent is corrected.
 */
export function ulp(v: number): number {
  const a = Math.abs(v);
  if (a < 2 ** -1022) return 2 ** -1074;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  return 2 ** (e - 52);
}
