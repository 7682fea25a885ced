// Exact rational arithmetic on doubles for reference values in property tests. Every finite double
// is m·2^e with integer m, so sums and products of doubles are exact as BigInt dyadic rationals;
// a result is rounded to a double once, at the end. This is the JS twin of Python's
// fractions.Fraction, used where a test needs the exact answer for random inputs.

/** A dyadic rational m·2^e. */
export interface Dyadic {
  m: bigint;
  e: number;
}

const view = new DataView(new ArrayBuffer(8));

/** The exact value of a finite double as m·2^e. */
export function dyadic(x: number): Dyadic {
  if (!Number.isFinite(x)) throw new RangeError(`dyadic: ${x} is not finite`);
  if (x === 0) return { m: 0n, e: 0 };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = biased - 1075;
  }
  return { m: sign * mant, e };
}

export function add(a: Dyadic, b: Dyadic): Dyadic {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}

export function mul(a: Dyadic, b: Dyadic): Dyadic {
  return { m: a.m * b.m, e: a.e + b.e };
}

function bitLength(m: bigint): number {
  return (m < 0n ? -m : m).toString(2).length;
}

/** The double nearest to num/den·2^e (den > 0), within about 2^−60 relative. */
export function ratioToNumber(num: bigint, den: bigint, e = 0): number {
  if (num === 0n) return 0;
  // Scale num so the integer quotient has ≥ 80 significant bits, then round once via Number().
  const shift = Math.max(0, 80 - (bitLength(num) - bitLength(den)));
  const q = (num << BigInt(shift)) / den;
  const lost = bitLength(q) - 64;
  const top = lost > 0 ? q >> BigInt(lost) : q;
  const p = e - shift + Math.max(0, lost);
  let v = Number(top);
  let k = p;
  while (k > 1000) {
    v *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    v *= 2 ** -1000;
    k += 1000;
  }
  return v * 2 ** k;
}

export function toNumber(d: Dyadic): number {
  return ratioToNumber(d.m, 1n, d.e);
}

/** The exact Σ xᵢ, rounded once. */
export function exactSum(x: ArrayLike<number>): number {
  let s: Dyadic = { m: 0n, e: 0 };
  for (let i = 0; i < x.length; i++) s = add(s, dyadic(x[i] as number));
  return toNumber(s);
}

/** The exact mean (Σ xᵢ)/n, rounded once (to ~2^−60 relative; on the subnormal grid within half a step plus that). */
export function exactMean(x: ArrayLike<number>): number {
  let s: Dyadic = { m: 0n, e: 0 };
  for (let i = 0; i < x.length; i++) s = add(s, dyadic(x[i] as number));
  return ratioToNumber(s.m, BigInt(x.length), s.e);
}

/** The exact full linear convolution, each entry rounded once. */
export function exactConvolve(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const da = Array.from(a, dyadic);
  const db = Array.from(b, dyadic);
  const out = new Float64Array(a.length + b.length - 1);
  for (let k = 0; k < out.length; k++) {
    let s: Dyadic = { m: 0n, e: 0 };
    for (let i = Math.max(0, k - b.length + 1); i <= Math.min(a.length - 1, k); i++) s = add(s, mul(da[i] as Dyadic, db[k - i] as Dyadic));
    out[k] = toNumber(s);
  }
  return out;
}

/** (n·Σx² − (Σx)²) as a dyadic; the variance is this over n·(n − ddof). */
function varianceNumerator(x: ArrayLike<number>): Dyadic {
  const n = x.length;
  let s: Dyadic = { m: 0n, e: 0 };
  let q: Dyadic = { m: 0n, e: 0 };
  for (let i = 0; i < n; i++) {
    const d = dyadic(x[i] as number);
    s = add(s, d);
    q = add(q, mul(d, d));
  }
  return add(mul({ m: BigInt(n), e: 0 }, q), mul({ m: -s.m, e: s.e }, s));
}

function isqrt(v: bigint): bigint {
  if (v < 2n) return v;
  let x = 1n << BigInt(Math.ceil(bitLength(v) / 2));
  for (;;) {
    const y = (x + v / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** The exact standard deviation √(Σ(xᵢ − x̄)²/(n − ddof)), rounded once (to ~2^−60 relative). */
export function exactStd(x: ArrayLike<number>, ddof = 0): number {
  const num = varianceNumerator(x);
  if (num.m === 0n) return 0;
  const den = BigInt(x.length) * BigInt(x.length - ddof);
  // q = num·2^(2K)/den with ≥ 200 bits and num.e − 2K even; √(q·2^(e−2K)) = isqrt(q)·2^((e−2K)/2).
  let k = Math.max(0, Math.ceil((200 - bitLength(num.m) + bitLength(den)) / 2));
  if ((num.e - 2 * k) % 2 !== 0) k += 1;
  let shift = 2 * k;
  let e = num.e - shift;
  if (e % 2 !== 0) {
    shift += 1;
    e -= 1;
  }
  const q = (num.m << BigInt(shift)) / den;
  return toNumber({ m: isqrt(q), e: e / 2 });
}

/** The exact variance Σ(xᵢ − x̄)²/(n − ddof) = (n·Σx² − (Σx)²)/(n·(n − ddof)), rounded once. */
export function exactVariance(x: ArrayLike<number>, ddof = 0): number {
  const n = x.length;
  let s: Dyadic = { m: 0n, e: 0 };
  let q: Dyadic = { m: 0n, e: 0 };
  for (let i = 0; i < n; i++) {
    const d = dyadic(x[i] as number);
    s = add(s, d);
    q = add(q, mul(d, d));
  }
  // n·q − s² with a common exponent.
  const num = add(mul({ m: BigInt(n), e: 0 }, q), mul({ m: -s.m, e: s.e }, s));
  return ratioToNumber(num.m, BigInt(n) * BigInt(n - ddof), num.e);
}
