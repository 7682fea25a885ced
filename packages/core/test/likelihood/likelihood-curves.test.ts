import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalLogLikelihoodGrid,
  normalLogLikelihoodSliceMu,
  normalLogLikelihoodSliceSigma2,
} from '../../src/likelihood/likelihood-curves.ts';
import { normalMle } from '../../src/likelihood/normal-mle.ts';
import { normalSufficientStats } from '../../src/likelihood/normal-sufficient-stats.ts';
import data from '../fixtures/likelihood.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

const x = data.x;

describe('log-likelihood slices against scipy (likelihood.json)', () => {
  it('ℓ(μ) at σ² = 4, with score and curvature', () => {
    const c = data.sliceMu;
    const s = normalLogLikelihoodSliceMu(x, { min: 4, max: 6, n: 41 }, { sigma2: 4 });
    expectAllClose(s.grid, c.grid, { rel: 0 }); // np.linspace(4, 6, 41)
    // math.fsum(norm.logpdf(x, mu, 2))
    expectAllClose(s.logLikelihood, c.logLikelihood, { rel: 1e-15 });
    // fsum(x − μ)/σ²: the score cancels near x̄, so its error is absolute (~ε·Σ|xᵢ − μ|/σ²)
    expectAllClose(s.score, c.score, { rel: 1e-14, abs: 1e-12 });
    expectAllClose(s.curvature, c.curvature, { rel: 0 });
  });

  it('ℓ(μ) defaults to σ² = σ̂² and accepts sufficient statistics', () => {
    const c = data.sliceMuDefault;
    const s = normalLogLikelihoodSliceMu(x, c.grid);
    expectAllClose(s.logLikelihood, c.logLikelihood, { rel: 1e-15 });
    const fromStats = normalLogLikelihoodSliceMu(normalSufficientStats(x), c.grid);
    expect(Array.from(fromStats.logLikelihood)).toEqual(Array.from(s.logLikelihood));
  });

  it('ℓ(σ²) at μ = 5, with score and curvature', () => {
    const c = data.sliceSigma2;
    const s = normalLogLikelihoodSliceSigma2(x, { min: 2, max: 6, n: 41 }, { mu: 5 });
    expectAllClose(s.grid, c.grid, { rel: 0 });
    expectAllClose(s.logLikelihood, c.logLikelihood, { rel: 1e-15 });
    // −n/(2σ²) + S/(2σ⁴) and n/(2σ⁴) − S/σ⁶ with S = fsum((x − 5)²): the score cancels near S/n
    expectAllClose(s.score, c.score, { rel: 1e-13, abs: 1e-12 });
    expectAllClose(s.curvature, c.curvature, { rel: 1e-14, abs: 1e-12 });
  });

  it('ℓ(σ²) defaults to μ = x̄, and peaks at σ̂² with score 0', () => {
    const c = data.sliceSigma2Default;
    expectAllClose(normalLogLikelihoodSliceSigma2(x, c.grid).logLikelihood, c.logLikelihood, { rel: 1e-15 });
    const fit = normalMle(x);
    const atMle = normalLogLikelihoodSliceSigma2(x, [fit.sigma2]);
    expectClose(atMle.logLikelihood[0] as number, fit.logLikelihood, { rel: 1e-15 });
    expectClose(atMle.score[0] as number, 0, { abs: 1e-12 });
    // the observed information at the MLE: −ℓ'' = n/(2σ̂⁴), the Fisher information of σ²
    expectClose(-(atMle.curvature[0] as number), x.length / (2 * fit.sigma2 ** 2), { rel: 1e-14 });
  });

  it('the (μ, ln σ) grid for contours', () => {
    const c = data.grid;
    const g = normalLogLikelihoodGrid(x, { mu: c.mu, logSigma: c.logSigma });
    expectAllClose(g.mu, c.muValues, { rel: 0 });
    expectAllClose(g.logSigma, c.logSigmaValues, { rel: 0 });
    // math.fsum(norm.logpdf(x, mu, np.exp(log_sigma))), rows = log σ
    expectAllClose(g.z, c.z, { rel: 1e-15 });
    const explicit = normalLogLikelihoodGrid(normalSufficientStats(x), { mu: c.muValues, logSigma: c.logSigmaValues });
    expectAllClose(explicit.z, g.z, { rel: 0 });
  });
});

describe('likelihood curve properties (fast-check)', () => {
  const sample = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 30 });

  it('score and curvature match central differences of ℓ', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: -60, max: 60, noNaN: true }), fc.double({ min: 0.5, max: 500, noNaN: true }), (xs, mu, s2) => {
        const h = 1e-4;
        const sm = normalLogLikelihoodSliceMu(xs, [mu - h, mu, mu + h], { sigma2: s2 });
        const [lm, l0, lp] = sm.logLikelihood as unknown as [number, number, number];
        const noise = (1e-15 * Math.abs(l0)) / h;
        expectClose((lp - lm) / (2 * h), sm.score[1] as number, { rel: 1e-6, abs: noise });
        const hs = 1e-4 * s2;
        const ss = normalLogLikelihoodSliceSigma2(xs, [s2 - hs, s2, s2 + hs], { mu });
        const [a, b, c] = ss.logLikelihood as unknown as [number, number, number];
        // truncation: h²/6·ℓ''' ≈ h²·|ℓ''|/σ² for the score, h²/12·ℓ'''' for the curvature
        const curv = Math.abs(ss.curvature[1] as number);
        const noiseS = (1e-15 * Math.abs(b)) / hs + (hs * hs * curv) / s2;
        expectClose((c - a) / (2 * hs), ss.score[1] as number, { rel: 1e-6, abs: noiseS });
        expectClose((c - 2 * b + a) / (hs * hs), ss.curvature[1] as number, { rel: 1e-3, abs: (4e-15 * Math.abs(b)) / (hs * hs) + (hs * hs * curv) / (s2 * s2) });
      }),
    );
  });

  it('the grid maximum over a fine grid is at the MLE cell', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const fit = normalMle(xs);
        fc.pre(fit.sigma > 1e-3);
        const ls = Math.log(fit.sigma);
        const g = normalLogLikelihoodGrid(xs, { mu: [fit.mu - 0.1, fit.mu, fit.mu + 0.1], logSigma: [ls - 0.1, ls, ls + 0.1] });
        const centre = g.z[4] as number;
        for (const v of g.z) expect(v).toBeLessThanOrEqual(centre);
        expectClose(centre, fit.logLikelihood, { rel: 1e-13 });
      }),
    );
  });
});

describe('likelihood curve edge cases', () => {
  it('TSDoc examples', () => {
    expectAllClose(normalLogLikelihoodSliceMu([1, 2, 3, 4], [2.5], { sigma2: 1 }).logLikelihood, [-6.175754132818691], { rel: 1e-15 });
    expect(Array.from(normalLogLikelihoodSliceSigma2([1, 2, 3, 4], [1.25]).score)).toEqual([0]);
  });

  it('bad data, grids and fixed values throw', () => {
    expect(() => normalLogLikelihoodSliceMu([], [1])).toThrow(/^normalLogLikelihoodSliceMu: x is empty/);
    expect(() => normalLogLikelihoodSliceMu([1, NaN], [1], { sigma2: 1 })).toThrow(/x\[1\] is NaN/);
    expect(() => normalLogLikelihoodSliceMu([1, 2], [1, Infinity], { sigma2: 1 })).toThrow(/mu\[1\] is Infinity/);
    expect(() => normalLogLikelihoodSliceMu([1, 2], [], { sigma2: 1 })).toThrow(/mu is empty/);
    expect(() => normalLogLikelihoodSliceMu([1, 2], [1], { sigma2: 0 })).toThrow(/sigma2 must be a finite number greater than 0/);
    expect(() => normalLogLikelihoodSliceMu([3, 3], [1])).toThrow(/the MLE variance σ̂² \(all values are equal\) must be/);
    expect(() => normalLogLikelihoodSliceSigma2([1, 2], [1, 0])).toThrow(/sigma2\[1\] is 0; only finite numbers > 0/);
    expect(() => normalLogLikelihoodSliceSigma2([1, 2], [1], { mu: NaN })).toThrow(/mu must be a finite number/);
    expect(() => normalLogLikelihoodGrid([1, 2], { mu: { min: 0, max: 1, n: 0 }, logSigma: [0] })).toThrow(/mu.n must be/);
    expect(() => normalLogLikelihoodGrid({ n: 2, mean: 1, m2: -1 }, { mu: [0], logSigma: [0] })).toThrow(/stats.m2/);
  });

  it('one value, zero variance (given σ²) and offset 1e9 data', () => {
    const one = normalLogLikelihoodSliceMu([2], [2], { sigma2: 1 });
    expectClose(one.logLikelihood[0] as number, -0.9189385332046727, { rel: 1e-15 });
    const flat = normalLogLikelihoodSliceSigma2([2, 2], [1], { mu: 2 });
    expectClose(flat.logLikelihood[0] as number, 2 * -0.9189385332046727, { rel: 1e-15 });
    const base = data.x.slice(0, 100);
    const shifted = base.map((v) => v + 1e9);
    const a = normalLogLikelihoodSliceMu(shifted, [1e9 + 5], { sigma2: 4 });
    const b = normalLogLikelihoodSliceMu(shifted.map((v) => v - 1e9), [5], { sigma2: 4 });
    // the same deviations: with meanLow the O(1) formula keeps the digits a double mean near 1e9 loses
    expectClose(a.logLikelihood[0] as number, b.logLikelihood[0] as number, { rel: 1e-14 });
    expectClose(a.score[0] as number, b.score[0] as number, { rel: 1e-12 });
  });
});
