// Stability of fitNormalGd against its documented conditions, on random samples of spread 1e-100 …
// 1e100 with offsets: with both step multipliers |1 − η_μ·n/σ̂²|, |1 − 2n·η_ρ| < 1 the run reaches
// the closed-form MLE; with either outside, it never reports convergence and says 'diverged'.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalMle } from '../../src/likelihood/normal-mle.ts';
import { fitNormalGd } from '../../src/optimize/gradient-descent.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { expectClose } from '../support/expect-close.ts';

const sample = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    n: fc.integer({ min: 5, max: 300 }),
    s: fc.integer({ min: -100, max: 100 }),
    o: fc.integer({ min: 0, max: 6 }),
  })
  .map(({ seed, n, s, o }) => {
    const spread = 10 ** s;
    return Array.from(createRandomState(seed).normal(0, 1, n), (v) => 10 ** o * spread + spread * v);
  });

describe('fitNormalGd stability conditions', () => {
  it('regression: an unstable μ step (η_μ·n/σ̂² > 2) is reported as diverged, never as converged', () => {
    const x = createRandomState(8).normal(-2, 0.5, 40);
    const { sigma2 } = normalMle(x);
    const lrMu = (2.6 * sigma2) / 40; // multiplier 1 − 2.6 = −1.6 at the optimum
    const fit = fitNormalGd(x, { learningRate: { mu: lrMu, rho: 0.001 } });
    expect(fit.converged).toBe(false);
    expect(fit.reason).toBe('diverged');
    // The same data with a stable μ step converges.
    const ok = fitNormalGd(x, { learningRate: { mu: (0.8 * sigma2) / 40, rho: 0.001 }, maxIterations: 20000 });
    expect(ok.reason).toBe('tolerance');
  });

  it('regression: an unstable ρ step (η_ρ·n ≥ 1) is reported as diverged', () => {
    const x = createRandomState(9).normal(1, 3, 50);
    const fit = fitNormalGd(x, { learningRate: { mu: 0.01, rho: 1.3 / 50 } });
    expect(fit.converged).toBe(false);
    expect(fit.reason).toBe('diverged');
  });

  it('property: stable steps reach the MLE at every scale; unstable ones never say converged', () => {
    fc.assert(
      fc.property(
        sample,
        fc.double({ min: 0.05, max: 1.9, noNaN: true }),
        fc.double({ min: 0.05, max: 1.9, noNaN: true }),
        fc.constantFrom('sum', 'mean'),
        (x, a, b, reduction) => {
          const n = x.length;
          const mle = normalMle(x);
          const perSample = reduction === 'sum' ? n : 1;
          // η_μ = a·σ̂²/perSample and η_ρ = b/(2·perSample): multipliers 1 − a and 1 − b.
          const lr = { mu: (a * mle.sigma2) / perSample, rho: b / (2 * perSample) };
          const fit = fitNormalGd(x, { learningRate: lr, reduction, maxIterations: 3000, tolerance: 0 });
          const stable = a < 2 && b < 2;
          if (!stable) return !fit.converged;
          // Far from both edges the iteration contracts by ≤ 0.95 a step: 3000 steps reach rounding level.
          if (Math.abs(1 - a) < 0.95 && Math.abs(1 - b) < 0.95) {
            expect(fit.reason).toBe('max-iterations');
            expectClose(fit.mu, mle.mu, { rel: 0, abs: 1e-9 * mle.sigma + 1e-15 * Math.abs(mle.mu) });
            expectClose(fit.sigma, mle.sigma, { rel: 1e-9 });
          }
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: step sizes past either condition never report converged', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 2.01, max: 10, noNaN: true }), fc.boolean(), (x, c, onMu) => {
        const n = x.length;
        const mle = normalMle(x);
        const lr = onMu ? { mu: (c * mle.sigma2) / n, rho: 0.1 / n } : { mu: (0.5 * mle.sigma2) / n, rho: c / (2 * n) };
        const fit = fitNormalGd(x, { learningRate: lr, maxIterations: 2000 });
        return !fit.converged && fit.reason === 'diverged';
      }),
      { numRuns: 150 },
    );
  });
});
