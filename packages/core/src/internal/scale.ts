// Exact power-of-two scaling (C's frexp/ldexp). Multiplying by 2^k changes only the exponent, so a
// computation can run on data scaled to unit size — no overflow, no underflow, no subnormal
// precision loss — and be scaled back with at most one rounding at the very end.

/**
 * The exponent e with 2^(e−1) ≤ |v| < 2^e for a finite v ≠ 0 (frexp's exponent), and 0 for 0.
 * Works for subnormals too (down to 2^−1074).
 */
export function exponentOf(v: number): number {
  const a = Math.abs(v);
  if (a === 0 || !Number.isFinite(a)) return 0;
  // Math.log2 can be off by one near powers of two; the two corrections make it exact.
  let e = Math.floor(Math.log2(a)) + 1;
  if (ldexp(1, e - 1) > a) e -= 1;
  else if (ldexp(1, e) <= a) e += 1;
  return e;
}

/**
 * v·2^e without forming 2^e (which over- or underflows for |e| > 1023), as C's ldexp. Exact unless
 * the result over- or underflows.
 */
export function ldexp(v: number, e: number): number {
  let r = v;
  let k = e;
  while (k > 1023) {
    r *= 2 ** 1023;
    k -= 1023;
  }
  // Down in steps that keep r normal as long as possible, so only the last step can round.
  while (k < -1000) {
    r *= 2 ** -1000;
    k += 1000;
  }
  return r * 2 ** k;
}

/**
 * The power-of-two exponent that brings the largest |xᵢ| into [1/2, 1): xᵢ·2^(−e) then has the same
 * digits as xᵢ and no overflow in sums of squares or products. 0 when every value is 0.
 */
export function scaleExponent(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] as number));
  return exponentOf(m);
}

/**
 * a·2^k·e^t without the 0·∞ = NaN or ∞·0 = NaN of forming the factors: 0 when a = 0, else the
 * plain product when both factors and it are finite and non-zero (bit-identical to a·2^k·e^t), else
 * sign(a)·exp(ln|a| + k·ln 2 + t), which over- or underflows only when the true value does (its
 * relative error is then about u·|ln|a| + k·ln 2 + t|, ≤ 1e-13 for arguments up to ~1000).
 */
export function mulPow2Exp(a: number, k: number, t: number): number {
  if (a === 0) return 0;
  const e = Math.exp(t);
  const s = ldexp(a, k);
  const p = s * e;
  if (e !== 0 && Number.isFinite(e) && s !== 0 && Number.isFinite(s) && p !== 0 && Number.isFinite(p)) return p;
  return Math.sign(a) * Math.exp(Math.log(Math.abs(a)) + k * Math.LN2 + t);
}
