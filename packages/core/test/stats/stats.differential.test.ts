// Differential tests of sum, mean, variance and std against exact rational arithmetic (BigInt,
// test/support/exact.ts: the JS twin of Python's fractions.Fraction) over random data at every
// scale: 1e-300 … 1e300, offsets up to 1e12 times the spread, ties and subnormals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean } from '../../src/stats/mean.ts';
import { sum } from '../../src/stats/sum.ts';
import { std, variance } from '../../src/stats/variance.ts';
import { exactMean, exactStd, exactSum, exactVariance } from '../support/exact.ts';
import { expectClose } from '../support/expect-close.ts';

/**
 * Random data: n values offset + spread·uᵢ with uᵢ uniform in ±1 (or repeated: ties), spread 10^s
 * for s in −300 … 300 and offset up to 1e12·spread (kept below 1e300).
 */
export const scaledData = (minLength = 1, maxLength = 60) =>
  fc
    .record({
      s: fc.integer({ min: -300, max: 295 }),
      o: fc.oneof(fc.constant(-Infinity), fc.integer({ min: 0, max: 12 })),
      signed: fc.boolean(),
      u: fc.array(fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constantFrom(0.25, -0.75, 1)), { minLength, maxLength }),
    })
    .map(({ s, o, signed, u }) => {
      const spread = 10 ** s;
      const offset = o === -Infinity || s + o > 300 ? 0 : (signed ? -1 : 1) * 10 ** o * spread;
      return u.map((v) => offset + spread * v);
    });

/** Subnormal data: integer multiples of 2^-1074 (exact). */
const subnormalData = fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { minLength: 2, maxLength: 30 }).map((ms) => ms.map((m) => m * 2 ** -1074));

describe('variance and std against the exact variance', () => {
  it('regression: std and variance past the square root of the double range (no silent NaN or 0)', () => {
    // (x − x̄)² overflowed to Infinity (NaN after the correction) or underflowed to 0 before.
    const big = [3e180, -5e180, 1e181];
    expectClose(variance(big), exactVariance(big), { rel: 1e-15 });
    const bigStd = [7e250, -7e250];
    expect(std(bigStd)).toBe(7e250); // exact: |x − x̄| = 7e250 for both
    expect(variance(bigStd)).toBe(Infinity); // 4.9e501: the variance itself overflows
    expect(std([2e-200, 6e-200])).toBe(2e-200); // exact; d² = 4e-400 underflowed before
    expectClose(variance([2e-160, 6e-160], { ddof: 1 }), 8e-320, { rel: 1e-3 }); // subnormal result: 8e-320 exact, rounded to the subnormal grid
  });

  it('property: variance within a few ulp of exact at scales 1e-300 … 1e300 and offsets to 1e12', () => {
    fc.assert(
      fc.property(scaledData(2), fc.constantFrom(0, 1), (x, ddof) => {
        const exact = exactVariance(x, ddof);
        const got = variance(x, { ddof });
        // Below 2^-1022 the exact variance itself is subnormal: compare on the subnormal grid.
        return Math.abs(got - exact) <= 1e-14 * exact + 2 ** -1074 || (exact === Infinity && got === Infinity);
      }),
      { numRuns: 400 },
    );
  });

  it('property: std = √(exact variance) wherever the std is representable, even when the variance is not', () => {
    fc.assert(
      fc.property(scaledData(2), (x) => {
        const exact = exactStd(x);
        const got = std(x);
        return Math.abs(got - exact) <= 1e-14 * exact + 2 ** -1074;
      }),
      { numRuns: 300 },
    );
  });

  it('property: subnormal data get their variance, never a spurious 0 for distinct values', () => {
    fc.assert(
      fc.property(subnormalData, (x) => {
        const exact = exactStd(x);
        const got = std(x);
        // std of subnormal data is itself subnormal: it lands on the 2^-1074 grid.
        return Math.abs(got - exact) <= 2 ** -1075 && (exact === 0 || got > 0 || exact < 2 ** -1075);
      }),
      { numRuns: 200 },
    );
  });

  it('regression: terms that cancel to a subnormal sum get the mean to one subnormal step', () => {
    // Python fractions: the exact sum of these doubles is −3.19e-109 (they do not cancel exactly), mean −4.56e-110.
    const cancelling = [-7.5e-94, 2.5e-94, 1e-93, 1e-93, -7.5e-94, -7.5e-94, -5.4e-323];
    expect(mean(cancelling)).toBe(exactMean(cancelling));
    // Exact sum −11·2^-1074 (the first four cancel exactly), mean −11/7 steps = −1.57 steps: rounds to −2·2^-1074.
    const subnormal = [2 ** -1000, -(2 ** -1000), 3 * 2 ** -1060, -3 * 2 ** -1060, -5.4e-323, 0, 0];
    expect(exactSum(subnormal)).toBe(-11 * 2 ** -1074);
    expect(mean(subnormal)).toBe(-2 * 2 ** -1074);
  });

  it('property: mean within an ulp of the exact mean at every scale, up to the Neumaier bound when terms cancel', () => {
    fc.assert(
      fc.property(scaledData(1), (x) => {
        // The exact rational mean, rounded once. (An earlier reference halved the terms first, which rounds subnormal
        // terms: that, not mean(), was off by a subnormal step.)
        const exact = exactMean(x);
        const got = mean(x);
        let abs = 0;
        for (const v of x) abs += Math.abs(v / 4);
        // mean() is the compensated sum divided by n, so it promises what sum() promises (2u·|S| + O(n·u²)·Σ|x|, see
        // src/stats/sum.ts), divided by n, plus the division's rounding: 4.5e-16·|x̄| + 4·ε²·Σ|x| (Σ|x| formed /4 so it
        // cannot overflow), and one subnormal step for results on the subnormal grid. The second term matters only
        // when huge terms cancel: fast-check (seed −58356934) found [−7.5e291, 1e292, 2.5e291, 1e292, −7.5e291,
        // −7.5e291, −4.94e-32], exact mean −7.06e-33 (Python fractions), where mean() returns 0, inside that bound
        // (8.9e261) but not inside an ulp.
        return Math.abs(got - exact) <= 4.5e-16 * Math.abs(exact) + 4 * Number.EPSILON ** 2 * abs * 4 + 2 ** -1074;
      }),
      { numRuns: 300 },
    );
  });
});

describe('sum against the exact sum', () => {
  const M = Number.MAX_VALUE;

  it('regression: partial sums that overflow on the way do not make an exact sum an error', () => {
    expect(sum([M, M, -M, -M, 0.5])).toBe(0.5);
    expect(sum([-M, -M, -M, M, M, M, 7e-322])).toBe(7e-322);
    expect(sum(Float64Array.of(1e308, 1e308, -1e308, 2, -1e308))).toBe(2);
    expect(mean([M, M, M, M])).toBe(M);
    expect(() => sum([M, M, -1e300])).toThrow(/sum: the sum of x overflows the double range/);
  });

  it('property: equal to the exactly rounded sum up to 2 ulp, throws exactly when the exact sum overflows', () => {
    const huge = fc.array(
      fc.oneof(
        fc.double({ min: -M, max: M, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(M, -M, 2 ** 1023, -(2 ** 1023), 5e-324, -5e-324),
        fc.double({ min: -1, max: 1, noNaN: true }),
      ),
      { minLength: 0, maxLength: 30 },
    );
    fc.assert(
      fc.property(huge, (x) => {
        const exact = exactSum(x);
        if (!Number.isFinite(exact)) {
          expect(() => sum(x)).toThrow(/overflows/);
          return true;
        }
        // Near Number.MAX_VALUE the exact sum may round either way across the boundary.
        let got: number;
        try {
          got = sum(x);
        } catch {
          return Math.abs(exact) > M * (1 - 2 ** -51);
        }
        let abs = 0;
        for (const v of x) abs += Math.abs(v / 4);
        // Neumaier: 2u·|S| + O(n·u²)·Σ|x| (Σ|x| formed /4 so it cannot overflow).
        return Math.abs(got - exact) <= 2 * Number.EPSILON * Math.abs(exact) + 4 * x.length * Number.EPSILON ** 2 * abs * 4 + 2 ** -1074;
      }),
      { numRuns: 1000 },
    );
  });

  it('property: huge terms that cancel in random order leave the small ones (to the Neumaier bound)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e300, max: M, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 0, maxLength: 10 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (big, small, seed) => {
          const x = [...big, ...big.map((v) => -v), ...small];
          // Deterministic shuffle.
          let r = seed;
          for (let i = x.length - 1; i > 0; i--) {
            r = (r * 1103515245 + 12345) % 2 ** 31;
            const j = r % (i + 1);
            [x[i], x[j]] = [x[j] as number, x[i] as number];
          }
          const exact = exactSum(small);
          return Math.abs(sum(x) - exact) <= 2 * Number.EPSILON * Math.abs(exact) + 4 * x.length * Number.EPSILON ** 2 * M * big.length;
        },
      ),
      { numRuns: 300 },
    );
  });
});
