import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialDeviance } from '../../src/special/binomial-deviance.ts';
import { log1pmx } from '../../src/special/log1pmx.ts';
import { expectClose } from '../support/expect-close.ts';
import { expectGolden, golden } from './golden.ts';

describe('binomialDeviance against mpmath (special.json)', () => {
  it('matches x·log(x/np) + np − x at 700 digits to 1e−15 relative', () => {
    expectGolden(golden('binomialDeviance'), binomialDeviance, 1e-15);
  });
});

describe('binomialDeviance properties (fast-check)', () => {
  const pos = fc.double({ min: 1e-3, max: 1e9, noNaN: true });
  it('bd0(x, np) = −x·log1pmx((np − x)/x) ≥ 0', () => {
    fc.assert(
      fc.property(pos, pos, (x, np) => {
        const d = binomialDeviance(x, np);
        expect(d).toBeGreaterThanOrEqual(0);
        // (np − x)/x is rounded once: allow |∂/∂t|·ulp, that is x·|t/(1 + t)|·|t|·ε.
        const t = (np - x) / x;
        expectClose(d, -x * log1pmx(t), { rel: 4e-15, abs: 3e-16 * x * Math.abs(t) * Math.abs(t / (1 + t)) });
      }),
    );
  });
});

describe('binomialDeviance edge cases', () => {
  it('0 at x = np, np at x = 0; NaN outside the domain', () => {
    expect(binomialDeviance(7, 7)).toBe(0);
    expect(binomialDeviance(0, 2.5)).toBe(2.5);
    expect(binomialDeviance(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(binomialDeviance(-1, 2)).toBeNaN();
    expect(binomialDeviance(1, 0)).toBeNaN();
    expect(binomialDeviance(1, -1)).toBeNaN();
    expect(binomialDeviance(1, Number.POSITIVE_INFINITY)).toBeNaN();
    expect(binomialDeviance(Number.NaN, 1)).toBeNaN();
    expect(binomialDeviance(1, Number.NaN)).toBeNaN();
  });
});
