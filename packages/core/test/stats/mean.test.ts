import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean } from '../../src/stats/mean.ts';
import { expectClose } from '../support/expect-close.ts';
import data from '../fixtures/stats.json' with { type: 'json' };

/** The error model (relative rounding) fails for subnormals: properties use 0 or |v| ≥ 1e-100. */
const awayFromSubnormal = (v: number): number => (Math.abs(v) < 1e-100 ? 0 : v);

describe('mean', () => {
  it('matches numpy.mean and the correctly rounded fsum/n', () => {
    for (const d of Object.values(data.datasets)) {
      // numpy 2.4: np.mean(x) (pairwise, so a few ulp of Σ|x|/n apart); python: math.fsum(x) / n
      const meanAbs = d.x.reduce((s, v) => s + Math.abs(v), 0) / d.x.length;
      expectClose(mean(d.x), d.npMean, { abs: 4 * Number.EPSILON * meanAbs });
      expectClose(mean(Float64Array.from(d.x)), d.fsum / d.x.length, { rel: 2.3e-16 });
    }
  });

  it('gives the canonical sample mean 5.0386641116446516', () => {
    // numpy 2.4: np.random.RandomState(42).normal(5, 2, 1000).mean()
    expectClose(mean(data.datasets.canonical.x), 5.0386641116446516, { rel: 2.3e-16 });
  });

  it('property: mean(a·x + b) = a·mean(x) + b', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }).map(awayFromSubnormal), { minLength: 1, maxLength: 100 }),
        fc.double({ min: -100, max: 100, noNaN: true }).map(awayFromSubnormal),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(awayFromSubnormal),
        (xs, a, b) => {
          const m = mean(xs);
          const scale = Math.abs(a) * 1e3 + Math.abs(b);
          expectClose(mean(xs.map((v) => a * v + b)), a * m + b, { abs: 8 * Number.EPSILON * scale });
        },
      ),
    );
  });

  it('property: min ≤ mean ≤ max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e300, max: 1e300, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const m = mean(xs);
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
      }),
    );
  });

  describe('edge cases', () => {
    it('empty input throws', () => {
      expect(() => mean([])).toThrow(/mean: x is empty/);
      expect(() => mean(new Float64Array(0))).toThrow(RangeError);
    });
    it('one value', () => expect(mean([2.5])).toBe(2.5));
    it('NaN and ±Infinity throw with the index', () => {
      expect(() => mean([1, Number.NaN, 3])).toThrow(/mean: x\[1\] is NaN/);
      expect(() => mean(Float64Array.of(Infinity, 1))).toThrow(/mean: x\[0\] is Infinity/);
      expect(() => mean(Float64Array.of(1, -Infinity))).toThrow(RangeError);
    });
    it('σ = 0: constant data give the constant', () => expect(mean(new Float64Array(999).fill(0.1))).toBe(0.1));
    it('a 1e9 offset keeps its digits', () => {
      const d = data.datasets.offset1e9;
      expectClose(mean(d.x), d.fsum / d.x.length, { rel: 2.3e-16 });
    });
    it('values near the double limit do not overflow', () => {
      expect(mean([1.7e308, 1.7e308])).toBe(1.7e308);
    });
  });
});
