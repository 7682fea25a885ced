// Differential tests of the information-theoretic losses and the softmax family against mpmath
// (test/fixtures/differential.py) and exact identities, on weights from subnormal to 1e308 and
// logits whose sums run over tens of thousands of terms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entropy, klDivergence } from '../../src/classification/cross-entropy.ts';
import { logSoftmax, logSumExp, softmax } from '../../src/classification/softmax.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { exactSum } from '../support/exact.ts';
import data from '../fixtures/differential.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';
import { fixtureNumber } from '../support/fixture-number.ts';

/** Weights over the whole double range: subnormal, tiny, ordinary and huge. */
const weight = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 1, max: 2 ** 20 }).map((m) => m * 2 ** -1074),
  fc.tuple(fc.double({ min: 0.5, max: 1, noNaN: true }), fc.integer({ min: -320, max: 307 })).map(([m, e]) => m * 10 ** e),
);

describe('klDivergence against mpmath', () => {
  it('regression: a ratio p/q that overflows or underflows is taken in logarithms (not +Infinity or 0)', () => {
    // p = [2, 3000·2⁻¹⁰⁷⁴], q = [81·2⁻¹⁰⁷⁴, 5] (subnormals, exact): p̂ ≈ [1, 7e-321], q̂ ≈ [81·2⁻¹⁰⁷⁴/5, 1],
    // so D = ln(5/(81·2⁻¹⁰⁷⁴)) + a term of order 1e-318 = ln 5 − ln 81 + 1074·ln 2 ≈ 741.7 (by hand).
    const d = klDivergence([2, 3000 * 2 ** -1074], [81 * 2 ** -1074, 5]);
    expectClose(d, Math.log(5) - Math.log(81) + 1074 * Math.LN2, { rel: 1e-14 });
    // Weights whose sum overflows.
    expectClose(klDivergence([1.5e308, 1.5e308], [1, 1]), 0, { abs: 1e-15 });
    expectClose(entropy([1.2e308, 1.2e308, 1.2e308, 1.2e308]), Math.log(4), { rel: 1e-15 });
  });

  it(`matches mpmath on ${data.kl.length} random cases with entries down to subnormals (differential.json)`, () => {
    for (const c of data.kl) {
      const exact = fixtureNumber(c.exact);
      // mpmath at 400 bits; the log path carries about u·|ln p̂ − ln q̂| ≤ 1e-13 per term.
      expectClose(klDivergence(c.p, c.q), exact, { rel: 1e-12, abs: 1e-13 });
      // scipy.stats.entropy(p, q) is the same where its p/q did not overflow.
    }
  });

  it('property: D(p‖q) ≥ 0, finite unless some q_i = 0 < p_i, 0 for q = p; 0 ≤ H(p) ≤ ln n', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(weight, weight), { minLength: 1, maxLength: 8 }), (pairs) => {
        const p = pairs.map(([a]) => a);
        const q = pairs.map(([, b]) => b);
        fc.pre(p.some((v) => v > 0) && q.some((v) => v > 0));
        const d = klDivergence(p, q);
        const zeroQ = p.some((v, i) => v > 0 && q[i] === 0);
        expect(d === Infinity).toBe(zeroQ);
        if (!zeroQ) expect(d).toBeGreaterThanOrEqual(-1e-13);
        expectClose(klDivergence(p, p), 0, { abs: 1e-13 });
        const h = entropy(p);
        expect(Number.isFinite(h) && h >= -1e-15 && h <= Math.log(p.length) + 1e-13).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('logSumExp and softmax against mpmath', () => {
  /** |a − b| in units of the last place of b. */
  const ulps = (a: number, b: number): number => Math.abs(a - b) / (Math.abs(b) * Number.EPSILON);

  for (const c of data.logSumExp) {
    it(`logSumExp of RandomState(${c.seed}).uniform(${c.low}, ${c.high}, ${c.n}) is within 4 ulp of exact`, () => {
      // numpy 2.4: np.random.RandomState(seed).uniform(low, high, n), reproduced bit for bit.
      const x = createRandomState(c.seed).uniform(c.low, c.high, c.n);
      // mpmath at 40 digits: max + log Σ exp(x − max). 460 ulp with the uncompensated sum before.
      expect(ulps(logSumExp(x), c.exact)).toBeLessThanOrEqual(4);
      const p = softmax(x);
      const lp = logSoftmax(x);
      c.softmaxFirst.forEach((v, i) => {
        expectClose(p[i] as number, v, { rel: 8 * Number.EPSILON });
        expectClose(Math.exp(lp[i] as number), v, { rel: 1e-13 });
      });
    });
  }

  it('property: softmax sums to 1 within a few ulp for 1 … 3000 logits of any spread', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 3000 }), fc.double({ min: 1e-3, max: 800, noNaN: true }), (seed, n, spread) => {
        const p = softmax(createRandomState(seed).uniform(-spread, spread, n));
        // Each p_i carries ≤ ~2 ulp; their exact sum is then 1 ± 2u·Σp.
        return Math.abs(exactSum(p) - 1) <= 4 * Number.EPSILON;
      }),
      { numRuns: 100 },
    );
  });
});
