import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalMle } from '../../src/likelihood/normal-mle.ts';
import { normalNll } from '../../src/likelihood/normal-nll.ts';
import { adamStep, createAdamState, createNormalAdamRun, fitNormalAdam } from '../../src/optimize/adam.ts';
import type { NormalAdamOptions } from '../../src/optimize/adam.ts';
import data from '../fixtures/optimize.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';
import { expectNotebookRun } from './expect-notebook-run.ts';

describe("fitNormalAdam against the notebook's gradient_descent_mle_adam (optimize.json)", () => {
  for (const c of data.cases.filter((k) => k.method === 'adam')) {
    it(`${c.name} — ${c.python}`, () => {
      const x = data.data[c.data as 'notebook' | 'small'];
      expectNotebookRun(fitNormalAdam(x, c.options as NormalAdamOptions), c);
    });
  }

  it('lr 50: the notebook "converges" at σ = 9e100; core reports the explosion after 3 steps', () => {
    const fit = fitNormalAdam(data.data.notebook, { learningRate: 50, maxIterations: 2000 });
    expect(fit).toMatchObject({ reason: 'diverged', converged: false, iterations: 3 });
    const python = data.cases.find((c) => c.name.startsWith('Adam lr 50'));
    expect(python?.final?.sigma).toBeGreaterThan(1e100);
  });
});

describe('Adam: two steps by hand', () => {
  it('fitNormalAdam on x = [1, 3], learning rate 0.1', () => {
    // n = 2, x̄ = 2, m2 = 2, std = 1: μ₀ = 2.1, ρ₀ = 0; β1 = 0.9, β2 = 0.999, ε = 1e−8.
    //
    // Step 1 (t = 1) at (2.1, 0): L₁ = 1.01, g = (∂L/∂μ, ∂L/∂ρ) = (0.2, −0.02) (as in the GD test).
    //   m = 0.1·g = (0.02, −0.002),  v = 0.001·g² = (4e−5, 4e−7)
    //   m̂ = m/(1 − 0.9) = g,  v̂ = v/(1 − 0.999) = g²,  so √v̂ = |g| and each step is ≈ ±lr:
    //   Δμ = 0.1·0.2/(0.2 + 1e−8) = 0.09999999500000026 → μ₁ = 2.000000005
    //   Δρ = 0.1·(−0.02)/(0.02 + 1e−8) = −0.099999950000025 → ρ₁ = 0.099999950000025, σ₁ = 1.1051708628171308
    //
    // Step 2 (t = 2) at (2.000000005, 0.09999995): d = 5e−9, S ≈ 2, e^(−2ρ) = 0.8187308349510203.
    //   L₂ = 2·0.09999995 + ½·2·0.81873083 = 1.0187307349510704
    //   g = (2·5e−9·0.81873083, 2 − 2·0.81873083) = (8.187308299752074e−9, 0.36253833009795944)
    //   μ: m = 0.9·0.02 + 0.1·8.19e−9 = 0.018000000818730842, v = 0.999·4e−5 + 0.001·g² = 3.996000000000017e−5
    //      m̂ = m/0.19 = 0.09473684641437288, v̂ = v/0.001999 = 0.019989994997499105
    //      Δμ = 0.1·m̂/(√v̂ + ε) = 0.0670058237222041 → μ₂ = 1.9329941812777958
    //   ρ: m = 0.9·(−0.002) + 0.1·0.36253833 = 0.03445383300979593, v = 0.999·4e−7 + 0.001·0.1314340 = 1.3183364079021712e−4
    //      m̂ = 0.18133596320945233, v̂ = 0.06594979529275583
    //      Δρ = 0.07061178670372331 → ρ₂ = 0.029388163296301686, σ₂ = 1.0298242568811367
    //   (The μ step is still ≈ 0.067 although its gradient is 1e−8: Adam's steps follow m̂/√v̂, not g.)
    const fit = fitNormalAdam([1, 3], { learningRate: 0.1, maxIterations: 2 });
    expectAllClose(fit.history.loss, [1.01, 1.0187307349510704], { rel: 1e-15 });
    expectAllClose(fit.history.mu, [2.000000005, 1.9329941812777958], { rel: 1e-15 });
    expectAllClose(fit.history.sigma, [1.1051708628171308, 1.0298242568811367], { rel: 1e-15 });
    expect(fit.reason).toBe('max-iterations');
  });

  it('adamStep reproduces the same two steps on its own state object', () => {
    const state = createAdamState(2);
    const params = Float64Array.of(2.1, 0);
    adamStep(state, params, [0.20000000000000018, -0.020000000000000018], { learningRate: 0.1 });
    expect(state.t).toBe(1);
    expectAllClose(state.m, [0.020000000000000014, -0.0020000000000000013], { rel: 1e-16 });
    expectAllClose(state.v, [4.0000000000000105e-5, 4.000000000000011e-7], { rel: 1e-16 });
    expectAllClose(params, [2.000000005, 0.099999950000025], { rel: 1e-16 });
    const g = normalNll([1, 3], params[0] as number, params[1] as number);
    adamStep(state, params, [g.gradMu, g.gradRho], { learningRate: [0.1, 0.1] });
    expect(state.t).toBe(2);
    expectAllClose(params, [1.9329941812777958, 0.029388163296301686], { rel: 1e-15 });
  });

  it('TSDoc examples', () => {
    expect(createAdamState(2)).toEqual({ t: 0, m: new Float64Array(2), v: new Float64Array(2) });
    const state = createAdamState(1);
    // m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25, Δ = 0.1·0.5/(0.5 + 1e−8) = 0.09999999800000004
    expectAllClose(adamStep(state, Float64Array.of(1), [0.5], { learningRate: 0.1 }), [0.900000002], { rel: 1e-15 });
  });
});

describe('Adam properties (fast-check)', () => {
  it('the first step moves each parameter by ≈ lr against the sign of its gradient', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }).filter((g) => Math.abs(g) > 1e-3), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        (grads, lr) => {
          const p = new Float64Array(grads.length);
          adamStep(createAdamState(grads.length), p, grads, { learningRate: lr });
          grads.forEach((g, i) => expectClose(p[i] as number, -Math.sign(g) * lr, { rel: 1e-5 }));
        },
      ),
    );
  });

  it('Adam reaches the closed-form MLE on random samples', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 30 }), (x) => {
        const mle = normalMle(x);
        fc.pre(mle.sigma > 0.1);
        const fit = fitNormalAdam(x, { learningRate: 0.01, maxIterations: 20000, tolerance: 1e-14, reduction: 'mean' });
        expect(fit.reason).not.toBe('diverged');
        expectClose(fit.mu, mle.mu, { rel: 0, abs: 2e-3 * mle.sigma });
        expectClose(fit.sigma, mle.sigma, { rel: 2e-3 });
      }),
      { numRuns: 40 },
    );
  });

  it("'sum' and 'mean' reductions give the same Adam path (Adam is invariant to scaling the loss when ε = 0)", () => {
    const x = data.data.notebook;
    const a = fitNormalAdam(x, { learningRate: 0.05, maxIterations: 50, tolerance: 0, epsilon: 0 });
    const b = fitNormalAdam(x, { learningRate: 0.05, maxIterations: 50, tolerance: 0, epsilon: 0, reduction: 'mean' });
    expectAllClose(b.history.mu, a.history.mu, { rel: 1e-13 });
    expectAllClose(b.history.loss, Array.from(a.history.loss, (v) => v / x.length), { rel: 1e-13 });
  });
});

describe('createNormalAdamRun', () => {
  it('chunked stepping equals the one-shot fit; stop() cancels', () => {
    const x = data.data.notebook;
    const run = createNormalAdamRun(x, { learningRate: 0.05, maxIterations: 20000 });
    let chunks = 0;
    while (!run.step(50)) chunks += 1;
    expect(chunks).toBe(3);
    const r = run.result();
    expect(r.iterations).toBe(175);
    expect(Array.from(r.history.mu)).toEqual(Array.from(fitNormalAdam(x, { learningRate: 0.05, maxIterations: 20000 }).history.mu));
    const cancelled = createNormalAdamRun(x, { learningRate: 0.05 });
    cancelled.step(7);
    cancelled.stop();
    expect(cancelled.result()).toMatchObject({ iterations: 7, reason: 'stopped', converged: false });
  });
});

describe('Adam edge cases', () => {
  it('adamStep rejects bad shapes, gradients and hyper-parameters', () => {
    const s = createAdamState(2);
    const p = new Float64Array(2);
    expect(() => adamStep(s, [0, 0] as unknown as Float64Array, [1, 1])).toThrow(/^adamStep: params must be a Float64Array/);
    expect(() => adamStep(s, p, [1])).toThrow(/^adamStep: params \(2\), grads \(1\) and the state \(2\) must have the same length$/);
    expect(() => adamStep(s, p, [1, NaN])).toThrow(/^adamStep: grads\[1\] is NaN; only finite gradients are allowed$/);
    expect(() => adamStep(s, p, [1, Infinity])).toThrow(/grads\[1\] is Infinity/);
    expect(() => adamStep(s, p, [1, 1], { beta1: 1 })).toThrow(/beta1 must be a number in \[0, 1\), got 1/);
    expect(() => adamStep(s, p, [1, 1], { beta2: -0.1 })).toThrow(/beta2 must be a number in \[0, 1\)/);
    expect(() => adamStep(s, p, [1, 1], { epsilon: -1 })).toThrow(/epsilon must be a finite number ≥ 0/);
    expect(() => adamStep(s, p, [1, 1], { learningRate: [0.1] })).toThrow(/learningRate has 1 entries; give one number or one per parameter \(2\)/);
    expect(() => adamStep(s, p, [1, 1], { learningRate: 0 })).toThrow(/learningRate must be a finite number greater than 0/);
    expect(() => adamStep({ t: 0 } as unknown as ReturnType<typeof createAdamState>, p, [1, 1])).toThrow(/state must come from createAdamState/);
    expect(() => createAdamState(0)).toThrow(/^createAdamState: size must be an integer ≥ 1, got 0$/);
    expect(s.t).toBe(0); // nothing above touched the state
  });

  it('a zero gradient with ε = 0 would give 0/0: fitNormalAdam reports it as diverged, never NaN', () => {
    // start exactly at the MLE: both gradients are 0 at step 1, so m̂/(√v̂ + 0) = 0/0
    const x = [1, 3];
    const fit = fitNormalAdam(x, { mu0: 2, rho0: 0, epsilon: 0 });
    expect(fit).toMatchObject({ reason: 'diverged', converged: false, iterations: 0, mu: 2, sigma: 1 });
    expect(Number.isNaN(fit.loss)).toBe(false);
  });

  it('fitNormalAdam validates data and options', () => {
    expect(() => fitNormalAdam([])).toThrow(/^fitNormalAdam: x is empty/);
    expect(() => fitNormalAdam([1])).toThrow(/^fitNormalAdam: x has 1 value/);
    expect(() => fitNormalAdam([1, NaN])).toThrow(/x\[1\] is NaN/);
    expect(() => fitNormalAdam([4, 4])).toThrow(/zero variance/);
    expect(() => fitNormalAdam([1, 2], { beta1: 1.5 })).toThrow(/^fitNormalAdam: beta1 must be a number in \[0, 1\)/);
    expect(() => createNormalAdamRun([1, 2], { epsilon: NaN })).toThrow(/^createNormalAdamRun: epsilon must be a finite number ≥ 0/);
  });

  it('data offset by 1e9', () => {
    const base = data.data.notebook.slice(0, 200);
    const a = fitNormalAdam(base.map((v) => v + 1e9), { learningRate: 0.05 });
    const b = fitNormalAdam(base, { learningRate: 0.05 });
    expect(a.reason).toBe('tolerance');
    expectClose(a.sigma, b.sigma, { rel: 1e-4 });
    expectClose(a.mu - 1e9, b.mu, { rel: 0, abs: 1e-3 });
  });
});
