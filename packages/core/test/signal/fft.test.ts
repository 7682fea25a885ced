import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandomState } from '../../src/random/random-state.ts';
import { fft, fftConvolve, ifft } from '../../src/signal/fft.ts';
import { expectAllClose } from '../support/expect-close.ts';
import data from '../fixtures/fft.json' with { type: 'json' };

/** Largest |value| of two arrays together, the scale for absolute FFT tolerances. */
function norm(...arrays: ArrayLike<number>[]): number {
  let m = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] as number));
  return m;
}

describe('fft and ifft', () => {
  it('match numpy.fft.fft / numpy.fft.ifft (sizes 1 … 1024)', () => {
    for (const t of data.transforms) {
      // numpy 2.4: rs = RandomState(seed); re, im = rs.uniform(-1, 1, n) twice; np.fft.fft(re + 1j*im)
      const rs = createRandomState(t.seed);
      const re0 = rs.uniform(-1, 1, t.n);
      const im0 = rs.uniform(-1, 1, t.n);
      const re = re0.slice();
      const im = im0.slice();
      fft(re, im);
      // Rounding grows like u·log₂N·‖x‖₁-ish; 1e-15·N·max covers N = 1024 with margin.
      const tol = { rel: 0, abs: 4e-16 * Math.max(1, Math.log2(t.n)) * Math.sqrt(t.n) * norm(t.fftRe, t.fftIm) };
      expectAllClose(re, t.fftRe, tol);
      expectAllClose(im, t.fftIm, tol);
      const re2 = re0.slice();
      const im2 = im0.slice();
      ifft(re2, im2);
      const tol2 = { rel: 0, abs: 4e-16 * Math.max(1, Math.log2(t.n)) * Math.sqrt(t.n) * norm(t.ifftRe, t.ifftIm) };
      expectAllClose(re2, t.ifftRe, tol2);
      expectAllClose(im2, t.ifftIm, tol2);
    }
  });

  it('a worked example: fft([1, 2, 3, 4]) = [10, −2 + 2i, −2, −2 − 2i]', () => {
    const re = Float64Array.of(1, 2, 3, 4);
    const im = new Float64Array(4);
    fft(re, im);
    expect(Array.from(re)).toEqual([10, -2, -2, -2]);
    expect(Array.from(im)).toEqual([0, 2, 0, -2]);
  });

  it('property: ifft(fft(x)) = x and Parseval Σ|x|² = Σ|X|²/N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (logN, seed) => {
        const n = 2 ** logN;
        const rs = createRandomState(seed);
        const re0 = rs.uniform(-5, 5, n);
        const im0 = rs.uniform(-5, 5, n);
        const re = re0.slice();
        const im = im0.slice();
        fft(re, im);
        let e1 = 0;
        let e2 = 0;
        for (let i = 0; i < n; i++) {
          e1 += (re0[i] as number) ** 2 + (im0[i] as number) ** 2;
          e2 += (re[i] as number) ** 2 + (im[i] as number) ** 2;
        }
        expect(Math.abs(e1 - e2 / n)).toBeLessThanOrEqual(1e-13 * e1 + 1e-300);
        ifft(re, im);
        expectAllClose(re, re0, { rel: 0, abs: 1e-14 * 5 });
        expectAllClose(im, im0, { rel: 0, abs: 1e-14 * 5 });
      }),
      { numRuns: 50 },
    );
  });

  it('the transform of a delta is flat and of a constant is a delta', () => {
    const re = new Float64Array(16);
    const im = new Float64Array(16);
    re[0] = 1;
    fft(re, im);
    expect(Array.from(re)).toEqual(Array.from({ length: 16 }, () => 1));
    expectAllClose(im, new Float64Array(16), { abs: 0 });
    const c = new Float64Array(8).fill(2);
    const ci = new Float64Array(8);
    fft(c, ci);
    expectAllClose(c, [16, 0, 0, 0, 0, 0, 0, 0], { rel: 0, abs: 1e-15 });
  });

  describe('edge cases', () => {
    it('length 1 is the identity; length 0 is rejected', () => {
      const re = Float64Array.of(3);
      const im = Float64Array.of(-1);
      fft(re, im);
      expect([re[0], im[0]]).toEqual([3, -1]);
      expect(() => fft(new Float64Array(0), new Float64Array(0))).toThrow(/fft: the length must be a power of two/);
    });
    it('lengths must be equal powers of two', () => {
      expect(() => fft(new Float64Array(6), new Float64Array(6))).toThrow(/got 6/);
      expect(() => ifft(new Float64Array(4), new Float64Array(8))).toThrow(/ifft: re and im must have the same length/);
    });
    it('inputs must be Float64Arrays (transformed in place)', () => {
      expect(() => fft([1, 2] as unknown as Float64Array, new Float64Array(2))).toThrow(TypeError);
    });
    it('NaN propagates through the transform (it is the caller’s data, not skipped)', () => {
      const re = Float64Array.of(1, Number.NaN);
      const im = new Float64Array(2);
      fft(re, im);
      expect(Number.isNaN(re[0])).toBe(true);
    });
  });
});

describe('fftConvolve', () => {
  it('matches numpy.convolve(a, b) (mode full)', () => {
    for (const c of data.convolutions) {
      const rs = createRandomState(c.seed);
      const a = rs.uniform(-1, 1, c.na);
      const b = rs.uniform(-1, 1, c.nb);
      // numpy 2.4: np.convolve(a, b); FFT rounding is ~u·log₂N·Σ|a|·max|b|
      expectAllClose(fftConvolve(a, b), c.full, { rel: 0, abs: 1e-15 * Math.log2(2 * (c.na + c.nb)) * c.na });
    }
  });

  it('a worked example: [1, 2, 3] ⊛ [0, 1, 0.5] = [0, 1, 2.5, 4, 1.5]', () => {
    expectAllClose(fftConvolve([1, 2, 3], [0, 1, 0.5]), [0, 1, 2.5, 4, 1.5], { rel: 0, abs: 1e-15 });
  });

  it('property: convolution is commutative and sums multiply', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (a, b) => {
          const ab = fftConvolve(a, b);
          const ba = fftConvolve(b, a);
          const scale = 1e-13 * 100 * Math.max(a.length, b.length);
          expectAllClose(ab, ba, { rel: 0, abs: scale });
          const sa = a.reduce((s, v) => s + v, 0);
          const sb = b.reduce((s, v) => s + v, 0);
          expect(Math.abs(ab.reduce((s, v) => s + v, 0) - sa * sb)).toBeLessThanOrEqual(scale * Math.max(a.length, b.length));
        },
      ),
    );
  });

  describe('edge cases', () => {
    it('empty inputs are rejected', () => expect(() => fftConvolve([], [1])).toThrow(/fftConvolve: a is empty/));
    it('one value each: the product', () => expectAllClose(fftConvolve([3], [-2]), [-6], { abs: 1e-15 }));
    it('NaN and ±Infinity are rejected', () => {
      expect(() => fftConvolve([1, Number.NaN], [1])).toThrow(/fftConvolve: a\[1\] is NaN/);
      expect(() => fftConvolve([1], [Infinity])).toThrow(/fftConvolve: b\[0\] is Infinity/);
    });
    it('a 1e9 offset: relative accuracy is kept', () => {
      const c = fftConvolve([1e9, 1e9], [1, 1]);
      expectAllClose(c, [1e9, 2e9, 1e9], { rel: 1e-15 });
    });
  });
});
