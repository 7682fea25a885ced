import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaI, betaIc } from '../../src/special/incomplete-beta.ts';
import { betaIInv, betaIcInv } from '../../src/special/incomplete-beta-inverse.ts';
import { expectClose, expectOrdered } from '../support/expect-close.ts';
import { special } from './golden.ts';

interface BetaInverseBlock {
  source: string;
  args: [number, number, number][];
  pInv: number[];
}
const data = special['betaInverse'] as unknown as BetaInverseBlock;

/**
 * Relative tolerance on x. The smaller tail T is computed to 5e−15 + 5e−16·|ln T| + 5e−16·√(a + b) (see
 * incomplete-beta.test.ts), and the root moves by (ΔT/T)/|d ln T/d ln t| with t = x, or t = 1 − x for roots above ½
 * (whose relative error is then smaller still in x). That slope is at least about min(a, b, 1): T ≈ t^a/(a B(a, b))
 * at the lower end, t^b/(b B(a, b)) at the upper, and larger in between; so x is within the tail's tolerance over
 * min(a, b, 1), plus a few ulps of x itself.
 */
function xTolerance(a: number, b: number, p: number): number {
  const s = Math.min(p, 1 - p);
  return 4e-16 + (5e-15 + 5e-16 * Math.abs(Math.log(s)) + 5e-16 * Math.sqrt(a + b)) / Math.min(a, b, 1);
}

describe('betaIInv against mpmath.findroot (special.json)', () => {
  it(`${data.args.length} points: a, b from 1e−3 to 1e6, p from 1e−300 to 1 − 1e−12`, () => {
    data.args.forEach(([a, b, p], i) => {
      const expected = data.pInv[i] as number;
      const actual = betaIInv(a, b, p);
      // Quantiles below the smallest subnormal are 0 in both.
      const allowed = xTolerance(a, b, p) * expected + 1e-320;
      if (!(Math.abs(actual - expected) <= allowed)) {
        expect.fail(`betaIInv(${a}, ${b}, ${p}): expected ${expected} (${data.source}), got ${actual}`);
      }
    });
  });
});

describe('inverse incomplete beta properties (fast-check)', () => {
  const shape = fc.double({ min: 0.1, max: 1e3, noNaN: true });
  it('betaIInv(a, b, I_x(a, b)) = x and betaIcInv(a, b, 1 − I_x(a, b)) = x', () => {
    fc.assert(
      fc.property(shape, shape, fc.double({ min: 1e-3, max: 1 - 1e-3, noNaN: true }), (a, b, x) => {
        const i = betaI(a, b, x);
        const ic = betaIc(a, b, x);
        const tol = { rel: 1e-12 / Math.min(a, b, 1), abs: 2 ** -52 };
        if (i > 1e-300 && i < 0.5) expectClose(betaIInv(a, b, i), x, tol);
        if (ic > 1e-300 && ic < 0.5) expectClose(betaIcInv(a, b, ic), x, tol);
      }),
    );
  });

  it('is increasing in p to its accuracy', () => {
    fc.assert(
      fc.property(shape, shape, fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (a, b, p1, p2) => {
        const [lo, hi] = p1 < p2 ? [p1, p2] : [p2, p1];
        // Ordered up to the inverse's accuracy (the round-trip tolerance above): p's a few ulps apart give x's
        // closer than that, in either order.
        const tol = { rel: 1e-12 / Math.min(a, b, 1), abs: 2 ** -52 };
        expectOrdered(betaIInv(a, b, lo), betaIInv(a, b, hi), tol);
        expectOrdered(betaIcInv(a, b, hi), betaIcInv(a, b, lo), tol);
      }),
    );
  });
});

describe('inverse incomplete beta edge cases', () => {
  it('closed forms, the ends of [0, 1], NaN outside the domain', () => {
    expectClose(betaIInv(1, 1, 0.25), 0.25, { rel: 4e-16 }); // I_x(1, 1) = x
    expectClose(betaIcInv(1, 2, 0.25), 0.5, { rel: 4e-16 }); // 1 − I_x(1, 2) = (1 − x)²
    expectClose(betaIInv(3, 1, 0.125), 0.5, { rel: 1e-15 }); // I_x(3, 1) = x³
    expect(betaIInv(2, 3, 0)).toBe(0);
    expect(betaIInv(2, 3, 1)).toBe(1);
    expect(betaIcInv(2, 3, 0)).toBe(1);
    expect(betaIcInv(2, 3, 1)).toBe(0);
    expect(betaIInv(0.3, 7, 1e-300)).toBe(0); // ~1e−1000 underflows
    for (const fn of [betaIInv, betaIcInv]) {
      expect(fn(0, 1, 0.5)).toBeNaN();
      expect(fn(1, -1, 0.5)).toBeNaN();
      expect(fn(Number.POSITIVE_INFINITY, 1, 0.5)).toBeNaN();
      expect(fn(1, 1, -0.1)).toBeNaN();
      expect(fn(1, 1, 1.1)).toBeNaN();
      expect(fn(Number.NaN, 1, 0.5)).toBeNaN();
      expect(fn(1, 1, Number.NaN)).toBeNaN();
    }
  });
});

describe('betaIInv and betaIcInv where I has a closed form (a = 1, b = 1, a = b = ½) against mpmath (special.json)', () => {
  it('are within 4.5e−16 relatively plus an ulp of ln x (the root is e^(ln p / a) and alike)', () => {
    const block = special['betaClosedFormInverses'] as unknown as { args: [number, number, number][]; pInv: number[]; qInv: number[] };
    expect(block.args.length).toBeGreaterThan(100);
    block.args.forEach(([a, b, p], i) => {
      for (const [fn, expected] of [[betaIInv, block.pInv[i]], [betaIcInv, block.qInv[i]]] as const) {
        const x = expected as number;
        const rel = 4.5e-16 + (x > 0 ? 2.3e-16 * Math.abs(Math.log(x)) : 0);
        expectClose(fn(a, b, p), x, { rel, abs: 1e-320 });
      }
    });
  });
});
