import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { std, variance } from '../../src/stats/variance.ts';
import { expectClose } from '../support/expect-close.ts';
import data from '../fixtures/stats.json' with { type: 'json' };

/** The error model (relative rounding) fails for subnormals: properties use 0 or |v| ≥ 1e-100. */
const awayFromSubnormal = (v: number): number => (Math.abs(v) < 1e-100 ? 0 : v);

type Entry = (typeof data.datasets)[keyof typeof data.datasets] & Partial<Record<'npVar1' | 'npStd1' | 'exactVar1', number>>;

describe('variance and std', () => {
  it('match numpy.var / numpy.std and the exact (Fraction) variance for ddof 0 and 1', () => {
    for (const d of Object.values(data.datasets) as Entry[]) {
      // numpy 2.4: np.var(x, ddof=0), np.std(x, ddof=0); python: Fraction arithmetic rounded once
      expectClose(variance(d.x), d.npVar0, { rel: 1e-13, abs: 1e-300 });
      expectClose(std(d.x), d.npStd0, { rel: 1e-13 });
      expectClose(variance(d.x), d.exactVar0, { rel: 4.5e-16, abs: 1e-300 });
      if (d.npVar1 !== undefined && d.exactVar1 !== undefined && d.npStd1 !== undefined) {
        expectClose(variance(d.x, { ddof: 1 }), d.npVar1, { rel: 1e-13 });
        expectClose(std(d.x, { ddof: 1 }), d.npStd1, { rel: 1e-13 });
        expectClose(variance(Float64Array.from(d.x), { ddof: 1 }), d.exactVar1, { rel: 4.5e-16 });
      }
    }
  });

  it('gives the canonical σ̂ (ddof 0) 1.9574524154947086', () => {
    // numpy 2.4: np.random.RandomState(42).normal(5, 2, 1000).std()
    expectClose(std(data.datasets.canonical.x), 1.9574524154947086, { rel: 4.5e-16 });
  });

  it('property: var(a·x + b) = a²·var(x), std(a·x + b) = |a|·std(x)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }).map(awayFromSubnormal), { minLength: 2, maxLength: 100 }),
        fc.double({ min: -100, max: 100, noNaN: true }).map(awayFromSubnormal),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(awayFromSubnormal),
        (xs, a, b) => {
          const v = variance(xs);
          const scaled = xs.map((x) => a * x + b);
          // Rounding a·x + b moves each value by ≤ u·(|a·x| + |b|); the variance by about twice that times the spread.
          const slack = 8 * Number.EPSILON * (Math.abs(a) * 1e3 + Math.abs(b)) * (Math.abs(a) * 2e3 + 1);
          expectClose(variance(scaled), a * a * v, { rel: 1e-12, abs: slack });
        },
      ),
    );
  });

  it('property: variance ≥ 0 and ddof 1 = ddof 0 · n/(n − 1)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 100 }), (xs) => {
        const v0 = variance(xs);
        expect(v0).toBeGreaterThanOrEqual(0);
        expectClose(variance(xs, { ddof: 1 }), (v0 * xs.length) / (xs.length - 1), { rel: 1e-15, abs: 1e-300 });
      }),
    );
  });

  describe('edge cases', () => {
    it('empty input throws', () => {
      expect(() => variance([])).toThrow(/variance: x is empty/);
      expect(() => std([])).toThrow(/std: x is empty/);
    });
    it('one value: variance 0 with ddof 0; ddof 1 is not allowed', () => {
      expect(variance([4])).toBe(0);
      expect(() => variance([4], { ddof: 1 })).toThrow('variance: ddof (1) must be smaller than the sample size (1)');
    });
    it('ddof must be smaller than n (the DESIGN example) and ≥ 0', () => {
      expect(() => variance([1, 2], { ddof: 3 })).toThrow('variance: ddof (3) must be smaller than the sample size (2)');
      expect(() => std([1, 2], { ddof: 2 })).toThrow('std: ddof (2) must be smaller than the sample size (2)');
      expect(() => variance([1, 2], { ddof: -1 })).toThrow(/variance: ddof must be a finite number ≥ 0, got -1/);
      expect(() => variance([1, 2], { ddof: Number.NaN })).toThrow(RangeError);
    });
    it('NaN and ±Infinity throw with the index', () => {
      expect(() => variance([1, Number.NaN])).toThrow(/variance: x\[1\] is NaN/);
      expect(() => std(Float64Array.of(1, Infinity))).toThrow(/std: x\[1\] is Infinity/);
    });
    it('σ = 0: constant data give exactly 0', () => {
      expect(variance(new Float64Array(1000).fill(0.1))).toBe(0);
      expect(std(new Float64Array(10).fill(-3e9), { ddof: 1 })).toBe(0);
    });
    it('a 1e9 offset keeps its digits (a one-pass formula loses them all)', () => {
      const d = data.datasets.offset1e9;
      // python: Fraction-exact variance of 1e9 + RandomState(1).normal(0, 1, 1000)
      expectClose(variance(d.x), d.exactVar0, { rel: 4.5e-16 });
      expectClose(variance(d.x, { ddof: 1 }), d.exactVar1, { rel: 4.5e-16 });
      let s = 0;
      let s2 = 0;
      for (const v of d.x) {
        s += v;
        s2 += v * v;
      }
      const naive = s2 / d.x.length - (s / d.x.length) ** 2;
      expect(Math.abs(naive - d.exactVar0) / d.exactVar0).toBeGreaterThan(0.01);
    });
  });
});
