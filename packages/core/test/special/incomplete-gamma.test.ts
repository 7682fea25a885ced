import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gammaP, gammaQ, logGammaP, logGammaQ } from '../../src/special/incomplete-gamma.ts';
import { logGamma } from '../../src/special/log-gamma.ts';
import { expectClose, expectOrdered } from '../support/expect-close.ts';
import { special } from './golden.ts';

interface GammaBlock {
  source: string;
  args: [number, number][];
  P: number[];
  Q: number[];
  logP: number[];
  logQ: number[];
}
const data = special['incompleteGamma'] as unknown as GammaBlock;

/**
 * The tolerance for a tail value v: 5e−15 relative, plus 5e−16·|ln v|. The second part is the problem's
 * own condition: P and Q move by |x·∂ln Q/∂x| ≈ |x − a| ≈ |ln v| ulps per ulp of x (far in a tail), and
 * the prefix x^a e^−x/Γ(a) = e^L is computed from an L that is itself only good to a few ulps of |L|.
 */
function tailTolerance(logValue: number): number {
  return 5e-15 + 5e-16 * Math.abs(logValue);
}

/** Every point of a block within tailTolerance, in all four functions. */
function expectTailsWithin(block: GammaBlock): void {
  const names = ['P', 'Q', 'logP', 'logQ'] as const;
  const fns = { P: gammaP, Q: gammaQ, logP: logGammaP, logQ: logGammaQ };
  block.args.forEach(([a, x], i) => {
    for (const name of names) {
      const expected = block[name][i] as number;
      // ln(1 − v) for the larger tail inherits v's relative error: scale by the smaller tail's log.
      const logValue = Math.min(block.logP[i] as number, block.logQ[i] as number);
      const actual = fns[name](a, x);
      const err = Math.abs(actual - expected);
      // Tails below the smallest subnormal are 0 in both; subnormal ones carry only absolute precision.
      const allowed = tailTolerance(logValue) * Math.abs(expected) + (name.startsWith('log') ? 0 : 1e-320);
      if (!(err <= allowed)) {
        expect.fail(`${name}(${a}, ${x}): expected ${expected} (${block.source}), got ${actual}, |diff| ${err.toExponential(3)}`);
      }
    }
  });
}

describe('gammaP / gammaQ / logGammaP / logGammaQ against mpmath (special.json)', () => {
  it(`${data.args.length} points, a from 1e−10 to 1e6, x from 1e−300 to 1e4, Poisson λ = 250`, () => {
    expectTailsWithin(data);
  });

  const shapes = special['incompleteGammaShapes'] as unknown as GammaBlock;
  it(`${shapes.args.length} points at shapes to 171.6: every integer to 31, 50, 100, 170, 171, and 40 others (the direct prefix, the finite sum)`, () => {
    expectTailsWithin(shapes);
  });

  it('the deep tails of issue 11: shape 0.3 at x = 1e−12 and x = 150, Poisson(250) far out', () => {
    const find = (a: number, x: number): number => data.args.findIndex(([p, q]) => p === a && q === x);
    const i = find(0.3, 1e-12);
    const j = find(0.3, 150);
    const k = find(1, 250); // Poisson(250) cdf at k = 0: e^−250
    expectClose(gammaP(0.3, 1e-12), data.P[i] as number, { rel: 1e-14 });
    expectClose(gammaQ(0.3, 150), data.Q[j] as number, { rel: 1e-13 });
    expectClose(gammaQ(1, 250), data.Q[k] as number, { rel: 1e-13 });
  });
});

const shape = fc.double({ min: 1e-3, max: 1e5, noNaN: true });
const ratio = fc.double({ min: 1e-3, max: 5, noNaN: true });

describe('incomplete gamma properties (fast-check)', () => {
  it('P + Q = 1 and the logs agree with the values', () => {
    fc.assert(
      fc.property(shape, ratio, (a, r) => {
        const x = a * r;
        const p = gammaP(a, x);
        const q = gammaQ(a, x);
        expectClose(p + q, 1, { rel: 4e-16 });
        if (p > 1e-300) expectClose(logGammaP(a, x), Math.log(p), { rel: 1e-14, abs: 1e-15 });
        if (q > 1e-300) expectClose(logGammaQ(a, x), Math.log(q), { rel: 1e-14, abs: 1e-15 });
      }),
    );
  });

  it('P is non-decreasing in x to its accuracy', () => {
    fc.assert(
      fc.property(shape, ratio, ratio, (a, r1, r2) => {
        const [lo, hi] = r1 < r2 ? [r1, r2] : [r2, r1];
        // Up to P's accuracy (5e−15 + 5e−16·|ln T|, see the golden test): x's a few ulps apart can give values in
        // either order within it (scipy's gammainc reverses ~1 % of such pairs).
        expectOrdered(gammaP(a, a * lo), gammaP(a, a * hi), { rel: 2e-14 });
        expectOrdered(logGammaQ(a, a * hi), logGammaQ(a, a * lo), { rel: 2e-14, abs: 2e-14 });
      }),
    );
  });

  it('P(a + 1, x) = P(a, x) − x^a e^−x / Γ(a + 1) (DLMF 8.8.5)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 200, noNaN: true }), ratio, (a, r) => {
        const x = a * r;
        const term = Math.exp(a * Math.log(x) - x - logGamma(a + 1));
        const rhs = gammaP(a, x) - term;
        // the right-hand side may cancel; its terms are each good to ~1e−14 of their size.
        expectClose(gammaP(a + 1, x), rhs, { rel: 0, abs: 2e-13 * (gammaP(a, x) + term) + 1e-300 });
      }),
    );
  });
});

describe('incomplete gamma edge cases', () => {
  it('x = 0 and x = +Infinity', () => {
    expect(gammaP(2, 0)).toBe(0);
    expect(gammaQ(2, 0)).toBe(1);
    expect(logGammaP(2, 0)).toBe(Number.NEGATIVE_INFINITY);
    expect(logGammaQ(2, 0)).toBe(0);
    expect(gammaP(2, Number.POSITIVE_INFINITY)).toBe(1);
    expect(gammaQ(2, Number.POSITIVE_INFINITY)).toBe(0);
    expect(logGammaP(2, Number.POSITIVE_INFINITY)).toBe(0);
    expect(logGammaQ(2, Number.POSITIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('NaN outside the domain: a ≤ 0, a = +Infinity, x < 0, NaN', () => {
    for (const fn of [gammaP, gammaQ, logGammaP, logGammaQ]) {
      expect(fn(0, 1)).toBeNaN();
      expect(fn(-1, 1)).toBeNaN();
      expect(fn(Number.POSITIVE_INFINITY, 1)).toBeNaN();
      expect(fn(1, -1)).toBeNaN();
      expect(fn(1, Number.NEGATIVE_INFINITY)).toBeNaN();
      expect(fn(Number.NaN, 1)).toBeNaN();
      expect(fn(1, Number.NaN)).toBeNaN();
    }
  });

  it('the logs stay finite where the values underflow', () => {
    // Q(1, x) = e^−x exactly, so ln Q(1, 1e4) = −1e4.
    expectClose(logGammaQ(1, 1e4), -1e4, { rel: 1e-15 });
    expect(gammaQ(1, 1e4)).toBe(0);
    // P(1, x) = 1 − e^−x = x − x²/2 + …, so ln P(1, 1e−300) = ln(1e−300).
    expectClose(logGammaP(1, 1e-300), Math.log(1e-300), { rel: 1e-15 });
  });
});
