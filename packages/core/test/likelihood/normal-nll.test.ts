import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalMle } from '../../src/likelihood/normal-mle.ts';
import { normalNll, normalNllFromStats } from '../../src/likelihood/normal-nll.ts';
import { normalSufficientStats } from '../../src/likelihood/normal-sufficient-stats.ts';
import data from '../fixtures/likelihood.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

const x = data.x;

describe("normalNll against the notebook's nll_and_grads (likelihood.json)", () => {
  const stats = normalSufficientStats(x);
  for (const c of data.nll) {
    it(`mu = ${c.mu}, rho = ${c.rho}`, () => {
      const direct = normalNll(x, c.mu, c.rho);
      const fromStats = normalNllFromStats(stats, c.mu, c.rho);
      // the same formulas with math.fsum sums (exactly rounded S and Σ(x − μ)). Near the optimum the
      // gradients are sums of ±terms that cancel: their error is absolute, ~ε·Σ|xᵢ − μ|·e^(−2ρ).
      const e = Math.exp(-2 * c.rho);
      const cancel = 1e-15 * x.length * (Math.abs(c.mu - 5) + 2) * (1 + Math.abs(c.mu - 5) + 2) * e;
      expectClose(direct.loss, c.lossFsum, { rel: 1e-15 });
      expectClose(direct.gradRho, c.gradRhoFsum, { rel: 1e-15, abs: cancel });
      expectClose(direct.gradMu, c.gradMuFsum, { rel: 1e-14, abs: cancel });
      expectClose(fromStats.loss, c.lossFsum, { rel: 1e-15 });
      expectClose(fromStats.gradRho, c.gradRhoFsum, { rel: 1e-14, abs: cancel });
      expectClose(fromStats.gradMu, c.gradMuFsum, { rel: 1e-14, abs: cancel });
      // nll_and_grads itself (numpy pairwise sums; its n·μ − Σx cancels, costing it ~ n·|μ|·ε·e^(−2ρ))
      const cancellation = 1e-15 * x.length * (Math.abs(c.mu) + 5) * Math.exp(-2 * c.rho);
      expectClose(direct.loss, c.loss, { rel: 1e-14 });
      expectClose(direct.gradRho, c.gradRho, { rel: 1e-13, abs: 1e-11 });
      expectClose(direct.gradMu, c.gradMu, { rel: 1e-14, abs: cancellation });
    });
  }
});

describe('normalNll properties (fast-check)', () => {
  const sample = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 40 });
  const mu = fc.double({ min: -100, max: 100, noNaN: true });
  const rho = fc.double({ min: -2, max: 4, noNaN: true });

  it('analytic gradients match central differences', () => {
    fc.assert(
      fc.property(sample, mu, rho, (xs, m, r) => {
        const g = normalNll(xs, m, r);
        const h = 1e-5;
        const dMu = (normalNll(xs, m + h, r).loss - normalNll(xs, m - h, r).loss) / (2 * h);
        const dRho = (normalNll(xs, m, r + h).loss - normalNll(xs, m, r - h).loss) / (2 * h);
        // central differences: O(h²)·L''' truncation plus ε·|L|/h cancellation
        const noise = (1e-16 * (Math.abs(g.loss) + xs.length)) / h + 1e-8 * (Math.abs(g.gradMu) + Math.abs(g.gradRho) + xs.length);
        expectClose(dMu, g.gradMu, { rel: 1e-6, abs: noise * (1 + Math.exp(-2 * r)) });
        expectClose(dRho, g.gradRho, { rel: 1e-6, abs: noise * (1 + Math.exp(-2 * r)) });
      }),
    );
  });

  it('the NLL is smallest at the closed-form MLE (μ̂, ln σ̂), where the gradient vanishes', () => {
    fc.assert(
      fc.property(sample, mu, rho, (xs, m, r) => {
        const fit = normalMle(xs);
        fc.pre(fit.sigma > 1e-3);
        const best = normalNll(xs, fit.mu, Math.log(fit.sigma));
        expect(best.loss).toBeLessThanOrEqual(normalNll(xs, m, r).loss + 1e-12 * Math.abs(best.loss));
        expectClose(best.gradMu, 0, { rel: 0, abs: 1e-12 * xs.length * (1 + Math.abs(fit.mu)) / fit.sigma2 });
        expectClose(best.gradRho, 0, { rel: 0, abs: 1e-12 * xs.length });
      }),
    );
  });

  it('normalNllFromStats equals normalNll (O(1) vs O(n))', () => {
    fc.assert(
      fc.property(sample, mu, rho, (xs, m, r) => {
        const a = normalNll(xs, m, r);
        const b = normalNllFromStats(normalSufficientStats(xs), m, r);
        const scale = xs.length * (1 + Math.exp(-2 * r) * (100 + Math.abs(m)) ** 2);
        expectClose(b.loss, a.loss, { rel: 1e-13, abs: 1e-13 * scale });
        expectClose(b.gradMu, a.gradMu, { rel: 1e-12, abs: 1e-13 * scale });
        expectClose(b.gradRho, a.gradRho, { rel: 1e-12, abs: 1e-13 * scale });
      }),
    );
  });
});

describe('normalNll edge cases', () => {
  it('TSDoc examples', () => {
    expect(normalNll([1, 2, 3, 4], 2.5, 0)).toEqual({ loss: 2.5, gradMu: 0, gradRho: -1 });
    expect(normalNllFromStats({ n: 4, mean: 2.5, m2: 5 }, 2.5, 0)).toEqual({ loss: 2.5, gradMu: 0, gradRho: -1 });
  });

  it('empty, NaN, ±Infinity and bad parameters throw', () => {
    expect(() => normalNll([], 0, 0)).toThrow(/^normalNll: x is empty/);
    expect(() => normalNll([1, NaN], 0, 0)).toThrow(/^normalNll: x\[1\] is NaN/);
    expect(() => normalNll(Float64Array.of(1, Infinity), 0, 0)).toThrow(/^normalNll: x\[1\] is Infinity/);
    expect(() => normalNll([1, 2], NaN, 0)).toThrow(/^normalNll: mu must be a finite number, got NaN$/);
    expect(() => normalNll([1, 2], 0, Infinity)).toThrow(/^normalNll: rho must be a finite number/);
    expect(() => normalNllFromStats({ n: 0, mean: 0, m2: 1 }, 0, 0)).toThrow(/^normalNllFromStats: stats.n must be an integer ≥ 1/);
    expect(() => normalNllFromStats({ n: 3, mean: 0, m2: -1 }, 0, 0)).toThrow(/stats.m2 must be a finite number ≥ 0/);
    expect(() => normalNllFromStats(null as unknown as { n: number; mean: number; m2: number }, 0, 0)).toThrow(TypeError);
  });

  it('one value and zero variance (σ = 0 data): finite loss, S = n(x̄ − μ)²', () => {
    expect(normalNll([3], 3, 0)).toEqual({ loss: 0, gradMu: 0, gradRho: 1 });
    const r = normalNll([2, 2, 2], 1, Math.log(2));
    expectClose(r.loss, 3 * Math.log(2) + 0.5 * 3 * 0.25, { rel: 1e-15 });
    expectClose(r.gradMu, -3 * 0.25, { rel: 1e-15 });
  });

  it('data offset by 1e9: the gradient is exact where n·μ − Σx would cancel', () => {
    const base = data.x.slice(0, 100);
    const shifted = base.map((v) => v + 1e9);
    const a = normalNll(shifted, 1e9 + 5, 0.7);
    const b = normalNll(shifted.map((v) => v - 1e9), 5, 0.7); // the same deviations, exactly
    expectClose(a.gradMu, b.gradMu, { rel: 1e-13 });
    expectClose(a.gradRho, b.gradRho, { rel: 1e-13 });
    expectClose(a.loss - 100 * 0.7, b.loss - 100 * 0.7, { rel: 1e-13 });
  });
});
