import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKernel, minusLog1m, minusLog1mInPlace, power, powerInPlace } from '../../src/special/power.ts';
import { ulp } from '../support/ulp.ts';
import { golden } from './golden.ts';

// x^k (special/power.ts): the Weibull family's cdf, sf and ppf. The scalar function and the
// WebAssembly SIMD kernel must agree bit for bit, and both be within about an ulp of mpmath.

/** Bases and exponents that reach every branch: specials, subnormals, the ends of the range, huge k. */
const base = fc.oneof(
  fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
  fc.double({ min: 0.5, max: 2, noNaN: true }),
  fc.constantFrom(0, -0, -1, -2.5, 5e-324, 1e-310, 2 ** -1022, Number.MAX_VALUE, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN),
  fc.double({ noNaN: false }),
);
const exponent = fc.oneof(
  fc.double({ min: -50, max: 50, noNaN: true }),
  fc.constantFrom(0, 1, 1.5, 1 / 1.5, 0.3, 2 ** 49, 2 ** 50, -(2 ** 50), 1e300, Number.POSITIVE_INFINITY, Number.NaN),
  fc.double({ min: -1e4, max: 1e4, noNaN: true }),
);

describe('power against mpmath (special.json)', () => {
  it('is within 1 ulp of mpmath.power(x, k) where |k·ln x| < 400 and 3 ulp up to 709 (2,193 pairs: bench grids, x near 1, both ends of the range, random)', () => {
    const block = golden('power');
    let worstNear = 0;
    let worstFar = 0;
    block.args.forEach(([x, k], i) => {
      const expected = block.values[i] as number;
      const err = Math.abs(power(x as number, k as number) - expected) / ulp(expected);
      // |k·ln x| large: ln x's relative error (≈ 2^−58, fdlibm's polynomial and the rounding of its
      // small terms) is multiplied by k.
      if (Math.abs((k as number) * Math.log(x as number)) < 400) worstNear = Math.max(worstNear, err);
      else worstFar = Math.max(worstFar, err);
      expect(err, `power(${x}, ${k})`).toBeLessThanOrEqual(3);
    });
    expect(worstNear).toBeLessThanOrEqual(1);
    expect(worstFar).toBeGreaterThan(0);
  });
});

describe('power', () => {
  it('is Math.pow wherever the method does not apply: bases that are not positive normal doubles, |k| ≥ 2^50, results out of range', () => {
    for (const x of [0, -0, -1, 5e-324, 1e-310, Number.POSITIVE_INFINITY, Number.NaN]) {
      for (const k of [1.5, -2, 0.5, 0]) expect(Object.is(power(x, k), Math.pow(x, k)), `${x}^${k}`).toBe(true);
    }
    for (const [x, k] of [[2, 2 ** 50], [3, Number.NaN], [1e300, 12.5], [1e-300, 12.5], [2, 1100], [2, -1100]] as const) {
      expect(Object.is(power(x, k), Math.pow(x, k)), `${x}^${k}`).toBe(true);
    }
  });

  it('property: within 2 ulp of Math.pow (itself within half an ulp)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true }), (x, k) => {
        const want = Math.pow(x, k);
        fc.pre(want > 1e-300 && want < 1e300);
        expect(Math.abs(power(x, k) - want)).toBeLessThanOrEqual(2 * ulp(want));
      }),
      { numRuns: 20_000 },
    );
  });

  it('property: increasing in x for k > 0 and decreasing for k < 0, over nearby bases', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-100, max: 1e100, noNaN: true }), fc.double({ min: 1.000001, max: 1.1, noNaN: true }), fc.double({ min: 0.05, max: 20, noNaN: true }), (x, step, k) => {
        expect(power(x * step, k)).toBeGreaterThanOrEqual(power(x, k));
        expect(power(x * step, -k)).toBeLessThanOrEqual(power(x, -k));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('powerInPlace', () => {
  it('compiles its WebAssembly kernel in this Node, so the tests below exercise the SIMD path', () => {
    expect(createKernel((globalThis as { WebAssembly?: never }).WebAssembly ?? null)).toBeDefined();
  });

  it('property: equals power point by point, bit for bit, any bases and exponent, any range', () => {
    fc.assert(
      fc.property(fc.array(base, { minLength: 0, maxLength: 2100 }), exponent, fc.nat(5), (xs, k, cut) => {
        const v = Float64Array.from(xs);
        const i0 = Math.min(cut, v.length);
        const before = v.slice();
        powerInPlace(v, i0, v.length, k);
        for (let i = 0; i < v.length; i++) {
          const want = i < i0 ? (before[i] as number) : power(before[i] as number, k);
          expect(Object.is(v[i], want), `index ${i}: ${before[i]}^${k} gave ${v[i]}, power gives ${want}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the entries outside [i0, i1) alone', () => {
    const v = Float64Array.of(4, 9, 16, 25, 36);
    powerInPlace(v, 1, 3, 0.5);
    expect(Array.from(v)).toEqual([4, 3, 4, 25, 36]);
  });
});

describe('minusLog1m', () => {
  it('is within 1 ulp of −mpmath.log1p(−p) over 1,523 p: tiny, near ½ and 1, random (special.json)', () => {
    const block = golden('minusLog1m');
    let worst = 0;
    block.args.forEach(([p], i) => {
      const expected = block.values[i] as number;
      const err = Math.abs(minusLog1m(p as number) - expected) / ulp(expected);
      worst = Math.max(worst, err);
      expect(err, `minusLog1m(${p})`).toBeLessThanOrEqual(1);
    });
    expect(worst).toBeGreaterThan(0);
  });

  it('is −Math.log1p(−p) outside (0, 1): 0 at 0 and −0, Infinity at 1, NaN beyond and for NaN', () => {
    for (const p of [0, -0, 1, -0.5, 1.5, Number.NaN, Number.NEGATIVE_INFINITY]) expect(Object.is(minusLog1m(p), -Math.log1p(-p)), String(p)).toBe(true);
  });

  it('property: increasing in p', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(minusLog1m(lo)).toBeLessThanOrEqual(minusLog1m(hi));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('minusLog1mInPlace', () => {
  it('property: equals minusLog1m point by point, bit for bit, any inputs and range', () => {
    const p = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1e-15, noNaN: true }),
      fc.double({ min: 0.999999, max: 1, noNaN: true }),
      fc.constantFrom(0, -0, 1, -0.5, 1.5, 5e-324, Number.NaN, Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(fc.array(p, { minLength: 0, maxLength: 2100 }), fc.nat(5), (ps, cut) => {
        const v = Float64Array.from(ps);
        const i0 = Math.min(cut, v.length);
        const before = v.slice();
        minusLog1mInPlace(v, i0, v.length);
        for (let i = 0; i < v.length; i++) {
          const want = i < i0 ? (before[i] as number) : minusLog1m(before[i] as number);
          expect(Object.is(v[i], want), `index ${i}: p = ${before[i]} gave ${v[i]}, minusLog1m gives ${want}`).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('powerInPlace and minusLog1mInPlace without WebAssembly', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('gives the same values through `power` alone', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    const scriptOnly = await import('../../src/special/power.ts');
    expect(scriptOnly.createKernel(null)).toBeUndefined();
    const xs = Float64Array.from({ length: 3000 }, (_, i) => 1e-3 + i * 0.37);
    const a = xs.slice();
    const b = xs.slice();
    scriptOnly.powerInPlace(a, 0, a.length, 1 / 1.5);
    powerInPlace(b, 0, b.length, 1 / 1.5);
    expect(a).toEqual(b);
    const ps = Float64Array.from({ length: 3000 }, (_, i) => (i + 0.5) / 3000);
    const c = ps.slice();
    const d = ps.slice();
    scriptOnly.minusLog1mInPlace(c, 0, c.length);
    minusLog1mInPlace(d, 0, d.length);
    expect(c).toEqual(d);
  });
});
