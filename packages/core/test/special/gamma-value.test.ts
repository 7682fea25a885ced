import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACTORIAL, gammaValue } from '../../src/special/gamma-value.ts';
import { expectGolden, golden } from './golden.ts';

describe('gammaValue against mpmath (special.json)', () => {
  it('is within 2.3e−16 relatively (an ulp), from 1e−300 to the overflow at 171.62', () => {
    expectGolden(golden('gammaValue'), gammaValue, 2.3e-16);
  });
});

describe('gammaValue properties and edges', () => {
  it('k! exactly for k ≤ 22 (below 2^53·2^k, so every factorial there is a double), and Γ(k + 1) = k!', () => {
    let exact = 1n;
    for (let k = 1; k <= 22; k++) {
      exact *= BigInt(k);
      expect(FACTORIAL[k]).toBe(Number(exact));
      expect(BigInt(FACTORIAL[k] as number)).toBe(exact);
      expect(gammaValue(k + 1)).toBe(FACTORIAL[k]);
    }
  });

  it('Γ(a + 1) = aΓ(a) to a few ulps (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 170, noNaN: true }), (a) => {
        const lhs = gammaValue(a + 1);
        const rhs = a * gammaValue(a);
        // a + 1 is rounded for a not a multiple of its ulp: Γ moves by ψ(a + 1)·(a + 1)·2^−53 relatively.
        const rel = 8e-16 + 1.2e-16 * Math.log(a + 2) * (a + 1);
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(rel * Math.abs(rhs));
      }),
    );
  });

  it('overflows to +Infinity past 171.62 and is NaN outside its domain', () => {
    expect(gammaValue(171.7)).toBe(Number.POSITIVE_INFINITY);
    expect(gammaValue(1e300)).toBe(Number.POSITIVE_INFINITY);
    expect(gammaValue(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    for (const a of [0, -0, -1, -2.5, Number.NaN, Number.NEGATIVE_INFINITY]) expect(gammaValue(a)).toBeNaN();
  });
});
