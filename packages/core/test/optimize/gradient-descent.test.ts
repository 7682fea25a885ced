import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalMle } from '../../src/likelihood/normal-mle.ts';
import { createNormalGdRun, fitNormalGd } from '../../src/optimize/gradient-descent.ts';
import type { NormalFitOptions } from '../../src/optimize/normal-fit-run.ts';
import data from '../fixtures/optimize.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';
import { expectNotebookRun } from './expect-notebook-run.ts';

const sample = (c: (typeof data.cases)[number]): number[] => data.data[c.data as 'notebook' | 'small'];

describe("fitNormalGd against the notebook's gradient_descent_mle_basic (optimize.json)", () => {
  for (const c of data.cases.filter((k) => k.method === 'gd')) {
    it(`${c.name} — ${c.python}`, () => {
      expectNotebookRun(fitNormalGd(sample(c), c.options as NormalFitOptions), c);
    });
  }

  it("the notebook's call converges in 69 steps to within 1.3e−5 of the closed form", () => {
    const fit = fitNormalGd(data.data.notebook, { learningRate: 0.0005, maxIterations: 20000 });
    expect(fit.iterations).toBe(69);
    expectClose(fit.mu, data.closedForm.mu, { rel: 0, abs: 2e-5 });
    expectClose(fit.sigma, data.closedForm.sigma, { rel: 0, abs: 1e-8 });
  });
});

describe('fitNormalGd: two steps by hand', () => {
  it('x = [1, 3], learning rate 0.1', () => {
    // n = 2, x̄ = 2, m2 = (1 − 2)² + (3 − 2)² = 2, std = √(m2/n) = 1.
    // Start: μ₀ = x̄ + 0.1·std = 2.1, ρ₀ = ln std = 0.
    //
    // Step 1 at (2.1, 0): d = μ − x̄ = 0.1, S = m2 + n·d² = 2.02, e^(−2ρ) = 1.
    //   L₁ = n·ρ + ½·S·e^(−2ρ) = 0 + 1.01 = 1.01
    //   ∂L/∂μ = n·d·e^(−2ρ) = 0.2,  ∂L/∂ρ = n − S·e^(−2ρ) = −0.02
    //   μ₁ = 2.1 − 0.1·0.2 = 2.08,  ρ₁ = 0 + 0.1·0.02 = 0.002,  σ₁ = e^0.002 = 1.0020020013340003
    //
    // Step 2 at (2.08, 0.002): d = 0.08, S = 2 + 2·0.0064 = 2.0128, e^(−0.004) = 0.9960079893439915.
    //   L₂ = 0.004 + 1.0064·0.9960079893439915 = 1.006382440475793
    //   ∂L/∂μ = 0.16·0.99600799 = 0.15936127829503877,  ∂L/∂ρ = 2 − 2.0128·0.99600799 = −0.004764880951586115
    //   μ₂ = 2.08 − 0.015936127829503877 = 2.0640638721704962
    //   ρ₂ = 0.002 + 0.0004764880951586115 = 0.0024764880951586134,  σ₂ = 1.0024795571247502
    const fit = fitNormalGd([1, 3], { learningRate: 0.1, maxIterations: 2 });
    expect(fit.reason).toBe('max-iterations');
    expect(fit.converged).toBe(false);
    expectAllClose(fit.history.loss, [1.01, 1.006382440475793], { rel: 1e-15 });
    expectAllClose(fit.history.mu, [2.08, 2.0640638721704962], { rel: 1e-15 });
    expectAllClose(fit.history.sigma, [1.0020020013340003, 1.0024795571247502], { rel: 1e-15 });
    expect(fit).toMatchObject({ iterations: 2, mu: fit.history.mu[1], sigma: fit.history.sigma[1], loss: fit.history.loss[1] });
  });
});

describe('fitNormalGd properties (fast-check)', () => {
  it('affine maps of the data map the fitted μ̂, σ̂ (reduction mean, steps scaled by a²)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 5, maxLength: 40 }),
        fc.double({ min: 0.2, max: 20, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (x, a, b) => {
          const base = normalMle(x);
          fc.pre(base.sigma > 0.1);
          // In (μ, ρ), the map x → a·x + b sends the loss surface to itself with μ → a·μ + b,
          // ρ → ρ + ln a; GD commutes with it when the μ step is scaled by a² (ρ needs no change).
          // A stable step (η_μ < 2σ̂², η_ρ < 1 for the mean loss) keeps rounding from being amplified.
          const eta = 0.3 * Math.min(base.sigma2, 1);
          const opts = { reduction: 'mean' as const, maxIterations: 400, tolerance: 0 };
          const f = fitNormalGd(x, { ...opts, learningRate: { mu: eta, rho: 0.3 } });
          const g = fitNormalGd(x.map((v) => a * v + b), { ...opts, learningRate: { mu: eta * a * a, rho: 0.3 } });
          const scale = Math.abs(b) + a * (Math.abs(base.mu) + base.sigma);
          expectClose(g.mu, a * f.mu + b, { rel: 0, abs: 1e-9 * scale });
          expectClose(g.sigma, a * f.sigma, { rel: 1e-9 });
        },
      ),
    );
  });

  it('with a stable step the fit reaches the closed-form MLE', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 30 }), (x) => {
        const mle = normalMle(x);
        fc.pre(mle.sigma > 0.1);
        // reduction 'mean': curvatures 1/σ² (μ) and 2 (ρ) at the optimum; η = 0.4·min(σ², 1) is stable
        const eta = 0.4 * Math.min(mle.sigma2, 1);
        const fit = fitNormalGd(x, { reduction: 'mean', learningRate: eta, maxIterations: 20000, tolerance: 1e-15 });
        expect(fit.reason).not.toBe('diverged');
        expectClose(fit.mu, mle.mu, { rel: 0, abs: 1e-5 * mle.sigma });
        expectClose(fit.sigma, mle.sigma, { rel: 1e-5 });
      }),
      { numRuns: 50 },
    );
  });
});

describe('createNormalGdRun: the chunked step API', () => {
  const x = data.data.notebook;
  const options = { learningRate: 0.0005, maxIterations: 20000 };

  it('stepping in chunks gives exactly the one-shot result', () => {
    const run = createNormalGdRun(x, options);
    expect(run.done).toBe(false);
    expect(run.current()).toMatchObject({ iteration: 0 });
    const seen: number[] = [];
    while (!run.step(10)) seen.push(run.current().iteration);
    expect(seen).toEqual([10, 20, 30, 40, 50, 60]);
    expect(run.done).toBe(true);
    expect(run.step(5)).toBe(true); // no-op once finished
    const chunked = run.result();
    const oneShot = fitNormalGd(x, options);
    expect(chunked.iterations).toBe(69);
    expect(Array.from(chunked.history.loss)).toEqual(Array.from(oneShot.history.loss));
    expect(chunked.mu).toBe(oneShot.mu);
  });

  it('current() reports the start and the last recorded state; stop() cancels with reason "stopped"', () => {
    const run = createNormalGdRun(x, options);
    const start = run.current();
    const mle = normalMle(x);
    expectClose(start.mu, mle.mu + 0.1 * mle.sigma, { rel: 1e-15 }); // μ₀ = mean + 0.1·std
    expectClose(start.rho, Math.log(mle.sigma), { rel: 1e-15 }); // ρ₀ = ln std
    expect(() => run.result()).toThrow(/^createNormalGdRun: result\(\) was called before the run finished/);
    run.step(25);
    const now = run.current();
    expect(now.iteration).toBe(25);
    run.stop();
    const r = run.result();
    expect(r).toMatchObject({ iterations: 25, reason: 'stopped', converged: false, mu: now.mu, sigma: now.sigma, loss: now.loss });
    expect(r.history.mu.length).toBe(25);
    expect(() => run.step(-1)).toThrow(/step\(maxSteps\) needs a number ≥ 0/);
  });
});

describe('fitNormalGd edge cases', () => {
  it('empty, one value, NaN, ±Infinity and zero variance throw', () => {
    expect(() => fitNormalGd([])).toThrow(/^fitNormalGd: x is empty/);
    expect(() => fitNormalGd([1])).toThrow(/^fitNormalGd: x has 1 value; at least 2 are required/);
    expect(() => fitNormalGd([1, NaN])).toThrow(/^fitNormalGd: x\[1\] is NaN/);
    expect(() => fitNormalGd(Float64Array.of(1, -Infinity))).toThrow(/^fitNormalGd: x\[1\] is -Infinity/);
    expect(() => fitNormalGd([2, 2, 2])).toThrow(/^fitNormalGd: all values of x are equal \(zero variance\)/);
  });

  it('bad options throw with the option named', () => {
    const x = [1, 2, 4];
    expect(() => fitNormalGd(x, { learningRate: 0 })).toThrow(/^fitNormalGd: learningRate must be a finite number greater than 0, got 0$/);
    expect(() => fitNormalGd(x, { learningRate: { mu: 0.1, rho: -1 } })).toThrow(/learningRate.rho must be/);
    expect(() => fitNormalGd(x, { learningRate: '0.1' as unknown as number })).toThrow(TypeError);
    expect(() => fitNormalGd(x, { maxIterations: 0 })).toThrow(/maxIterations must be an integer ≥ 1/);
    expect(() => fitNormalGd(x, { maxIterations: 1.5 })).toThrow(/maxIterations/);
    expect(() => fitNormalGd(x, { tolerance: -1 })).toThrow(/tolerance must be a finite number ≥ 0/);
    expect(() => fitNormalGd(x, { mu0: NaN })).toThrow(/mu0 must be a finite number/);
    expect(() => fitNormalGd(x, { rho0: Infinity })).toThrow(/rho0 must be a finite number/);
    expect(() => fitNormalGd(x, { reduction: 'avg' as 'sum' })).toThrow(/reduction must be one of 'sum', 'mean'/);
    expect(() => fitNormalGd(x, null as unknown as NormalFitOptions)).toThrow(TypeError);
  });

  it('a start whose loss is already infinite is reported as diverged at iteration 0, not NaN', () => {
    const fit = fitNormalGd([1, 2, 4], { rho0: -400 }); // e^(800) overflows
    expect(fit).toMatchObject({ iterations: 0, reason: 'diverged', converged: false, mu: fit.mu, loss: Infinity });
    expect(fit.history.loss.length).toBe(0);
  });

  it('data offset by 1e9 fit the same deviations', () => {
    const base = data.data.notebook.slice(0, 200);
    const shifted = base.map((v) => v + 1e9);
    const a = fitNormalGd(shifted, { learningRate: 0.001 });
    const b = fitNormalGd(shifted.map((v) => v - 1e9), { learningRate: 0.001 });
    expect(a.reason).toBe('tolerance');
    expectClose(a.sigma, b.sigma, { rel: 1e-8 });
    expectClose(a.mu - 1e9, b.mu, { rel: 0, abs: 2.4e-7 }); // μ near 1e9 is a double with ulp 1.2e−7
  });
});
