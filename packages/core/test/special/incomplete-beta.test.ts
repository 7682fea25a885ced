import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaI, betaIc, logBetaI, logBetaIc } from '../../src/special/incomplete-beta.ts';
import { logBeta } from '../../src/special/log-beta.ts';
import { expectClose, expectOrdered } from '../support/expect-close.ts';
import { special } from './golden.ts';

interface BetaBlock {
  source: string;
  args: [number, number, number][];
  I: number[];
  Ic: number[];
  logI: number[];
  logIc: number[];
}
const data = special['incompleteBeta'] as unknown as BetaBlock;

/**
 * The tolerance for a tail value v at (a, b, x): 5e−15 relative, plus 5e−16·|ln v| (the prefix e^L is only
 * as good as a few ulps of |L|), plus 2e−16·|a − (a + b)x| (the condition number: x·∂ln v/∂x ≈ a − (a + b)x
 * far in a tail, so one ulp of x moves v by that many ulps), plus 5e−16·√(a + b) (near the mean the
 * continued fraction takes O(√(a + b)) steps, and the condition number is that large there too).
 */
function tailTolerance(logValue: number, a: number, b: number, x: number): number {
  return 5e-15 + 5e-16 * Math.abs(logValue) + 2e-16 * Math.abs(a - (a + b) * x) + 5e-16 * Math.sqrt(a + b);
}

/** Every point of a block within `tolerance` (relative; tailTolerance by default), in all four functions. */
function expectTailsWithin(block: BetaBlock, tolerance: (logValue: number, a: number, b: number, x: number) => number = tailTolerance): void {
  const names = ['I', 'Ic', 'logI', 'logIc'] as const;
  const fns = { I: betaI, Ic: betaIc, logI: logBetaI, logIc: logBetaIc };
  block.args.forEach(([a, b, x], i) => {
    const logValue = Math.min(block.logI[i] as number, block.logIc[i] as number);
    for (const name of names) {
      const expected = block[name][i] as number;
      const actual = fns[name](a, b, x);
      const err = Math.abs(actual - expected);
      // Tails below the smallest subnormal are 0 in both; subnormal ones carry only absolute precision.
      const allowed = tolerance(logValue, a, b, x) * Math.abs(expected) + (name.startsWith('log') ? 0 : 1e-320);
      if (!(err <= allowed)) {
        expect.fail(`${name}(${a}, ${b}, ${x}): expected ${expected} (${block.source}), got ${actual}, |diff| ${err.toExponential(3)}`);
      }
    }
  });
}

describe('betaI / betaIc / logBetaI / logBetaIc against mpmath (special.json)', () => {
  it(`${data.args.length} points: shapes 1e−10 to 1e10, equal and lopsided, x from 1e−300 to 1 − 1e−12`, () => {
    expectTailsWithin(data);
  });

  const integers = special['incompleteBetaIntegerShapes'] as unknown as BetaBlock;
  it(`${integers.args.length} points at integer shapes (the finite binomial sum for b ≤ 40, either way round)`, () => {
    expectTailsWithin(integers);
  });
});

const large = special['incompleteBetaLarge'] as unknown as BetaBlock;

describe('betaI / betaIc / logBetaI / logBetaIc at large shapes (BASYM) against mpmath quadrature (special.json)', () => {
  it(`${large.args.length} points: a, b from 200 to 1e15, x from the mean to 50 standard deviations out`, () => {
    // The documented accuracy: 1e−13 relative, plus 5e−16·|ln v| for the e^(−f) factor of a deep tail (f is exact to a
    // few ulps, e^(−f) then to a few ulps of f). Before BASYM the fraction was 6e−11 off at a = b = 1e10 and ran out
    // of steps at 1e15.
    expectTailsWithin(large, (logValue) => 1e-13 + 5e-16 * Math.abs(logValue));
  });
});

describe('incomplete beta at large shapes (fast-check)', () => {
  const logShape = fc.double({ min: Math.log(101), max: Math.log(1e15), noNaN: true }).map(Math.exp);
  it('the asymptotic expansion and the continued fraction agree where they meet, |λ| = 0.03·min(a, b)', () => {
    fc.assert(
      fc.property(logShape, logShape, fc.boolean(), (a, b, below) => {
        // Four equally spaced x (h a power of two, so they are exact) with TOMS 708's switch λ = a − (a + b)x =
        // ±0.03·min(a, b) between the second and the third: the third difference l₄ − 3l₃ + 3l₂ − l₁ of ln T is
        // −2 × any jump there, while the smooth part contributes only (ln T)‴·h³. Allowed: the accuracy of the
        // values, 1e−13 + 5e−16·|ln T| relative as in the golden test, eight times. (A second difference does not
        // do: at a = 3.5e6, b = 101 the curvature over 1e−12·x is 4e−13 of ln T, mpmath agreeing with both sides.)
        const lambda = (below ? 1 : -1) * 0.03 * Math.min(a, b);
        const x0 = (a - lambda) / (a + b);
        // h about 1e−7 standard deviations (so (ln T)‴·h³ is negligible), and at least 4 ulps of x.
        const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
        const h = 2 ** Math.max(Math.floor(Math.log2(1e-7 * sd)), Math.floor(Math.log2(x0)) - 50);
        // Where 4 ulps of x are more than 1e−6 sd (x near 1 and a/b > 1e9 or so) the doubles cannot resolve the
        // distribution finely enough for a difference test: the third difference of the smooth part alone reaches
        // 7.5e−13 of ln T at a = 2.9e12, b = 101 (values within 3e−16 of mpmath there).
        fc.pre(h <= 1e-6 * sd);
        const x2 = Math.floor(x0 / h) * h;
        const log = below ? logBetaI : logBetaIc;
        const [l1, l2, l3, l4] = [x2 - h, x2, x2 + h, x2 + 2 * h].map((x) => log(a, b, x)) as [number, number, number, number];
        const slack = 8 * (1e-13 + 5e-16 * Math.abs(l1)) * Math.abs(l1);
        expect(Math.abs(l4 - 3 * l3 + 3 * l2 - l1)).toBeLessThanOrEqual(slack);
        // Ordered: the lower tail grows with x, the upper one falls.
        expect(below ? l3 - l2 : l2 - l3).toBeGreaterThanOrEqual(-slack);
      }),
    );
  });
});

const shape = fc.double({ min: 1e-2, max: 1e4, noNaN: true });
const unit = fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true });

describe('incomplete beta properties (fast-check)', () => {
  it('I + (1 − I) = 1, the logs agree, and I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    fc.assert(
      fc.property(shape, shape, unit, (a, b, x) => {
        const i = betaI(a, b, x);
        const ic = betaIc(a, b, x);
        expectClose(i + ic, 1, { rel: 4e-16 });
        if (i > 1e-300) expectClose(logBetaI(a, b, x), Math.log(i), { rel: 1e-14, abs: 1e-15 });
        if (ic > 1e-300) expectClose(logBetaIc(a, b, x), Math.log(ic), { rel: 1e-14, abs: 1e-15 });
        // 1 − x is exact for x ≥ ½; for x < ½ compare at the rounded 1 − x from both sides.
        const y = 1 - x;
        const xBack = 1 - y;
        expectClose(betaIc(b, a, y), betaI(a, b, xBack), { rel: 1e-13, abs: 1e-300 });
      }),
    );
  });

  it('I_x(a, b) is non-decreasing in x to its accuracy', () => {
    fc.assert(
      fc.property(shape, shape, unit, unit, (a, b, x1, x2) => {
        const [lo, hi] = x1 < x2 ? [x1, x2] : [x2, x1];
        // Up to I's accuracy: x's a few ulps apart can give values in either order within it (so does scipy's betainc).
        expectOrdered(betaI(a, b, lo), betaI(a, b, hi), { rel: 2e-14 });
      }),
    );
  });

  it('I_x(a + 1, b) = I_x(a, b) − x^a (1 − x)^b / (a B(a, b)) (DLMF 8.17.20)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 200, noNaN: true }), fc.double({ min: 0.05, max: 200, noNaN: true }), unit, (a, b, x) => {
        const term = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - Math.log(a) - logBeta(a, b));
        const rhs = betaI(a, b, x) - term;
        expectClose(betaI(a + 1, b, x), rhs, { rel: 0, abs: 1e-12 * (betaI(a, b, x) + term) + 1e-300 });
      }),
    );
  });
});

describe('incomplete beta edge cases', () => {
  it('closed forms: I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b', () => {
    expectClose(betaI(1, 1, 0.3), 0.3, { rel: 1e-15 });
    expectClose(betaI(2.5, 1, 0.3), 0.3 ** 2.5, { rel: 1e-15 });
    expectClose(betaIc(1, 4, 0.3), 0.7 ** 4, { rel: 1e-15 });
    expectClose(logBetaI(1, 1, 1e-300), Math.log(1e-300), { rel: 1e-15 });
  });

  it('x = 0 and x = 1', () => {
    expect(betaI(2, 3, 0)).toBe(0);
    expect(betaI(2, 3, 1)).toBe(1);
    expect(betaIc(2, 3, 0)).toBe(1);
    expect(betaIc(2, 3, 1)).toBe(0);
    expect(logBetaI(2, 3, 0)).toBe(Number.NEGATIVE_INFINITY);
    expect(logBetaI(2, 3, 1)).toBe(0);
    expect(logBetaIc(2, 3, 0)).toBe(0);
    expect(logBetaIc(2, 3, 1)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('NaN outside the domain: a or b ≤ 0 or infinite, x outside [0, 1], NaN', () => {
    for (const fn of [betaI, betaIc, logBetaI, logBetaIc]) {
      expect(fn(0, 1, 0.5)).toBeNaN();
      expect(fn(1, -1, 0.5)).toBeNaN();
      expect(fn(Number.POSITIVE_INFINITY, 1, 0.5)).toBeNaN();
      expect(fn(1, Number.POSITIVE_INFINITY, 0.5)).toBeNaN();
      expect(fn(1, 1, -0.1)).toBeNaN();
      expect(fn(1, 1, 1.1)).toBeNaN();
      expect(fn(Number.NaN, 1, 0.5)).toBeNaN();
      expect(fn(1, Number.NaN, 0.5)).toBeNaN();
      expect(fn(1, 1, Number.NaN)).toBeNaN();
    }
  });
});

describe('betaI and betaIc at a = b = ½ (the arcsine law, (2/π)·asin(√x)) against mpmath (special.json)', () => {
  it('are within 4.5e−16 relatively, in both tails', () => {
    const block = special['betaArcsine'] as unknown as { args: number[][]; values: number[] };
    expect(block.args.length).toBeGreaterThan(10);
    block.args.forEach(([x], i) => {
      const expected = block.values[i] as number;
      expectClose(betaI(0.5, 0.5, x as number), expected, { rel: 4.5e-16 });
      // The complement at 1 − x is the same tail (symmetric shapes), from the other side of the switch-over,
      // where 1 − x is a double exactly.
      const y = 1 - (x as number);
      if ((x as number) <= 0.5 && 1 - y === x) expectClose(betaIc(0.5, 0.5, y), expected, { rel: 4.5e-16 });
    });
  });
});

describe('betaI / betaIc / logBetaI / logBetaIc at a = 1 or b = 1 (the closed forms x^a and 1 − y^b) against mpmath (special.json)', () => {
  it('are within 4.5e−16 relatively (two ulps), in both tails, from 1e−300 to 1 − 1e−15', () => {
    const block = special['betaClosedForms'] as unknown as BetaBlock;
    expect(block.args.length).toBeGreaterThan(100);
    const fns = { I: betaI, Ic: betaIc, logI: logBetaI, logIc: logBetaIc };
    block.args.forEach(([a, b, x], i) => {
      for (const name of ['I', 'Ic', 'logI', 'logIc'] as const) {
        // Tails below the smallest subnormal are 0 in both; subnormal ones carry only absolute precision.
        expectClose(fns[name](a, b, x), block[name][i] as number, { rel: 4.5e-16, abs: name.startsWith('log') ? 0 : 1e-320 });
      }
    });
  });
});
