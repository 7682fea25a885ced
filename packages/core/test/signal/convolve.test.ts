import { describe, expect, it } from 'vitest';
import { convolve, gaussianConvolution, type ConvolveMode } from '../../src/signal/convolve.ts';
import data from '../fixtures/signal.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

function total(x: ArrayLike<number>): number {
  return Array.from(x).reduce((s, v) => s + v, 0);
}

describe('convolve against np.convolve (signal.json)', () => {
  for (const c of data.convolve.cases) {
    for (const mode of ['full', 'same', 'valid'] as ConvolveMode[]) {
      it(`lengths ${c.a.length} and ${c.b.length}, mode ${mode}`, () => {
        expectAllClose(convolve(c.a, c.b, { mode }), c[mode], { rel: 1e-14, abs: 1e-15 });
      });
    }
  }

  it('is commutative and preserves sums: Σ(a ⊛ b) = Σa·Σb', () => {
    const a = [0.5, -1, 2, 3.25];
    const b = [1, 2, -0.5];
    expectAllClose(convolve(a, b), convolve(b, a));
    expectClose(total(convolve(a, b)), total(a) * total(b), { rel: 1e-15 });
  });

  it('edge cases: one value each, offsets of 1e9 and errors', () => {
    expectAllClose(convolve([3], [2]), [6]);
    expectAllClose(convolve([1e9, 1e9 + 1], [1]), [1e9, 1e9 + 1]);
    expect(() => convolve([], [1])).toThrow(/convolve: a is empty/);
    expect(() => convolve([1], [Number.NaN])).toThrow(/convolve: b\[0\] is NaN/);
    expect(() => convolve([1], [Infinity])).toThrow(/convolve: b\[0\] is Infinity/);
    expect(() => convolve([1], [1], { mode: 'circular' as ConvolveMode })).toThrow(/convolve: mode must be one of 'full', 'same', 'valid'/);
  });
});

describe('gaussianConvolution: means add and variances add', () => {
  for (const [s1, s2, m1, m2] of [
    [1, 2, 0, 0],
    [0.3, 0.4, -1, 2.5],
    [1.5, 0.2, 10, -3],
  ] as const) {
    it(`N(${m1}, ${s1}²) ⊛ N(${m2}, ${s2}²) = N(${m1 + m2}, ${s1}² + ${s2}²)`, () => {
      const c = gaussianConvolution({ sigma1: s1, sigma2: s2, mu1: m1, mu2: m2 });
      expect(c.exactVariance).toBe(s1 * s1 + s2 * s2);
      expectClose(c.variance, c.exactVariance, { rel: 1e-13 });
      expectClose(c.mean, m1 + m2, { rel: 1e-13, abs: 1e-13 });
      // pointwise against the exact density, relative to its peak
      expect(c.maxError).toBeLessThan(1e-14 / Math.sqrt(c.exactVariance));
      expect(c.x.length).toBe(c.convolution.length);
    });
  }

  it('throws on invalid parameters and on grids that would be too large', () => {
    expect(() => gaussianConvolution({ sigma1: 0, sigma2: 1 })).toThrow(/gaussianConvolution: sigma1 must be a finite number greater than 0/);
    expect(() => gaussianConvolution({ sigma1: 1, sigma2: 1, mu1: Number.NaN })).toThrow(/mu1 must be a finite number/);
    expect(() => gaussianConvolution({ sigma1: 1e-6, sigma2: 1 })).toThrow(/the grid would need \d+ points \(> 1e6\)/);
  });
});
