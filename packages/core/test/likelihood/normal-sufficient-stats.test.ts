import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalMle } from '../../src/likelihood/normal-mle.ts';
import { normalSufficientStats, shiftedPassStats } from '../../src/likelihood/normal-sufficient-stats.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import data from '../fixtures/likelihood.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

describe('normalSufficientStats', () => {
  for (const c of data.mle) {
    it(`${c.name}: exact mean and m2 (Python Fractions, rounded once)`, () => {
      for (const x of [c.x, Float64Array.from(c.x)]) {
        const s = normalSufficientStats(x);
        expect(s.n).toBe(c.n);
        expectClose(s.mean, c.meanExact, { rel: 2e-16 });
        // mean + meanLow carries the mean past double precision: it rounds to the exact mean
        expect(s.mean + (s.meanLow ?? 0)).toBe(c.meanExact);
        expectClose(s.m2, c.m2Exact, { rel: 1e-15 });
      }
    });
  }

  it('TSDoc example', () => {
    expect(normalSufficientStats([1, 2, 3, 4])).toEqual({ n: 4, mean: 2.5, m2: 5, meanLow: 0 });
  });

  it('is invariant to the order of the data and to any length (blocks of 128 and tails)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 700 }), (x) => {
        const a = normalSufficientStats(x);
        const b = normalSufficientStats(x.toReversed());
        const scale = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        expectClose(a.mean, b.mean, { rel: 0, abs: 4e-16 * scale });
        expectClose(a.m2, b.m2, { rel: 1e-13, abs: 1e-15 * scale * scale });
        expect(a.m2).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('meanLow: mean + meanLow is the mean of data offset by 1e9 to ~1e−22', () => {
    // a representable mean (ulp(1e9) = 1.19e−7 divides 0.375): meanLow is 0
    const s = normalSufficientStats([1e9 + 0.25, 1e9 + 0.5, 1e9 + 0.25, 1e9 + 0.5]);
    expect(s.mean).toBe(1e9 + 0.375);
    expect(s.meanLow).toBe(0);
    const third = normalSufficientStats([1e9, 1e9, 1e9 + 1]);
    // x̄ = 1e9 + 1/3: mean is the double nearest to it, meanLow the rest
    expectClose(third.mean - 1e9 + (third.meanLow ?? 0), 1 / 3, { rel: 1e-15 });
    expect(third.mean - 1e9).not.toBe(1 / 3);
  });

  it('edge cases: empty, one value, NaN, ±Infinity, zero variance, offset 1e9', () => {
    expect(() => normalSufficientStats([])).toThrow(/^normalSufficientStats: x is empty/);
    expect(() => normalSufficientStats(new Float64Array(0))).toThrow(/^normalSufficientStats: x is empty/);
    expect(normalSufficientStats([4])).toEqual({ n: 1, mean: 4, m2: 0, meanLow: 0 });
    expect(() => normalSufficientStats(Float64Array.of(1, NaN))).toThrow(/x\[1\] is NaN/);
    expect(() => normalSufficientStats([Infinity])).toThrow(/x\[0\] is Infinity/);
    expect(normalSufficientStats([5, 5, 5, 5])).toEqual({ n: 4, mean: 5, m2: 0, meanLow: 0 });
    const x = Float64Array.from({ length: 1000 }, (_, i) => 1e9 + (i % 2 === 0 ? 1 : -1));
    expect(normalSufficientStats(x)).toEqual({ n: 1000, mean: 1e9, m2: 1000, meanLow: 0 });
  });
});

/** The one-pass statistics of x, or undefined where normalSufficientStats falls back to two passes. */
function onePass(x: Float64Array) {
  return shiftedPassStats(x, x.length, new Float64Array(4));
}

describe('normalSufficientStats: one pass about an estimated shift, two passes when it misses', () => {
  for (const c of data.shiftedPass) {
    it(`${c.name}: the shift from 1024 spread-out values is close enough for one pass, and exact`, () => {
      // core's uniform stream is numpy's bit for bit (test/random/random-state.test.ts)
      const x = createRandomState(c.seed).uniform(c.low, c.high, c.size);
      if (c.sorted) x.sort();
      const one = onePass(x);
      expect(one).toBeDefined();
      const s = normalSufficientStats(x);
      expect(s).toEqual(one);
      // Python Fractions, rounded once
      expectClose(s.mean, c.meanExact, { rel: 2e-16 });
      expect(s.mean + (s.meanLow ?? 0)).toBe(c.meanExact);
      expectClose(s.m2, c.m2Exact, { rel: 1e-15 });
    });
  }

  it('the golden samples (offset 1e9 and scaled by 1e−6 among them) take the one-pass path', () => {
    for (const c of data.mle) {
      const x = Float64Array.from(c.x);
      expect(onePass(x)).toEqual(normalSufficientStats(x));
    }
  });

  it('a shift that misses falls back to the two-pass path, which is exact', () => {
    // n = 2048: the sampled values x[2j] are all 1e9 + 0.5, a whole σ from x̄ = 1e9
    const x = Float64Array.from({ length: 2048 }, (_, i) => 1e9 + (i % 2 === 0 ? 0.5 : -0.5));
    expect(onePass(x)).toBeUndefined();
    expect(normalSufficientStats(x)).toEqual({ n: 2048, mean: 1e9, m2: 512, meanLow: 0 });
    // the sampled values x[4j] are outliers: x̄ = 1e9 + 250000, m2 = 1024·750000² + 3072·250000² = 7.68e14
    const y = Float64Array.from({ length: 4096 }, (_, i) => 1e9 + (i % 4 === 0 ? 1e6 : 0));
    expect(onePass(y)).toBeUndefined();
    expect(normalSufficientStats(y)).toEqual({ n: 4096, mean: 1e9 + 250000, m2: 7.68e14, meanLow: 0 });
    expect(normalMle(y).sigma2).toBe(7.68e14 / 4096);
    // the same values sorted: the evenly spaced sample holds them in proportion, so one pass suffices
    const shuffled = y.toSorted();
    expect(onePass(shuffled)).toBeDefined();
    expect(normalSufficientStats(shuffled)).toEqual(normalSufficientStats(y));
  });

  it('constant data: one pass, zero spread exactly', () => {
    const x = new Float64Array(5000).fill(1e9 + 0.25);
    expect(onePass(x)).toEqual({ n: 5000, mean: 1e9 + 0.25, m2: 0, meanLow: 0 });
    expect(normalSufficientStats(x)).toEqual({ n: 5000, mean: 1e9 + 0.25, m2: 0, meanLow: 0 });
  });

  it('NaN, ±Infinity and overflow leave the one-pass sums non-finite; the two-pass path reports them', () => {
    const x = createRandomState(3).standardNormal(3000);
    x[2500] = Number.NaN;
    expect(onePass(x)).toBeUndefined();
    expect(() => normalSufficientStats(x)).toThrow(/^normalSufficientStats: x\[2500\] is NaN/);
    x[2500] = -Infinity;
    expect(onePass(x)).toBeUndefined();
    expect(() => normalSufficientStats(x)).toThrow(/x\[2500\] is -Infinity/);
    const huge = Float64Array.of(-1e300, 1e300, 0);
    expect(onePass(huge)).toBeUndefined();
    expect(() => normalSufficientStats(huge)).toThrow(/the sum of squared deviations of x overflows/);
  });
});
