import { describe, expect, it } from 'vitest';
import { normalLogLikelihoodGrid, normalLogLikelihoodSliceSigma2, normalNllGrid } from '../../src/likelihood/likelihood-curves.ts';
import { normalLogLikelihoodSliceWindow, normalNllWindow } from '../../src/likelihood/likelihood-window.ts';
import { normalNllFromStats } from '../../src/likelihood/normal-nll.ts';
import { normalSufficientStats } from '../../src/likelihood/normal-sufficient-stats.ts';
import { LN_SQRT_2PI } from '../../src/internal/constants.ts';
import data from '../fixtures/likelihood.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

const stats = normalSufficientStats(data.x);

describe('normalLogLikelihoodSliceWindow (likelihood.json: scipy.stats.norm.interval)', () => {
  it('the notebook sample: μ̂ ± 4.01·SE and σ̂² ± 4.01·SE', () => {
    const w = data.sliceWindows.notebook;
    // norm.interval(0.99994, loc, scale): z from scipy's ppf (ndtri) vs core's normalPpf, ~1e-15 apart.
    const mu = normalLogLikelihoodSliceWindow(data.x, 'mu');
    expectAllClose([mu.min, mu.max], w.mu, { rel: 1e-14 });
    expect(mu.n).toBe(201);
    const s2 = normalLogLikelihoodSliceWindow(stats, 'sigma2', { n: 11 });
    expectAllClose([s2.min, s2.max], w.sigma2, { rel: 1e-14 });
    expect(s2.n).toBe(11);
  });

  it('three values: the σ² window stops at 0.05·σ̂² instead of going below 0', () => {
    const w = data.sliceWindows.three;
    const s2 = normalLogLikelihoodSliceWindow(w.x, 'sigma2');
    expectAllClose([s2.min, s2.max], w.sigma2, { rel: 1e-14 });
    // and the slice can be drawn on it (every σ² > 0)
    expect(normalLogLikelihoodSliceSigma2(w.x, s2).grid[0]).toBeGreaterThan(0);
  });

  it('TSDoc example', () => {
    // mpmath: 2.5 ∓ z·√(1.25/4), z = −Φ⁻¹((1 − 0.99994)/2) = 4.01281081111845453…: 0.2567705613732666935…
    // and 4.7432294386267333064…; each value here is the rounded double arithmetic on the 1-ulp z.
    expect(normalLogLikelihoodSliceWindow([1, 2, 3, 4], 'mu', { n: 5 })).toEqual({ min: 0.2567705613732669, max: 4.743229438626733, n: 5 });
  });

  it('edge cases: empty, one value, NaN, ±Infinity, zero variance, offset 1e9, bad options', () => {
    expect(() => normalLogLikelihoodSliceWindow([], 'mu')).toThrow(/^normalLogLikelihoodSliceWindow: x is empty/);
    expect(() => normalLogLikelihoodSliceWindow([1], 'mu')).toThrow(/^normalLogLikelihoodSliceWindow: the data need at least 2 values/);
    expect(() => normalLogLikelihoodSliceWindow([1, NaN], 'mu')).toThrow(/x\[1\] is NaN/);
    expect(() => normalLogLikelihoodSliceWindow([1, Infinity], 'mu')).toThrow(/x\[1\] is Infinity/);
    expect(() => normalLogLikelihoodSliceWindow([2, 2, 2], 'sigma2')).toThrow(/not all equal/);
    expect(() => normalLogLikelihoodSliceWindow([1, 2], 'sigma' as 'mu')).toThrow(/parameter must be one of 'mu', 'sigma2'/);
    expect(() => normalLogLikelihoodSliceWindow([1, 2], 'mu', { level: 1 })).toThrow(/level must be a number in \(0, 1\), got 1/);
    expect(() => normalLogLikelihoodSliceWindow([1, 2], 'mu', { n: 1 })).toThrow(/n must be an integer from 2/);
    expect(() => normalLogLikelihoodSliceWindow([1, 2], 'sigma2', { sigma2Floor: 0 })).toThrow(/sigma2Floor must be a finite number greater than 0/);
    const near = normalLogLikelihoodSliceWindow([1, 2, 3, 4], 'mu');
    const far = normalLogLikelihoodSliceWindow([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4], 'mu');
    // (the window's ends are near 1e9, where doubles are 1.2e-7 apart)
    expectClose(far.max - far.min, near.max - near.min, { rel: 0, abs: 1e-6 });
  });
});

describe('normalNllWindow and normalNllGrid (likelihood.json: −Σ norm.logpdf on the window)', () => {
  const g = data.nllWindow;

  it("centres the window on the closed form and gives −ℓ there", () => {
    const w = normalNllWindow(data.x);
    // np.linspace(m ± 0.25·sd), np.log(sd) ± 0.125 with numpy's mean/std: ~1 ulp from core's compensated sums.
    expectAllClose([w.mu.min, w.mu.max], g.mu, { rel: 1e-14 });
    expectAllClose([w.logSigma.min, w.logSigma.max], g.logSigma, { rel: 1e-13 });
    expect([w.mu.n, w.logSigma.n]).toEqual([121, 101]);
    expectClose(w.optimum.mu, g.optimum.mu, { rel: 1e-15 });
    expectClose(w.optimum.sigma, g.optimum.sigma, { rel: 1e-14 });
    expectClose(w.optimum.logSigma, g.optimum.logSigma, { rel: 1e-13 });
    // −fsum(norm.logpdf(x, m, sd)): exactly rounded sum; the closed form n/2·(ln 2πσ̂² + 1) is within 1e-15.
    expectClose(w.optimum.nll, g.optimum.nll, { rel: 1e-14 });
  });

  it('the NLL on that window is −ℓ, smallest at the centre cell', () => {
    const w = normalNllWindow(stats);
    const s = normalNllGrid(stats, { mu: w.mu, logSigma: w.logSigma });
    expect(s.nll).toHaveLength(121 * 101);
    for (const p of g.picks) expectClose(s.nll[p.j * 121 + p.i] as number, p.nll, { rel: 1e-13 });
    let best = 0;
    for (let k = 1; k < s.nll.length; k++) if ((s.nll[k] as number) < (s.nll[best] as number)) best = k;
    expect(best).toBe(50 * 121 + 60);
    // exactly the negated log-likelihood grid
    const l = normalLogLikelihoodGrid(stats, { mu: w.mu, logSigma: w.logSigma });
    expect(Array.from(s.nll)).toEqual(Array.from(l.z, (v) => -v));
    expect(s.mu).toEqual(l.mu);
  });

  it("with constant: 'drop' it is the notebook's L = nρ + S·e^(−2ρ)/2, normalNllFromStats at every point", () => {
    const w = normalNllWindow(stats);
    const full = normalNllGrid(stats, { mu: w.mu, logSigma: w.logSigma });
    const s = normalNllGrid(data.x, { mu: w.mu, logSigma: w.logSigma, constant: 'drop' });
    expect(s.nll).toHaveLength(121 * 101);
    for (const p of g.picks) expectClose(s.nll[p.j * 121 + p.i] as number, p.loss, { rel: 1e-13 });
    // The same function as the optimisers' loss, bit for bit, and −ℓ less the constant n·ln√(2π).
    for (const k of [0, 777, 50 * 121 + 60, s.nll.length - 1]) {
      const loss = normalNllFromStats(stats, s.mu[k % 121] as number, s.logSigma[Math.floor(k / 121)] as number).loss;
      expect(s.nll[k]).toBe(loss);
      expectClose((full.nll[k] as number) - (s.nll[k] as number), 1000 * LN_SQRT_2PI, { rel: 1e-12 });
    }
    // numpy (likelihood.py): n·log σ̂ + S/(2σ̂²) at the optimum → 1171.6438397723934
    expectClose(normalNllFromStats(stats, w.optimum.mu, w.optimum.logSigma).loss, g.optimum.loss, { rel: 1e-14 });
    let best = 0;
    for (let k = 1; k < s.nll.length; k++) if ((s.nll[k] as number) < (s.nll[best] as number)) best = k;
    expect(best).toBe(50 * 121 + 60);
    expect(Array.from(normalNllGrid(stats, { mu: w.mu, logSigma: w.logSigma, constant: 'include' }).nll)).toEqual(Array.from(full.nll));
  });

  it('TSDoc examples', () => {
    const w = normalNllWindow([1, 2, 3, 4]);
    expect(w.mu).toEqual({ min: 2.2204915028125263, max: 2.7795084971874737, n: 121 });
    expect(w.optimum.nll).toBe(6.12204123544711);
    expect(Array.from(normalNllGrid([1, 2, 3, 4], { mu: [2.5], logSigma: [0] }).nll)).toEqual([6.175754132818691]);
    expect(Array.from(normalNllGrid([1, 2, 3, 4], { mu: [2.5], logSigma: [0], constant: 'drop' }).nll)).toEqual([2.5]);
  });

  it('edge cases: empty, one value, NaN, ±Infinity, zero variance, offset 1e9, bad options', () => {
    expect(() => normalNllWindow([])).toThrow(/^normalNllWindow: x is empty/);
    expect(() => normalNllWindow([3])).toThrow(/^normalNllWindow: all values are equal \(σ̂ = 0\)/);
    expect(() => normalNllWindow([1, NaN])).toThrow(/x\[1\] is NaN/);
    expect(() => normalNllWindow([1, -Infinity])).toThrow(/x\[1\] is -Infinity/);
    expect(() => normalNllWindow([2, 2])).toThrow(/no finite minimum/);
    expect(() => normalNllWindow([1, 2], { halfWidth: { logSigma: 0 } })).toThrow(/^normalNllWindow: halfWidth\.logSigma must be a finite number greater than 0, got 0/);
    expect(() => normalNllWindow([1, 2], { size: { mu: 1 } })).toThrow(/size\.mu must be an integer from 2/);
    expect(() => normalNllGrid([1, 2], { mu: [NaN], logSigma: [0] })).toThrow(/^normalNllGrid: mu\[0\] is NaN/);
    expect(() => normalNllGrid([], { mu: [0], logSigma: [0] })).toThrow(/^normalNllGrid: x is empty/);
    // @ts-expect-error: an unknown constant mode
    expect(() => normalNllGrid([1, 2], { mu: [0], logSigma: [0], constant: 'none' })).toThrow(/^normalNllGrid: constant must be one of 'include', 'drop', got/);
    const near = normalNllWindow([1, 2, 3, 4]);
    const far = normalNllWindow([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4]);
    expectClose(far.optimum.nll, near.optimum.nll, { rel: 1e-12 });
    expectClose(far.logSigma.min, near.logSigma.min, { rel: 1e-9 });
  });
});
