// e^x, and e^(h + l) of a double-double, nearly always correctly rounded, for numpy's legacy
// samplers (lognormal, the Poisson and binomial set-ups, beta's underflow branch). glibc's `exp`
// (what numpy calls) is nearly always correctly rounded; V8's `Math.exp` (fdlibm) differs from it
// for about 10 % of arguments, this one for about 0.07 % (near ties that one of the two misrounds).
//
// Method (Tang's table-driven exponential, ACM TOMS 15(2), 1989): k = round(x·64/ln 2),
// x = k·ln2/64 + r with |r| ≤ ln2/128, e^x = 2^(k >> 6)·2^((k & 63)/64)·e^r. The reduction is exact
// (L_HI has 36 significant bits, so k·L_HI is exact for |k| < 2^17), the table 2^(j/64) is a
// double-double (generated with Python's decimal module at 60 digits: hi = float(2**(j/64)),
// lo = float(exact − hi)), e^r − 1 − r is a degree-7 Taylor polynomial (the next term is below
// 2^-75), and T·r is formed exactly (Dekker's product) so that only the last addition rounds.

const EXP_T_HI = new Float64Array([
  1.0, 1.0108892860517005, 1.0218971486541166, 1.0330248790212284, 1.0442737824274138, 1.0556451783605572,
  1.0671404006768237, 1.0787607977571199, 1.0905077326652577, 1.102382583307841, 1.1143867425958924,
  1.1265216186082418, 1.1387886347566916, 1.1511892299529827, 1.1637248587775775, 1.1763969916502812,
  1.189207115002721, 1.202156731452703, 1.215247359980469, 1.22848053610687, 1.241857812073484, 1.255380757024691,
  1.2690509571917332, 1.2828700160787783, 1.2968395546510096, 1.3109612115247644, 1.3252366431597413,
  1.339667524053303, 1.3542555469368927, 1.3690024229745905, 1.383909881963832, 1.3989796725383112,
  Math.SQRT2, 1.42961333839197, 1.4451808069770467, 1.460917794180647, 1.4768261459394993,
  1.4929077282912648, 1.5091644275934228, 1.5255981507445384, 1.5422108254079407, 1.559004400237837,
  1.5759808451078865, 1.593142151342267, 1.6104903319492543, 1.6280274218573478, 1.645755478153965,
  1.6636765803267364, 1.681792830507429, 1.7001063537185235, 1.718619298122478, 1.7373338352737062,
  1.7562521603732995, 1.7753764925265212, 1.7947090750031072, 1.8142521755003989, 1.8340080864093424,
  1.8539791250833855, 1.8741676341103, 1.8945759815869656, 1.9152065613971474, 1.9360617934922943,
  1.9571441241754002, 1.978456026387951,
]);

const EXP_T_LO = new Float64Array([
  0.0, -1.5234778603368577e-17, 5.109225028973444e-17, 7.600838874027088e-18, 8.551889705537965e-17,
  1.759325738772092e-18, -7.899853966841582e-17, -6.656660436056593e-17, -3.046782079812471e-17,
  5.2660368715706944e-17, 1.0410278456845571e-16, 5.165856758795457e-17, 8.912812676025408e-17,
  3.250710218863827e-17, 3.8292048369240935e-17, 5.554203254218079e-17, 3.982015231465646e-17,
  6.644981499252301e-17, -7.712630692681488e-17, -1.89878163130253e-17, 4.658027591836937e-17,
  -6.7113898212968784e-18, 2.667932131342186e-18, 1.713594918243561e-17, 2.5382502794888315e-17,
  -7.181536135519454e-17, -2.8587312100388614e-17, 8.927282594831732e-17, 7.70094837980299e-17,
  9.593797919118849e-17, -6.770511658794786e-17, -9.614213209051323e-17, -9.667293313452913e-17,
  -1.2031642489053655e-17, -3.0237581349939873e-17, -5.600377186075216e-17, -3.483994556892796e-17,
  1.4192920154284036e-17, -1.016455327754295e-16, -1.1024941712342561e-16, 7.949834809697621e-17,
  3.7812070533575275e-17, -1.0136916471278304e-17, -1.0094406542311964e-16, 2.4707192569797888e-17,
  -6.712955084707084e-17, -1.0125679913674773e-16, 5.8909926967131e-17, 8.199010020581497e-17,
  -8.0237193703977e-18, -1.851380418263111e-17, 3.164389299292957e-17, 2.960140695448873e-17,
  6.429731796556572e-17, 1.8227458427912087e-17, -9.969531538920349e-17, 3.283107224245627e-17,
  9.761887490727594e-17, -6.122763413004143e-17, 3.4034035352165297e-17, -1.0619946056195963e-16,
  1.0332385960676326e-16, 8.960767791036668e-17, 4.0388753109278167e-17,
]);

/** Veltkamp's splitting constant 2^27 + 1. */
const SPLIT = 134217729;
/** The high halves (26 bits) of EXP_T_HI for Dekker's product, and the rest. */
const EXP_T_HI_H = EXP_T_HI.map((t) => {
  const c = SPLIT * t;
  return c - (c - t);
});
const EXP_T_HI_L = EXP_T_HI.map((t, i) => t - (EXP_T_HI_H[i] as number));
/** Above this e^x overflows. */
const OVERFLOW = 709.782712893384;
/** 2^e for e = −1074 … 1023. */
const POW2 = Float64Array.from({ length: 2098 }, (_, i) => 2 ** (i - 1074));
// The other constants are written as literals where they are used (a module-level number is
// reloaded and type-checked at every use in code V8 compiles outside on-stack replacement):
//   64/ln 2 = 92.33248261689366;
//   ln2/64 = L_HI + L_LO, L_HI = 0.010830424696223417 (36 significant bits), L_LO = 2.572804622327669e-14;
//   UNDERFLOW = −745.1332191019412 (below it e^x rounds to 0);
//   C3 … C7 = 1/6, 1/24, 1/120, 1/720, 1/5040 = 0.16666666666666666, 0.041666666666666664,
//   0.008333333333333333, 0.001388888888888889, 0.0001984126984126984; SPLIT = 134217729.

/**
 * e^(h + l) for a double-double h + l (|l| ≤ ulp(h)), nearly always correctly rounded. Results in
 * the subnormal range are rounded twice (at most 1 ulp off there).
 *
 * @param h - The leading part of the exponent.
 * @param l - Its small trailing part.
 * @returns e^(h + l).
 * @example
 * accurateExpHiLo(1, 0); // => 2.718281828459045
 */
export function accurateExpHiLo(h: number, l: number): number {
  // Constants as literals and a branch-free Math.round: see accurateExpInPlace for why.
  if (!(h < 709.782712893384)) return h > OVERFLOW ? Infinity : h === OVERFLOW ? Math.exp(h) : h;
  if (h < -745.1332191019412) return 0;
  const x = h * 92.33248261689366;
  const fl = Math.floor(x);
  const kf = fl + +(x - fl >= 0.5);
  const t = h - kf * 0.010830424696223417;
  const d = l - kf * 2.572804622327669e-14;
  const r = t + d;
  const rLo = t - r + d;
  const k = kf | 0;
  const j = k & 63;
  const e = k >> 6;
  const r2 = r * r;
  // e^r − 1 − r = r²/2 + … + r⁷/5040, plus rLo (whose square is negligible) and the r·rLo term.
  const p = rLo + r * rLo + r2 * (0.5 + 0.16666666666666666 * r + r2 * (0.041666666666666664 + 0.008333333333333333 * r + r2 * (0.001388888888888889 + 0.0001984126984126984 * r)));
  const th = EXP_T_HI[j] as number;
  const tl = EXP_T_LO[j] as number;
  // Dekker: T·r = prod + err exactly.
  const c = 134217729 * r;
  const rh = c - (c - r);
  const rl = r - rh;
  const thh = EXP_T_HI_H[j] as number;
  const thl = EXP_T_HI_L[j] as number;
  const prod = th * r;
  const err = thh * rh - prod + thh * rl + thl * rh + thl * rl;
  // T + prod (|prod| < T/90, Fast2Sum), then everything small, then one rounding.
  const s = th + prod;
  const e1 = prod - (s - th);
  const res = s + (e1 + err + th * p + tl * (1 + r + p));
  // e reaches −1075 just above UNDERFLOW: halve first (exact, res is normal), so one rounding remains.
  if (e < -1022 || e > 1023) return e > 1023 ? res * 2 * (POW2[2097] as number) : e < -1074 ? res * 0.5 * (POW2[e + 1075] as number) : res * (POW2[e + 1074] as number);
  return res * (POW2[e + 1074] as number);
}

/**
 * e^x, nearly always correctly rounded (see the file comment).
 *
 * @param x - Any double (NaN gives NaN, ±Infinity give Infinity and 0).
 * @returns e^x.
 * @example
 * accurateExp(-1); // => 0.36787944117144233
 */
export function accurateExp(x: number): number {
  return accurateExpHiLo(x, 0);
}

/** EXP_T_HI, EXP_T_LO, EXP_T_HI_H, EXP_T_HI_L interleaved: four entries per j, one lookup's cache line. */
const EXP_T4 = Float64Array.from({ length: 4 * 64 }, (_, i) =>
  [EXP_T_HI, EXP_T_LO, EXP_T_HI_H, EXP_T_HI_L][i & 3]?.[i >> 2] as number,
);

/**
 * out[i] ← accurateExp(out[i]) for i0 ≤ i < i1, bit for bit (lognormal's exponentials).
 *
 * The loop holds accurateExpHiLo's operations for l = 0 itself: V8 does not inline that function
 * (its bytecode is over the inlining budget), and the call cost as much as the arithmetic. Arguments
 * outside [UNDERFLOW, OVERFLOW) (and NaN) go to accurateExp.
 *
 * @param out - Exponents, replaced by their exponentials.
 * @param i0 - First index.
 * @param i1 - One past the last index.
 * @example
 * const v = Float64Array.of(0, 1);
 * accurateExpInPlace(v, 0, 2); // v = [1, 2.718281828459045]
 */
export function accurateExpInPlace(out: Float64Array, i0: number, i1: number): void {
  // Locals: a module-level table is reloaded, hole- and map-checked at every use.
  const tab = EXP_T4;
  const pow2 = POW2;
  for (let i = i0; i < i1; i++) {
    const h = out[i] as number;
    if (!(h < 709.782712893384 && h >= -745.1332191019412)) {
      out[i] = accurateExp(h);
      continue;
    }
    // Math.round(x), branch-free: V8 rounds up and then corrects with a branch that mispredicts
    // on half of random arguments. x − ⌊x⌋ is exact here (|x| < 2^17), so ≥ 0.5 decides exactly as
    // Math.round does (up to the sign of a zero kf, which no result below depends on).
    const x = h * 92.33248261689366;
    const fl = Math.floor(x);
    const kf = fl + +(x - fl >= 0.5);
    const t = h - kf * 0.010830424696223417;
    // 0 − kf·L_LO, not −(kf·L_LO): accurateExpHiLo's l − kf·L_LO with l = 0, signed zeros included.
    const d = 0 - kf * 2.572804622327669e-14;
    const r = t + d;
    const rLo = t - r + d;
    const k = kf | 0;
    const j = k & 63;
    const e = k >> 6;
    const r2 = r * r;
    const p = rLo + r * rLo + r2 * (0.5 + 0.16666666666666666 * r + r2 * (0.041666666666666664 + 0.008333333333333333 * r + r2 * (0.001388888888888889 + 0.0001984126984126984 * r)));
    const th = tab[4 * j] as number;
    const tl = tab[4 * j + 1] as number;
    const c = 134217729 * r;
    const rh = c - (c - r);
    const rl = r - rh;
    const thh = tab[4 * j + 2] as number;
    const thl = tab[4 * j + 3] as number;
    const prod = th * r;
    const err = thh * rh - prod + thh * rl + thl * rh + thl * rl;
    const s = th + prod;
    const e1 = prod - (s - th);
    const res = s + (e1 + err + th * p + tl * (1 + r + p));
    // e reaches 1024 just below OVERFLOW and −1075 just above UNDERFLOW, as in accurateExpHiLo.
    out[i] = e > 1023 ? res * 2 * (pow2[2097] as number) : e < -1074 ? res * 0.5 * (pow2[e + 1075] as number) : res * (pow2[e + 1074] as number);
  }
}
