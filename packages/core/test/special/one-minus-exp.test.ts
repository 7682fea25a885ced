import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneMinusExp, oneMinusExpInPlace } from '../../src/special/one-minus-exp.ts';
import { expectClose } from '../support/expect-close.ts';
import { expectGolden, golden } from './golden.ts';

// 1 − e^(−t) in script (special/one-minus-exp.ts), the exponential and Weibull cdfs.

describe('oneMinusExp against mpmath (special.json)', () => {
  it('matches −mpmath.expm1(−t) to 2.3e−16 relative, t from 5e−324 to 1e5', () => {
    expectGolden(golden('oneMinusExp'), oneMinusExp, 2.3e-16);
  });
});

describe('oneMinusExp properties (fast-check)', () => {
  it('is within 2.3e−16 relatively of −Math.expm1(−t) (both within an ulp or so)', () => {
    const t = fc.oneof(
      fc.double({ min: 0, max: 800, noNaN: true }),
      fc.double({ min: 0, max: 1e-3, noNaN: true }),
      fc.double({ min: 0.6, max: 0.8, noNaN: true }),
    );
    fc.assert(
      fc.property(t, (v) => {
        expectClose(oneMinusExp(v), -Math.expm1(-v), { rel: 2.3e-16 });
      }),
      { numRuns: 5000 },
    );
  });
  it('is increasing in t and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 800, noNaN: true }), fc.double({ min: 0, max: 800, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(oneMinusExp(lo)).toBeLessThanOrEqual(oneMinusExp(hi));
        expect(oneMinusExp(lo)).toBeGreaterThanOrEqual(0);
        expect(oneMinusExp(hi)).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('the in-place loop works on v[i0…i1) only, each entry as on its own, special values included', () => {
    const t = fc.oneof(
      fc.double({ noNaN: false }),
      fc.double({ min: 0, max: 1e-3, noNaN: true }),
      fc.constantFrom(0, -0, Infinity, -Infinity, NaN, 700, 699.9999999999999, -1e-300),
    );
    fc.assert(
      fc.property(fc.array(t, { maxLength: 50 }), fc.nat(), fc.nat(), (list, a, b) => {
        const i0 = list.length === 0 ? 0 : a % (list.length + 1);
        const i1 = i0 + (list.length === 0 ? 0 : b % (list.length - i0 + 1));
        const v = Float64Array.from(list);
        oneMinusExpInPlace(v, i0, i1);
        list.forEach((x, i) => {
          const alone = Float64Array.of(x);
          oneMinusExpInPlace(alone, 0, 1);
          expect(Object.is(v[i], i >= i0 && i < i1 ? alone[0] : x)).toBe(true);
        });
      }),
    );
  });
  it('outside [0, 700) it is −Math.expm1(−t): 1 above, negative below, NaN for NaN', () => {
    expect(oneMinusExp(Infinity)).toBe(1);
    expect(oneMinusExp(1e5)).toBe(1);
    expect(oneMinusExp(-1)).toBe(-Math.expm1(1));
    expect(oneMinusExp(Number.NaN)).toBeNaN();
    expect(Object.is(oneMinusExp(0), 0)).toBe(true);
  });
});
