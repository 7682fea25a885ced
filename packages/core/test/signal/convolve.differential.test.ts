// Differential tests of the two convolutions against the exact convolution (BigInt dyadic
// arithmetic, test/support/exact.ts) over random inputs at every scale of the double range:
// 1e-300 … 1e300, inputs of very different sizes, subnormals, ties and cancelling signs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convolve } from '../../src/signal/convolve.ts';
import { fftConvolve } from '../../src/signal/fft.ts';
import { exactConvolve } from '../support/exact.ts';

const U = 2 ** -53;

/** ‖x‖_p for p = 1, 2 computed on x scaled to unit max, so 1e300-sized data does not overflow. */
function norms(x: ArrayLike<number>): { n1: number; n2: number } {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] as number));
  if (m === 0) return { n1: 0, n2: 0 };
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = (x[i] as number) / m;
    s1 += Math.abs(v);
    s2 += v * v;
  }
  return { n1: s1 * m, n2: Math.sqrt(s2) * m };
}

/** The bound fftConvolve documents: 8·u·log₂(2N)·(‖a‖₁‖b‖₂ + ‖a‖₂‖b‖₁). */
function fftBound(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let size = 1;
  while (size < a.length + b.length - 1) size *= 2;
  const na = norms(a);
  const nb = norms(b);
  return 8 * U * Math.log2(2 * size) * (na.n1 * nb.n2 + na.n2 * nb.n1);
}

/** Random values of one scale 10^s: uniform in ±[0, 1], with ties (repeated values) and zeros. */
const scaledArray = (s: number, maxLength: number) =>
  fc
    .array(fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, -0.5, 1)), { minLength: 1, maxLength })
    .map((xs) => xs.map((v) => v * 10 ** s));

describe('fftConvolve against the exact convolution', () => {
  it('regression: a tiny input is not drowned by a large one (each input transformed on its own)', () => {
    // Exact: [7·3e-25, 5·3e-25, …]; the old packed transform gave errors of order 1e-16 · max|a|.
    const a = [7, -5, 2.5, 11, 0.125];
    const b = [3e-25, -1e-25];
    const got = fftConvolve(a, b);
    const exact = exactConvolve(a, b);
    for (let k = 0; k < exact.length; k++) expect(Math.abs((got[k] as number) - (exact[k] as number))).toBeLessThanOrEqual(1e-15 * 7e-25);
    // Offsets: inputs of sizes 1e12 and 1e-12 whose product is of order 1.
    const c = fftConvolve([3e12, -1e12, 4e12], [2e-12, 5e-12]);
    const exactC = exactConvolve([3e12, -1e12, 4e12], [2e-12, 5e-12]);
    for (let k = 0; k < exactC.length; k++) expect(Math.abs((c[k] as number) - (exactC[k] as number))).toBeLessThan(1e-14);
  });

  it('property: within the documented bound for inputs of independent scales 1e-300 … 1e300', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -300, max: 300 }).chain((sa) =>
          fc.tuple(
            scaledArray(sa, 40),
            fc.integer({ min: Math.max(-300, -300 - sa), max: Math.min(300, 300 - sa) }).chain((sb) => scaledArray(sb, 40)),
          ),
        ),
        ([a, b]) => {
          const got = fftConvolve(a, b);
          const exact = exactConvolve(a, b);
          const bound = fftBound(a, b);
          for (let k = 0; k < exact.length; k++) {
            // The exact result may be subnormal: its own rounding is up to 2^-1075.
            if (!(Math.abs((got[k] as number) - (exact[k] as number)) <= bound + 2 ** -1074)) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: subnormal inputs convolved with large ones keep their digits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 20), max: 2 ** 20 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (ints, b) => {
          // Subnormals m·2^-1074: exact multiples of the smallest double.
          const a = ints.map((m) => m * 2 ** -1074);
          const big = b.map((v) => v * 2 ** 1000);
          const got = fftConvolve(a, big);
          const exact = exactConvolve(a, big);
          const bound = fftBound(a, big);
          for (let k = 0; k < exact.length; k++) if (!(Math.abs((got[k] as number) - (exact[k] as number)) <= bound)) return false;
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: the result over- or underflows only when the exact result does', () => {
    // 1e200 ⊛ 1e200 overflows exactly; 1e-200 ⊛ 1e-200 underflows to 0 exactly.
    expect(Array.from(fftConvolve([1e200, 1e200], [1e200]))).toEqual([Infinity, Infinity]);
    expect(Array.from(fftConvolve([1e-200, 2e-200], [1e-200]))).toEqual([0, 0]);
  });
});

describe('convolve (direct) against the exact convolution', () => {
  it('property: each entry within γ_n·Σ|a_i·b_(k−i)| at every scale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -300, max: 300 }).chain((sa) =>
          fc.tuple(
            scaledArray(sa, 30),
            fc.integer({ min: Math.max(-300, -300 - sa), max: Math.min(300, 300 - sa) }).chain((sb) => scaledArray(sb, 30)),
          ),
        ),
        ([a, b]) => {
          const got = convolve(a, b);
          const exact = exactConvolve(a, b);
          const absA = a.map(Math.abs);
          const absB = b.map(Math.abs);
          const mag = exactConvolve(absA, absB);
          const n = Math.min(a.length, b.length);
          for (let k = 0; k < exact.length; k++) {
            const bound = (n + 1) * U * 1.01 * (mag[k] as number) + 2 ** -1074;
            if (!(Math.abs((got[k] as number) - (exact[k] as number)) <= bound)) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});
