import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positiveSums, sumOfLog1m, sumOfLogs } from '../../src/fitting/log-sums.ts';
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
