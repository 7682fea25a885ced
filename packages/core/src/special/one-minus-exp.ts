import { FAST_EXP_T, POW2 } from '../random/accurate-exp.ts';

// 1 − e^(−t) = −expm1(−t), the cdf of the exponential and Weibull families, in script: V8's
// Math.expm1 is a call into C per value (9 ns here), this about 5.
//
// Method: e^(−t) = 2^m · (s + tail) by Tang's table-driven exponential (random/accurate-exp.ts's fast
// path, within 2^−63 of e^(−t) before rounding), then 1 − 2^m·s − 2^m·tail. For t ≤ ln 2, 2^m·s ∈
// [½, 1], so 1 − 2^m·s is exact (Sterbenz) and the result carries the tail's 2^−63 plus one rounding:
// no cancellation, whatever t's size (for t below ln2/2048 the reduction leaves r = −t, and the
// series e^r − 1 − r = r²/2 + … + r⁵/120 is carried to below r⁶/720). For t > ln 2 the result is
// above ½ and 1 − 2^m·s rounds once. Within 2.3e-16 relatively of Math.expm1 over the exponential's
// and Weibull's grids (test/special/one-minus-exp.test.ts). Outside [0, 700) (and NaN) it is
// −Math.expm1(−t).

/** oneMinusExp's argument and result. */
const ONE = new Float64Array(1);

/**
 * 1 − e^(−t), without cancellation for small t.
 *
 * @param t - Any double; t in [0, 700) by the table, else by −Math.expm1(−t).
 * @returns −expm1(−t).
 * @example
 * oneMinusExp(1e-20); // => 1e-20
 * oneMinusExp(1); // => 0.6321205588285577
 */
export function oneMinusExp(t: number): number {
  // The in-place loop on one value: the same arithmetic, so scalar and array results agree bit for bit.
  ONE[0] = t;
  oneMinusExpInPlace(ONE, 0, 1);
  return ONE[0] as number;
}

/**
 * v[i] ← 1 − e^(−v[i]) for i0 ≤ i < i1 (the method of the file comment), the other entries left as
 * they are: a loop of its own, as a call per value would not be inlined into a caller's loop by V8's
 * first optimising tier and would box its result. `oneMinusExp` is this on one value.
 *
 * Two points per iteration (a and b, the same arithmetic written twice; keep them in step): V8 does
 * not unroll loops, and two independent chains in one body let the processor overlap them (5.7–6.3
 * ns a point against 7.2–9.1 for one). An odd last point is paired with itself.
 *
 * @param v - Arguments t, replaced by 1 − e^(−t).
 * @param i0 - First index.
 * @param i1 - One past the last index.
 * @example
 * const v = Float64Array.of(0, 1);
 * oneMinusExpInPlace(v, 0, 2); // v = [0, 0.6321205588285577]
 */
export function oneMinusExpInPlace(v: Float64Array, i0: number, i1: number): void {
  // Locals: a module-level table is reloaded and checked at every use.
  const tab = FAST_EXP_T;
  const pow2 = POW2;
  for (let i = i0; i < i1; i += 2) {
    const ib = i + 1 < i1 ? i + 1 : i;
    const ta = v[i] as number;
    const tb = v[ib] as number;
    const okA = ta >= 0 && ta < 700;
    const okB = tb >= 0 && tb < 700;
    // The table's path on 0 for a value outside [0, 700) (or NaN), which then takes −Math.expm1(−t):
    // its indices stay in the tables.
    const xa = okA ? -ta : 0;
    const xb = okB ? -tb : 0;
    const kfa = xa * 1477.3197218702985 + 6755399441055744 - 6755399441055744;
    const kfb = xb * 1477.3197218702985 + 6755399441055744 - 6755399441055744;
    const ua = xa - kfa * 0.0006769015435565962;
    const ub = xb - kfb * 0.0006769015435565962;
    const da = kfa * 4.1024561256651217e-14;
    const db = kfb * 4.1024561256651217e-14;
    const ra = ua + da;
    const rb = ub + db;
    const rLoA = ua - ra + da;
    const rLoB = ub - rb + db;
    const ka = kfa | 0;
    const kb = kfb | 0;
    const ja = 2 * (ka & 1023);
    const jb = 2 * (kb & 1023);
    const tha = tab[ja] as number;
    const thb = tab[jb] as number;
    const ra2 = ra * ra;
    const rb2 = rb * rb;
    const pa = ra2 * (0.5 + 0.16666666666666666 * ra + ra2 * (0.041666666666666664 + 0.008333333333333333 * ra));
    const pb = rb2 * (0.5 + 0.16666666666666666 * rb + rb2 * (0.041666666666666664 + 0.008333333333333333 * rb));
    const prodA = tha * ra;
    const prodB = thb * rb;
    const sa = tha + prodA;
    const sb = thb + prodB;
    const tailA = prodA - (sa - tha) + (tha * (rLoA + pa) + (tab[ja + 1] as number) * (1 + ra));
    const tailB = prodB - (sb - thb) + (thb * (rLoB + pb) + (tab[jb + 1] as number) * (1 + rb));
    const scaleA = pow2[(ka >> 10) + 1074] as number;
    const scaleB = pow2[(kb >> 10) + 1074] as number;
    v[i] = okA ? 1 - sa * scaleA - tailA * scaleA : -Math.expm1(-ta);
    v[ib] = okB ? 1 - sb * scaleB - tailB * scaleB : -Math.expm1(-tb);
  }
}
