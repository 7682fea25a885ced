// Differential tests of normalNll / normalNllFromStats against mpmath (exact sums of the doubles,
// test/fixtures/differential.py) on random samples of spread 1e-300 … 1e300, offsets to 1e12, μ far
// from the data and ρ up to ±450, where S, Σ(x − μ) or e^(−2ρ) leave the double range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalNll, normalNllFromStats } from '../../src/likelihood/normal-nll.ts';
import { normalSufficientStats } from '../../src/likelihood/normal-sufficient-stats.ts';
import data from '../fixtures/differential.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';
import { fixtureNumber } from '../support/fixture-number.ts';

describe('normalNll against mpmath at extreme scales', () => {
  it('regression: μ so far from the data that S overflows gives loss +Infinity, not NaN', () => {
    const r = normalNll([3, -4, 5], -3e180, 1);
    expect(r.loss).toBe(Infinity);
    expect(r.gradRho).toBe(-Infinity);
    expectClose(r.gradMu, -3 * 3e180 * Math.exp(-2), { rel: 1e-14 }); // −Σ(x − μ)·e^(−2ρ), finite
    // …and e^(−2ρ) tiny enough brings S·e^(−2ρ) back into range: 3·(3e180)²·e^(−2·300)/2.
    const back = normalNll([3, -4, 5], -3e180, 300);
    expect(Number.isFinite(back.loss)).toBe(true);
  });

  it('regression: ∂L/∂μ is exactly 0 at μ = x̄ whatever ρ (no 0·∞)', () => {
    for (const rho of [-380, -700, 500]) {
      expect(normalNll([2, 4, 9], 5, rho).gradMu).toBe(0);
      expect(normalNllFromStats({ n: 3, mean: 5, m2: 26 }, 5, rho).gradMu).toBe(0);
    }
  });

  it('matches mpmath on 83 random cases (differential.json)', () => {
    for (const c of data.nll) {
      const r = normalNll(c.x, c.mu, c.rho);
      // mpmath, prec 4500 (see differential.py). Log-space products past the double range carry
      // about u·|ln S − 2ρ| ≤ 2e-13 relative.
      const n = c.x.length;
      expectClose(r.loss, fixtureNumber(c.loss), { rel: 2e-12, abs: 1e-12 * Math.abs(n * c.rho) });
      // Σ(xᵢ − μ) cancels near x̄: its rounding is about n·u·Σ|xᵢ − μ|, times e^(−2ρ) (formed in logs).
      let sumAbs = 0;
      for (const v of c.x) sumAbs += Math.abs(v / 2 - c.mu / 2);
      const slack = sumAbs === 0 ? 0 : Math.exp(Math.log(8 * n * Number.EPSILON * 2 * sumAbs) - 2 * c.rho);
      expectClose(r.gradMu, fixtureNumber(c.gradMu), { rel: 2e-12, abs: Number.isFinite(slack) ? slack : 0 });
      expectClose(r.gradRho, fixtureNumber(c.gradRho), { rel: 2e-12, abs: 1e-12 * c.x.length });
    }
  });

  it('property: never NaN for finite input, at any scale of data, μ and ρ', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1.7e308, max: 1.7e308, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: -1.7e308, max: 1.7e308, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (x, mu, rho) => {
          const r = normalNll(x, mu, rho);
          if (Number.isNaN(r.loss) || Number.isNaN(r.gradMu) || Number.isNaN(r.gradRho)) return false;
          let stats;
          try {
            stats = normalSufficientStats(x);
          } catch {
            return true; // its sum of squares overflows: a clear RangeError, tested in its own file
          }
          const s = normalNllFromStats(stats, mu, rho);
          return !Number.isNaN(s.gradMu);
        },
      ),
      { numRuns: 500 },
    );
  });
});
