import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussianKde, type KdeBandwidth } from '../../src/density/kde.ts';
import { expectAllClose, expectClose } from '../support/expect-close.ts';
import data from '../fixtures/density.json' with { type: 'json' };

const datasets = data.datasets as Record<string, number[]>;

describe('gaussianKde', () => {
  it('matches scipy.stats.gaussian_kde: factor, kernel std and evaluate (scott, silverman, 0.3)', () => {
    for (const c of data.kde) {
      // scipy 1.17: k = gaussian_kde(x, bw_method); k.factor, sqrt(k.covariance), k(points)
      const k = gaussianKde(datasets[c.data] as number[], { bandwidth: c.bandwidth as KdeBandwidth });
      // scipy's neff = 1/Σ(1/n)² is n only to rounding, hence 1e-15 rather than exact.
      expectClose(k.factor, c.factor, { rel: 1e-15 });
      expectClose(k.bandwidth, c.kernelStd, { rel: 1e-14 });
      // At x ≈ 1e9 scipy whitens points and data separately ((p·W) − (xᵢ·W)), which leaves it only
      // ~1e-7 of z; core subtracts first (p − xᵢ is exact there), so it is the more accurate one.
      const rel = c.data === 'offset1e9' ? 1e-5 : 1e-12;
      expectAllClose(k.evaluate(c.points), c.density, { rel, abs: 1e-300 });
    }
  });

  it('the TSDoc example: five points, Scott factor 5^(−1/5)', () => {
    const k = gaussianKde([1, 2, 3, 4, 5]);
    expectClose(k.factor, 0.7247796636776955, { rel: 1e-15 });
    // scipy 1.17: gaussian_kde([1, 2, 3, 4, 5])([3])
    expectClose(k.evaluate([3])[0] as number, 0.1951493524376492, { rel: 1e-14 });
    expectClose(k.bandwidth, 1.1459772694961639, { rel: 1e-15 });
    expect(k.n).toBe(5);
  });

  it('property: the density integrates to 1 and is symmetric for symmetric data', () => {
    fc.assert(
      // Values on a 1/64 lattice, so the spread is never a subnormal rounding to zero variance.
      fc.property(fc.array(fc.integer({ min: -640, max: 640 }).map((k) => k / 64), { minLength: 2, maxLength: 40 }), (half) => {
        const xs = [...half, ...half.map((v) => -v)];
        if (new Set(xs).size < 2) return;
        const k = gaussianKde(xs);
        const h = k.bandwidth;
        const lo = Math.min(...xs) - 9 * h;
        const hi = Math.max(...xs) + 9 * h;
        const m = 4000;
        const pts = Float64Array.from({ length: m + 1 }, (_, i) => lo + ((hi - lo) * i) / m);
        const f = k.evaluate(pts);
        let area = 0;
        for (let i = 0; i < m; i++) area += (((f[i] as number) + (f[i + 1] as number)) / 2) * ((hi - lo) / m);
        expect(Math.abs(area - 1)).toBeLessThan(2e-3);
        const g = k.evaluate(pts.map((p) => -p));
        expectAllClose(g, f, { rel: 1e-10, abs: 1e-300 });
      }),
      { numRuns: 30 },
    );
  });

  describe('edge cases', () => {
    it('fewer than 2 values throws', () => {
      expect(() => gaussianKde([])).toThrow(/gaussianKde: x has 0 values; at least 2 are required/);
      expect(() => gaussianKde([1])).toThrow(/gaussianKde: x has 1 value; at least 2 are required/);
    });
    it('σ = 0 throws (scipy raises a singular-matrix error)', () => {
      expect(() => gaussianKde([2, 2, 2])).toThrow(/gaussianKde: x has zero variance/);
    });
    it('NaN and ±Infinity throw with the index', () => {
      expect(() => gaussianKde([1, 2, Number.NaN])).toThrow(/gaussianKde: x\[2\] is NaN/);
      expect(() => gaussianKde(Float64Array.of(1, Infinity))).toThrow(/x\[1\] is Infinity/);
      expect(() => gaussianKde([1, 2]).evaluate([Number.NaN])).toThrow(/gaussianKde.evaluate: points\[0\] is NaN/);
    });
    it('a bad bandwidth is rejected', () => {
      expect(() => gaussianKde([1, 2], { bandwidth: 0 })).toThrow(/bandwidth must be 'scott', 'silverman' or a finite number > 0/);
      expect(() => gaussianKde([1, 2], { bandwidth: 'wide' as KdeBandwidth })).toThrow(RangeError);
    });
    it('far from the data the density is exactly 0, not NaN', () => {
      expect(Array.from(gaussianKde([0, 1]).evaluate([1e6, -1e300]))).toEqual([0, 0]);
    });
    it('evaluating no points gives an empty array', () => expect(gaussianKde([0, 1]).evaluate([]).length).toBe(0));
    it('a 1e9 offset (golden above) keeps the shape', () => {
      const a = gaussianKde([0, 1, 3]).evaluate([0.5, 2]);
      const b = gaussianKde([1e9, 1e9 + 1, 1e9 + 3]).evaluate([1e9 + 0.5, 1e9 + 2]);
      expectAllClose(b, a, { rel: 1e-7 });
    });
  });
});
