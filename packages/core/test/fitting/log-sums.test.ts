import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centredLogSums, fastPositiveSums, positiveSums, sumOfLog1m, sumOfLogs, unitIntervalSums } from '../../src/fitting/log-sums.ts';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { neumaierSum } from '../../src/stats/sum.ts';
import { expectClose } from '../support/expect-close.ts';

// The block-product sums against the per-value sums of Math.log / Math.log1p they replace: equal to
// within the rounding of n logarithms (n·2.3e-16 of absolute error, plus the sum's own rounding).

function tolerance(terms: number[]): number {
  return terms.length * 4.5e-16 * (1 + terms.reduce((m, t) => Math.max(m, Math.abs(t)), 0));
}

describe('sumOfLogs and sumOfLog1m', () => {
  it('match Σ Math.log(x) on values of any magnitude (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), { minLength: 1, maxLength: 300 }), (x) => {
        const terms = x.map(Math.log);
        expect(Math.abs(sumOfLogs(x) - terms.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(tolerance(terms));
      }),
    );
  });
  it('match Σ Math.log1p(−x) on (0, 1), including values piled at both ends (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 1e-300, max: 1e-3, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.999, max: 1 - 2 ** -53, noNaN: true })), { minLength: 1, maxLength: 300 }),
        (x) => {
          const t1 = x.map((v) => Math.log1p(-v));
          expect(Math.abs(sumOfLog1m(x) - t1.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(tolerance(t1));
          const t2 = x.map(Math.log);
          expect(Math.abs(sumOfLogs(x) - t2.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(tolerance(t2));
        },
      ),
    );
  });
  it('keep relative accuracy when every term is tiny (values near 1 for ln x, near 0 for ln(1 − x))', () => {
    const nearOne = Array.from({ length: 1000 }, (_, i) => 1 - 1e-12 * (1 + i / 1000));
    // Σ ln(1 − 1e-12·(1 + i/1000)) = −1e-12·Σ(1 + i/1000) − … = −1.4995e-9 to 1e-12 relative.
    expectClose(sumOfLogs(nearOne), nearOne.reduce((a, v) => a + Math.log1p(v - 1), 0), { rel: 1e-13 });
    const nearZero = Array.from({ length: 1000 }, (_, i) => 1e-12 * (1 + i / 1000));
    expectClose(sumOfLog1m(nearZero), nearZero.reduce((a, v) => a + Math.log1p(-v), 0), { rel: 1e-13 });
  });
  it('positiveSums: Σ x as neumaierSum, Σ ln x as sumOfLogs, min and max, in one pass (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), { minLength: 1, maxLength: 300 }), (x) => {
        const f = positiveSums(Float64Array.from(x));
        expect(f.bad).toBe(-1);
        expect(f.sum).toBe(neumaierSum(x));
        expect(f.sumLog).toBe(sumOfLogs(x));
        expect(f.min).toBe(Math.min(...x));
        expect(f.max).toBe(Math.max(...x));
      }),
    );
  });
  it('positiveSums: the same sums when every value is in [1e-50, 1e50] (products never leave the range) (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: 1e-50, max: 1e50, noNaN: true }), fc.double({ min: 0.98, max: 1.02, noNaN: true })), { minLength: 1, maxLength: 2000 }), (x) => {
        const f = positiveSums(Float64Array.from(x));
        expect(f.sum).toBe(neumaierSum(x));
        expect(f.sumLog).toBe(sumOfLogs(x));
      }),
    );
  });
  it('positiveSums: names the first value that is not finite and > 0', () => {
    expect(positiveSums(Float64Array.of(1, 2, 0, -1)).bad).toBe(2);
    expect(positiveSums(Float64Array.of(1, NaN)).bad).toBe(1);
    expect(positiveSums(Float64Array.of(Infinity)).bad).toBe(0);
    expect(positiveSums(Float64Array.of(-0)).bad).toBe(0);
  });
});

describe('fastPositiveSums (the gamma fit\'s block sums)', () => {
  it('match positiveSums to their stated error on values in [1e-9, 1e9] (fast-check)', () => {
    const value = fc.oneof(fc.double({ min: 1e-9, max: 1e9, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 2, maxLength: 400 }), (x) => {
        const f = fastPositiveSums(Float64Array.from(x));
        const ref = positiveSums(Float64Array.from(x));
        // Only a Jensen gap ≥ 1e-3 keeps the fast sums.
        const gap = Math.log(ref.sum / x.length) - ref.sumLog / x.length;
        if (gap < 0.99e-3) expect(f).toBeUndefined();
        if (f === undefined) {
          expect(gap).toBeLessThan(1.01e-3);
          return;
        }
        // Per value at most ~1.1e-16·(1 + max |ln x|) off, as Math.log of each value would be: the
        // tolerance of the sums above.
        expect(Math.abs(f.sumLog - ref.sumLog)).toBeLessThanOrEqual(tolerance(x.map(Math.log)));
        expectClose(f.sum, ref.sum, { rel: 4e-15 });
        expect(f.min).toBe(ref.min);
        expect(f.max).toBe(ref.max);
        expect(f.bad).toBe(-1);
      }),
    );
  });
  it('is undefined for a value outside [1e-9, 1e9], not a number, or ≤ 0, and for a Jensen gap below 1e-3', () => {
    for (const bad of [0, -1, 1e-10, 2e9, NaN, Infinity]) expect(fastPositiveSums(Float64Array.of(2, bad, 5, 7))).toBeUndefined();
    // 1 ± 0.01: gap ≈ variance/2 = 5e-5.
    expect(fastPositiveSums(Float64Array.of(0.99, 1.01, 0.99, 1.01))).toBeUndefined();
    expect(fastPositiveSums(Float64Array.of(1, 2, 3, 4, 5))).toBeDefined();
  });
  it('give the gamma fit of a Float64Array the estimates of the checked path (a plain array)', () => {
    const x = createRandomState(45).gamma(1.5, 2, 5000);
    const a = fitDistribution(x, 'gamma');
    const b = fitDistribution(Array.from(x), 'gamma');
    expectClose(a.estimates['shape'] as number, b.estimates['shape'] as number, { rel: 1e-12 });
    expectClose(a.estimates['rate'] as number, b.estimates['rate'] as number, { rel: 1e-12 });
    expectClose(a.logLikelihood, b.logLikelihood, { rel: 1e-13 });
    expect(() => fitDistribution(Float64Array.of(1, 2, -3, 4), 'gamma')).toThrow(/x\[2\] is -3/);
  });
});

/** centredLogSums' two compensated sums. */
function sums(x: Float64Array, shift: number): readonly [number, number] {
  const out = new Float64Array(4);
  centredLogSums(x, shift, out);
  return [(out[0] as number) + (out[1] as number), (out[2] as number) + (out[3] as number)];
}

describe('centredLogSums (the table logarithm)', () => {
  it('match Σ (Math.log(x) − K) and Σ (Math.log(x) − K)² on values of any magnitude (fast-check)', () => {
    const value = fc.oneof(
      fc.double({ min: 2 ** -1022, max: 1e300, noNaN: true }),
      fc.double({ min: 0.99, max: 1.01, noNaN: true }),
      fc.integer({ min: -1022, max: 1023 }).map((e) => 2 ** e),
      fc.integer({ min: -1022, max: 1022 }).map((e) => 2 ** e * (2 - 2 ** -52)),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.double({ min: -50, max: 50, noNaN: true }), (x, shift) => {
        const d = x.map((v) => Math.log(v) - shift);
        const [s1, s2] = sums(Float64Array.from(x), shift);
        // Each d within 4.5e-16·(1 + |ln x| + |d|) of Math.log's (both logarithms' rounding and the
        // subtraction's); d² then within 2|d| times that, plus its own rounding; and the plain
        // 32-term block sums add at most 32·1.12e-16 of each term's size.
        const err = x.map((v, i) => 4.5e-16 * (1 + Math.abs(Math.log(v)) + Math.abs(d[i] as number)) + 3.6e-15 * Math.abs(d[i] as number));
        expect(Math.abs(s1 - neumaierSum(d))).toBeLessThanOrEqual(neumaierSum(err));
        const sq = d.map((v) => v * v);
        const errSq = err.map((e, i) => 2 * Math.abs(d[i] as number) * e + e * e + 3.9e-15 * (sq[i] as number));
        expect(Math.abs(s2 - neumaierSum(sq))).toBeLessThanOrEqual(neumaierSum(errSq));
      }),
    );
  });
  it('each term is within 3e-16·max(1, |ln x|) of Math.log, and exact at powers of two', () => {
    const rs = [1e-300, 3e-200, 0.1, 0.5, 0.999999, 1, 1.0000001, 1.5, Math.E, 10, 7.5e150, 1.7e308];
    for (const v of rs) {
      const [s1] = sums(Float64Array.of(v), 0);
      expect(Math.abs(s1 - Math.log(v))).toBeLessThanOrEqual(3e-16 * Math.max(1, Math.abs(Math.log(v))));
    }
    for (const e of [-1022, -1, 0, 1, 700, 1023]) expectClose(sums(Float64Array.of(2 ** e), 0)[0], e * Math.LN2, { rel: 1e-15, abs: 1e-16 });
  });
  it('are NaN for zero, negatives, subnormals, ±Infinity and NaN (the caller then checks each value)', () => {
    for (const bad of [0, -0, -1, 5e-324, 2 ** -1050, Infinity, -Infinity, NaN]) {
      const [s1, s2] = sums(Float64Array.of(1, bad, 2), 0);
      expect(Number.isNaN(s1) || Number.isNaN(s2)).toBe(true);
    }
  });
  it('give the lognormal fit of a Float64Array the estimates of the Math.log path (a plain array)', () => {
    const x = createRandomState(41).lognormal(3, 0.01, 5000).map((v, i) => (i === 7 ? 1e-200 : v));
    const a = fitDistribution(x, 'lognormal');
    const b = fitDistribution(Array.from(x), 'lognormal');
    expectClose(a.estimates['meanlog'] as number, b.estimates['meanlog'] as number, { rel: 1e-14 });
    expectClose(a.estimates['sdlog'] as number, b.estimates['sdlog'] as number, { rel: 1e-12 });
    expectClose(a.logLikelihood, b.logLikelihood, { rel: 1e-13 });
    // A bad value in a Float64Array is still named by the checks.
    expect(() => fitDistribution(Float64Array.of(1, 2, 0, 3), 'lognormal')).toThrow(/x\[2\] is 0; the lognormal family allows only values > 0/);
    expect(() => fitDistribution(Float64Array.of(1, 2, NaN), 'lognormal')).toThrow(/x\[2\] is NaN/);
  });
  it('read the right values of a view that starts inside its buffer', () => {
    const buffer = Float64Array.of(100, 2, 3, 100);
    const [s1] = sums(buffer.subarray(1, 3), 0);
    expectClose(s1, Math.log(6), { rel: 1e-15 });
  });
});

describe('unitIntervalSums (the beta fit in one pass)', () => {
  it('gives the sums of sumOfLogs and sumOfLog1m, the mean and the variance (fast-check)', () => {
    const value = fc.oneof(fc.double({ min: 1e-300, max: 1e-3, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.999, max: 1 - 2 ** -53, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), (x) => {
        const f = unitIntervalSums(x);
        expect(f).toBeDefined();
        if (f === undefined) return;
        expect(Math.abs(f.sumLog - sumOfLogs(x))).toBeLessThanOrEqual(tolerance(x.map(Math.log)));
        expect(Math.abs(f.sumLog1m - sumOfLog1m(x))).toBeLessThanOrEqual(tolerance(x.map((v) => Math.log1p(-v))));
        const mean = neumaierSum(x) / x.length;
        expectClose(f.mean, mean, { rel: 1e-12, abs: 1e-15 });
        expectClose(f.variance, neumaierSum(x.map((v) => (v - mean) ** 2)) / x.length, { rel: 1e-9, abs: 1e-15 });
        expect(f.constant).toBe(Math.min(...x) === Math.max(...x));
      }),
    );
  });
  it('keeps each sum to ~1e-15 relatively, whether most values are near 0 or 1 (careful loop) or not (products only)', () => {
    const r = createRandomState(44);
    const spread = r.beta(1, 2, 5000);
    const nearZero = r.uniform(1e-12, 2e-12, 5000);
    const nearOne = nearZero.map((v) => 1 - v);
    for (const x of [spread, nearZero, nearOne, Float64Array.from([...spread.subarray(0, 100), ...nearZero.subarray(0, 4900)])]) {
      const f = unitIntervalSums(x);
      expect(f).toBeDefined();
      if (f === undefined) continue;
      // References: a compensated sum of per-value Math.log1p / Math.log (each within ~1 ulp of its term).
      const logs = neumaierSum(Array.from(x, (v) => (v > 0.5 ? Math.log1p(v - 1) : Math.log(v))));
      const logs1m = neumaierSum(Array.from(x, (v) => (v < 0.5 ? Math.log1p(-v) : Math.log(1 - v))));
      expectClose(f.sumLog, logs, { rel: 1e-14 });
      expectClose(f.sumLog1m, logs1m, { rel: 1e-14 });
    }
  });
  it('is undefined for a value outside (0, 1) or NaN, and the beta fit then names it', () => {
    for (const bad of [0, 1, -0.5, 1.5, NaN, Infinity]) expect(unitIntervalSums(Float64Array.of(0.2, bad, 0.5))).toBeUndefined();
    expect(() => fitDistribution(Float64Array.of(0.2, 1.2, 0.5), 'beta')).toThrow(/fitDistribution: x\[1\] is 1.2; the beta family allows only values strictly between 0 and 1/);
    expect(() => fitDistribution(Float64Array.of(0.3, 0.3), 'beta')).toThrow(/beta MLE does not exist/);
  });
  it('gives the beta fit of a Float64Array the estimates of the checked path (a plain array)', () => {
    const x = createRandomState(43).beta(0.5, 3, 3000);
    const a = fitDistribution(x, 'beta');
    const b = fitDistribution(Array.from(x), 'beta');
    expectClose(a.estimates['shape1'] as number, b.estimates['shape1'] as number, { rel: 1e-12 });
    expectClose(a.estimates['shape2'] as number, b.estimates['shape2'] as number, { rel: 1e-12 });
  });
});
