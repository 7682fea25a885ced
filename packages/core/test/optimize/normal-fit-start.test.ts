import { describe, expect, it } from 'vitest';
import { normalNll } from '../../src/likelihood/normal-nll.ts';
import { normalNllWindow } from '../../src/likelihood/likelihood-window.ts';
import { fitNormalAdam } from '../../src/optimize/adam.ts';
import { fitNormalGd } from '../../src/optimize/gradient-descent.ts';
import { createNormalGdRun } from '../../src/optimize/gradient-descent.ts';
import { normalFitStart } from '../../src/optimize/normal-fit-run.ts';
import data from '../fixtures/likelihood.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

describe('normalFitStart (likelihood.json: np.mean(x) + 0.1·np.std(x), np.log(np.std(x)))', () => {
  it("is the notebook's start, and the fits' default start bit for bit", () => {
    const s = normalFitStart(data.x);
    expectClose(s.mu0, data.nllWindow.start.mu0, { rel: 1e-15 });
    expectClose(s.rho0, data.nllWindow.start.rho0, { rel: 1e-13 });
    const run = createNormalGdRun(data.x).current();
    expect([run.mu, run.rho]).toEqual([s.mu0, s.rho0]);
  });

  it('TSDoc example', () => {
    expect(normalFitStart([1, 2, 3, 4])).toEqual({ mu0: 2.6118033988749896, rho0: 0.11157177565710492 });
  });

  it('edge cases: empty, one value, NaN, ±Infinity, zero variance, offset 1e9', () => {
    expect(() => normalFitStart([])).toThrow(/^normalFitStart: x is empty/);
    expect(() => normalFitStart([1])).toThrow(/^normalFitStart: all values are equal/);
    expect(() => normalFitStart([1, NaN])).toThrow(/x\[1\] is NaN/);
    expect(() => normalFitStart([Infinity, 1])).toThrow(/x\[0\] is Infinity/);
    expect(() => normalFitStart([5, 5, 5])).toThrow(/zero variance/);
    const far = normalFitStart([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4]);
    expectClose(far.mu0, 1e9 + 2.6118033988749896, { rel: 1e-15 });
    expectClose(far.rho0, 0.11157177565710492, { rel: 1e-9 });
  });
});

describe('fit histories: ρ and the gap L − L̂', () => {
  const x = data.x.slice(0, 200);

  it('rho is the iterate itself and σ = e^ρ; the gap is L_t minus the loss at the closed form', () => {
    for (const reduction of ['sum', 'mean'] as const) {
      const r = fitNormalGd(x, { maxIterations: 300, reduction, learningRate: reduction === 'sum' ? 0.001 : 0.05 });
      const atMle = createNormalGdRun(x, { mu0: normalNllWindow(x).optimum.mu, reduction }).current().loss;
      for (let t = 0; t < r.iterations; t++) {
        expect(r.history.sigma[t]).toBe(Math.exp(r.history.rho[t] as number));
        expect(r.history.lossGap[t]).toBe((r.history.loss[t] as number) - atMle);
        expect(r.history.lossGap[t] as number).toBeGreaterThan(-1e-12 * Math.abs(atMle));
      }
      // L̂ is the NLL at (μ̂, ln σ̂) (the notebook's loss, constant dropped), in the same reduction.
      const w = normalNllWindow(x);
      const lHat = normalNll(x, w.optimum.mu, w.optimum.logSigma).loss / (reduction === 'mean' ? x.length : 1);
      expectClose(atMle, lHat, { rel: 1e-14 });
    }
  });

  it('Adam records the same extra series; the gap falls towards 0', () => {
    const r = fitNormalAdam(x, { learningRate: 0.05, maxIterations: 2000 });
    expect(r.history.rho).toHaveLength(r.iterations);
    expect(r.history.lossGap).toHaveLength(r.iterations);
    expect(r.history.lossGap[r.iterations - 1] as number).toBeLessThan(1e-4 * (r.history.lossGap[0] as number));
    expect(r.history.lossGap[0] as number).toBeGreaterThan(r.history.lossGap[r.iterations - 1] as number);
  });
});
