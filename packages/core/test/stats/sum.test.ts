import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sum } from '../../src/stats/sum.ts';
import { expectClose } from '../support/expect-close.ts';
import data from '../fixtures/stats.json' with { type: 'json' };

describe('sum', () => {
  it('matches math.fsum (the correctly rounded sum) on every golden dataset', () => {
    for (const d of Object.values(data.datasets)) {
      // python: math.fsum(x); numpy's pairwise np.sum agrees to a few ulp
      expectClose(sum(d.x), d.fsum, { rel: 2.3e-16, abs: 0 });
      expectClose(sum(Float64Array.from(d.x)), d.npSum, { rel: 1e-14 });
    }
  });

  it('recovers what cancellation hides from a plain loop', () => {
    // python: math.fsum([1e100, 1.0, -1e100, 1e-100, 3.0, -2**60, 2**60, 0.1, 0.2, 0.3]) = 4.6; np.sum gives 0.5
    expectClose(sum(data.cancellation.x), data.cancellation.fsum, { rel: 2.3e-16 });
    expect(sum([1e100, 1, -1e100])).toBe(1);
    let naive = 0;
    for (const v of data.cancellation.x) naive += v;
    expect(Math.abs(naive - data.cancellation.fsum)).toBeGreaterThan(1);
  });

  // Away from the subnormal range, where the floating-point error model (and so the bound) holds.
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => (Math.abs(v) < 1e-200 ? 0 : v));

  it('property: within Neumaier\'s bound 2u·|S| + n·u²·Σ|x| of any reordering, and x with −x sums to ~0', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 200 }), (xs) => {
        let abs = 0;
        for (const v of xs) abs += Math.abs(v);
        const u = Number.EPSILON / 2;
        const total = sum(xs);
        const reversed = sum(xs.toReversed());
        expect(Math.abs(total - reversed)).toBeLessThanOrEqual(4 * u * Math.abs(total) + 4 * xs.length * u * u * abs);
        expect(Math.abs(sum([...xs, ...xs.map((v) => -v)]))).toBeLessThanOrEqual(8 * xs.length * u * u * abs);
      }),
    );
  });

  describe('edge cases', () => {
    it('empty: 0, as numpy.sum([])', () => {
      expect(sum([])).toBe(0);
      expect(sum(new Float64Array(0))).toBe(0);
    });
    it('one value', () => expect(sum([7.25])).toBe(7.25));
    it('NaN and ±Infinity are rejected with their index', () => {
      expect(() => sum([1, Number.NaN])).toThrow(/sum: x\[1\] is NaN/);
      expect(() => sum(Float64Array.of(1, 2, Infinity))).toThrow(/sum: x\[2\] is Infinity/);
      expect(() => sum(Float64Array.of(-Infinity))).toThrow(RangeError);
    });
    it('non-numbers are rejected', () => {
      expect(() => sum(['1', 2] as unknown as number[])).toThrow(TypeError);
      expect(() => sum(5 as unknown as number[])).toThrow(/sum: x must be an array/);
    });
    it('overflow is reported, not returned as NaN', () => {
      expect(() => sum([1.7e308, 1.7e308])).toThrow(/sum: the sum of x overflows/);
    });
    it('σ = 0 and a 1e9 offset keep every digit', () => {
      // python: math.fsum([0.1] * 1000) = 100.0 (a plain loop gives 99.9999999999986)
      expect(sum(new Float64Array(1000).fill(0.1))).toBe(100);
      const d = data.datasets.offset1e9;
      expectClose(sum(d.x), d.fsum, { rel: 2.3e-16 });
    });
  });
});
