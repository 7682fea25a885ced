import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expNonPositive, highWord, logMantissa } from '../../src/fitting/table-math.ts';

// The table logarithm and exponential of the large-sample passes against Math.log and Math.exp
// (V8's fdlibm ports, within 1 ulp): each within a few ulps.

/** ln x by the table: e ln 2 + ln m. */
function tableLog(x: number): number {
  const hi = highWord(x);
  return ((hi >>> 20) - 1023) * Math.LN2 + logMantissa(x, hi);
}

describe('logMantissa (the table logarithm)', () => {
  it('is within 3e-16·max(1, |ln x|) of Math.log over the positive normal doubles (fast-check)', () => {
    const value = fc.oneof(fc.double({ min: 2 ** -1022, max: Number.MAX_VALUE, noNaN: true }), fc.double({ min: 0.98, max: 1.02, noNaN: true }));
    fc.assert(
      fc.property(value, (x) => {
        expect(Math.abs(tableLog(x) - Math.log(x))).toBeLessThanOrEqual(3e-16 * Math.max(1, Math.abs(Math.log(x))));
      }),
    );
  });
  it('is NaN for zero, subnormals, negatives, ±Infinity and NaN', () => {
    for (const x of [0, -0, 5e-324, 2 ** -1030, -1, -(2 ** -1022), Infinity, -Infinity, NaN]) expect(tableLog(x)).toBeNaN();
  });
});

describe('expNonPositive (the table exponential)', () => {
  it('is within 1.2e-15 relatively of Math.exp on [−708, 0] (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -708, max: 0, noNaN: true }), fc.double({ min: -1e-3, max: 0, noNaN: true })), (y) => {
        const e = Math.exp(y);
        expect(Math.abs(expNonPositive(y) - e)).toBeLessThanOrEqual(1.2e-15 * e);
      }),
    );
  });
  it('edge cases: 1 at 0, 0 far below, NaN for NaN', () => {
    expect(expNonPositive(0)).toBe(1);
    expect(expNonPositive(-0)).toBe(1);
    expect(expNonPositive(-746)).toBe(0);
    expect(expNonPositive(-1e300)).toBe(0);
    expect(expNonPositive(-Infinity)).toBe(0);
    expect(expNonPositive(NaN)).toBeNaN();
    // Subnormal results keep their size, not their digits.
    expect(expNonPositive(-720)).toBeGreaterThan(0);
    expect(expNonPositive(-720)).toBeLessThan(2 * Math.exp(-720));
  });
});
