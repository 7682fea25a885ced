import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accurateExp, accurateExpHiLo, accurateExpInPlace, expNearlyRounded } from '../../src/random/accurate-exp.ts';
import { accurateLogAll } from '../../src/random/accurate-log.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import fast from '../fixtures/accurate_exp.json' with { type: 'json' };
import data from '../fixtures/random_samplers.json' with { type: 'json' };

function decode(b64: string): Float64Array {
  const bytes = Buffer.from(b64, 'base64');
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function oneUlp(y: number): number {
  return Math.max(Math.abs(y) * Number.EPSILON, Number.MIN_VALUE);
}

const m = data.math;

describe('accurateExp', () => {
  const x = decode(m.expArgs);
  const glibc = decode(m.expGlibc);
  const correct = decode(m.expCorrect);

  it('is within one ulp of the correctly rounded e^x and nearly always equal to glibc’s exp', () => {
    let same = 0;
    let v8 = 0;
    for (let i = 0; i < x.length; i++) {
      const y = accurateExp(x[i] as number);
      // mpmath (60 digits): float(mpmath.exp(x))
      expect(Math.abs(y - (correct[i] as number))).toBeLessThanOrEqual(oneUlp(correct[i] as number));
      // python: math.exp(x) (glibc)
      if (y === glibc[i]) same++;
      if (Math.exp(x[i] as number) === glibc[i]) v8++;
    }
    expect(same / x.length).toBeGreaterThanOrEqual(0.995);
    expect(same).toBeGreaterThan(v8);
  });

  it('edge cases: 0, ±Infinity, NaN, overflow and underflow', () => {
    expect(accurateExp(0)).toBe(1);
    expect(accurateExp(Infinity)).toBe(Infinity);
    expect(accurateExp(-Infinity)).toBe(0);
    expect(accurateExp(Number.NaN)).toBeNaN();
    expect(accurateExp(710)).toBe(Infinity);
    expect(accurateExp(-746)).toBe(0);
    expect(accurateExp(1)).toBe(Math.E);
  });

  it('the subnormal results down to the underflow threshold, in place too (−745.13 … −744.45 gave NaN: a scale index of −1)', () => {
    const xs = [-745.1332191019411, -745.13, -745, -744.9, -744.5, -744.45, -744.44, -740, -720, -708.5];
    for (let i = 0; i <= 2000; i++) xs.push(-745.1332191019411 + (i * (745.1332191019411 - 708)) / 2000);
    for (const x of xs) {
      // Subnormals are multiples of 2^−1074: within one of those of Math.exp (both nearly correctly rounded).
      expect(Math.abs(accurateExp(x) - Math.exp(x))).toBeLessThanOrEqual(Number.MIN_VALUE);
    }
    expectInPlaceMatches(xs);
  });

  it('property: monotone and within one ulp of Math.exp', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), fc.double({ min: -700, max: 700, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(accurateExp(lo)).toBeLessThanOrEqual(accurateExp(hi));
        expect(Math.abs(accurateExp(a) - Math.exp(a))).toBeLessThanOrEqual(2 * oneUlp(Math.exp(a)));
      }),
    );
  });
});

/** accurateExpInPlace over the whole of xs, compared with accurateExp element by element (bits, signed zeros, NaN). */
function expectInPlaceMatches(xs: readonly number[] | Float64Array): void {
  const out = Float64Array.from(xs);
  accurateExpInPlace(out, 0, out.length);
  for (let i = 0; i < out.length; i++) {
    const expected = accurateExp(xs[i] as number);
    if (!Object.is(out[i], expected)) expect([xs[i], out[i]]).toEqual([xs[i], expected]);
  }
}

/** The arguments of accurate_exp.py, rebuilt from the same doubles (every operation is one IEEE rounding). */
function fastPathArgs(count: number, seed: number): Float64Array {
  const rs = createRandomState(seed);
  const xs = new Float64Array(count);
  for (let i = 0; i < count; ) {
    const a = rs.randomSample();
    const b = rs.randomSample();
    const five = [(a - 0.5) * 20, (a - 0.5) * 1400, (2 * a - 1) * 2 ** -Math.trunc(60 * b), 705 + 4 * a, -705 - 3 * a];
    for (const x of five) if (i < count) xs[i++] = x;
  }
  return xs;
}

describe('accurateExpInPlace', () => {
  it('equals accurateExp bit for bit on the golden arguments', () => {
    expectInPlaceMatches(decode(m.expArgs));
  });

  it('equals accurateExp at the edges: signed zeros, ±Infinity, NaN, the overflow and underflow ends, rounding ties of x·64/ln 2', () => {
    const ln2Over64 = Math.LN2 / 64;
    const edges = [0, -0, Infinity, -Infinity, Number.NaN, 1, -1, 709.782712893383, 709.782712893384, 709.7827128933841];
    edges.push(-745.1332191019412, -745.1332191019411, -745.13, -744.44, -708.4, -745.2, 5e-324, -5e-324, 1e-300, -1e-300);
    // Arguments whose x = h·64/ln 2 lies at or next to a half-integer, where Math.round's ties go up.
    for (const k of [-68800, -1000, -3, -1, 0, 1, 2, 63, 64, 1000, 65535]) {
      const h = (k + 0.5) * ln2Over64;
      edges.push(h, h + Number.EPSILON * Math.abs(h), h - Number.EPSILON * Math.abs(h));
    }
    // Around Math.round's 0.49999999999999994 (which rounds to 0) and ±0.5.
    for (const x of [0.49999999999999994, 0.5, -0.49999999999999994, -0.5, -0.5000000000000001]) edges.push(x * ln2Over64);
    expectInPlaceMatches(edges);
  });

  it('is the correctly rounded e^x on 131072 golden arguments (decimal, 60 digits)', () => {
    const xs = fastPathArgs(fast.count, 12);
    const low = Buffer.from(fast.lowBytes, 'base64');
    const out = xs.slice();
    accurateExpInPlace(out, 0, out.length);
    const f64 = new Float64Array(1);
    const u8 = new Uint8Array(f64.buffer);
    let same = 0;
    for (let i = 0; i < xs.length; i++) {
      const y = out[i] as number;
      // Within 2 ulp of Math.exp (< 1 ulp from e^x), the low byte singles out the correctly rounded value.
      expect(Math.abs(y - Math.exp(xs[i] as number))).toBeLessThanOrEqual(2 * oneUlp(y));
      f64[0] = y;
      if (u8[0] === low[i]) same++;
    }
    // python: float(Decimal(x).exp()) low bytes; measured: 131072 of 131072 identical
    expect(same).toBe(xs.length);
  });

  it('equals accurateExp bit for bit on 10^6 arguments, near ties included', () => {
    expectInPlaceMatches(fastPathArgs(1_000_000, 3));
  });

  it('accurateExp (whose fast path it shares) is accurateExpHiLo(x, 0) bit for bit on 10^6 arguments', () => {
    const xs = fastPathArgs(1_000_000, 5);
    let differ = 0;
    for (const x of xs) if (!Object.is(accurateExp(x), accurateExpHiLo(x, 0))) differ++;
    expect(differ).toBe(0);
  });

  it('touches only out[i0 … i1)', () => {
    const out = Float64Array.of(1, 2, 3, 4);
    accurateExpInPlace(out, 1, 3);
    expect([out[0], out[3]]).toEqual([1, 4]);
    expect([out[1], out[2]]).toEqual([accurateExp(2), accurateExp(3)]);
  });

  it('property: equals accurateExp bit for bit on any doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.double({ min: -750, max: 750 }), fc.double({ min: -2, max: 2 }))), (xs) => {
        expectInPlaceMatches(xs);
      }),
    );
  });
});

describe('Math.pow as the samplers use it', () => {
  const u = decode(m.powBase);
  const y = decode(m.powExp);
  const glibc = decode(m.powGlibc);
  const correct = decode(m.powCorrect);

  it('returns glibc’s pow (what numpy calls) on the golden arguments, within one ulp of the exact value', () => {
    let same = 0;
    for (let i = 0; i < u.length; i++) {
      const v = Math.pow(u[i] as number, y[i] as number);
      // mpmath (60 digits): float(mpmath.power(u, y))
      expect(Math.abs(v - (correct[i] as number))).toBeLessThanOrEqual(oneUlp(correct[i] as number));
      // python: math.pow(u, y) (glibc)
      if (v === glibc[i]) same++;
    }
    // Measured on Node 24: 2048 of 2048 (and 200 000 of 200 000 in a wider check).
    expect(same / u.length).toBeGreaterThanOrEqual(0.995);
  });
});

describe('accurateLogAll', () => {
  it('exact cases and the whole range', () => {
    expect(accurateLogAll(1)).toBe(0);
    expect(accurateLogAll(2 ** 1000)).toBe(693.1471805599454);
    expect(accurateLogAll(Number.MIN_VALUE)).toBe(-744.4400719213812);
    expect(accurateLogAll(0)).toBe(-Infinity);
    expect(accurateLogAll(-1)).toBeNaN();
  });

  it('property: within one ulp of Math.log', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1.7e308, noNaN: true }), (x) => {
        expect(Math.abs(accurateLogAll(x) - Math.log(x))).toBeLessThanOrEqual(oneUlp(Math.log(x)));
      }),
    );
  });
});

describe('expNearlyRounded', () => {
  it('is within one ulp of the correctly rounded e^x on 131072 golden arguments (decimal, 60 digits), and equal to it outside near ties', () => {
    const xs = fastPathArgs(fast.count, 12);
    const low = Buffer.from(fast.lowBytes, 'base64');
    const exact = xs.slice();
    accurateExpInPlace(exact, 0, exact.length); // the correctly rounded values (the test above)
    const f64 = new Float64Array(1);
    const u8 = new Uint8Array(f64.buffer);
    let same = 0;
    for (let i = 0; i < xs.length; i++) {
      const y = expNearlyRounded(xs[i] as number, 0);
      const e = exact[i] as number;
      f64[0] = e;
      expect(u8[0]).toBe(low[i]);
      expect(Math.abs(y - e)).toBeLessThanOrEqual(oneUlp(e));
      if (y === e) same++;
    }
    // It differs only where the fast path's rounding test would have sent x to the exact path
    // (about 1.6 % of arguments are near ties, and about half of those round the other way).
    expect(same / xs.length).toBeGreaterThan(0.98);
  });

  it('property: e^(h + l) within one ulp of accurateExpHiLo for a double-double exponent, also outside (−700, 700)', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (h, t) => {
        const l = t * Math.abs(h) * Number.EPSILON;
        const y = expNearlyRounded(h, l);
        const ref = accurateExpHiLo(h, l);
        expect(Math.abs(y - ref)).toBeLessThanOrEqual(oneUlp(ref));
      }),
    );
    expect(expNearlyRounded(-0.5, 0)).toBe(Math.exp(-0.5));
    expect(expNearlyRounded(Number.NaN, 0)).toBeNaN();
    expect(expNearlyRounded(Number.NEGATIVE_INFINITY, 0)).toBe(0);
    expect(expNearlyRounded(Number.POSITIVE_INFINITY, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});
