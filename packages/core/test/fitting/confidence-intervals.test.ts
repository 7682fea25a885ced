import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FamilyName } from '../../src/families/family.ts';
import { confidenceIntervals } from '../../src/fitting/confidence-intervals.ts';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import data from '../fixtures/fitting.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

const datasets = data.datasets as Record<string, number[]>;

describe('profile intervals against the exact profile (fitting.py: mpmath.findroot on the closed-form profile)', () => {
  for (const p of data.profiles) {
    it(`${p.family} ${p.parameter} on ${p.dataset}`, () => {
      const x = datasets[p.dataset] as number[];
      const fit = fitDistribution(x, p.family as FamilyName);
      const ci = confidenceIntervals(x, fit, { level: p.level });
      expectClose(ci[p.parameter]?.lower as number, p.interval[0] as number, { rel: 1e-9 });
      expectClose(ci[p.parameter]?.upper as number, p.interval[1] as number, { rel: 1e-9 });
    });
  }
});

describe('Wald intervals', () => {
  it('estimate ± Φ⁻¹(0.975)·SE (z = 1.959963984540054, scipy.stats.norm.ppf(0.975))', () => {
    const x = datasets['groundbeef_serving'] as number[];
    const fit = fitDistribution(x, 'gamma');
    const ci = confidenceIntervals(x, fit, { method: 'wald' });
    const z = 1.959963984540054;
    for (const name of fit.parameters) {
      expectClose(ci[name]?.lower as number, (fit.estimates[name] as number) - z * (fit.standardErrors[name] as number), { rel: 1e-14 });
      expectClose(ci[name]?.upper as number, (fit.estimates[name] as number) + z * (fit.standardErrors[name] as number), { rel: 1e-14 });
    }
  });
  it('NaN where the model is not regular (uniform endpoints)', () => {
    const x = datasets['seed15_uniform'] as number[];
    const ci = confidenceIntervals(x, fitDistribution(x, 'uniform'), { method: 'wald' });
    expect(ci['max']?.upper).toBeNaN();
  });
});

describe('profile intervals: non-regular and one-sided', () => {
  it('uniform: the max interval starts at the sample maximum and ends at min + (max − min)·e^{χ²/(2n)}', () => {
    // ℓ_p(b) = −n ln(b − x₍₁₎) for b ≥ x₍ₙ₎ (the min is maximised out at x₍₁₎), so the cut
    // ℓ̂ − χ²₁(0.95)/2 is reached at b = x₍₁₎ + (x₍ₙ₎ − x₍₁₎)·exp(χ²₁(0.95)/(2n)).
    const x = datasets['seed15_uniform'] as number[];
    const fit = fitDistribution(x, 'uniform');
    const ci = confidenceIntervals(x, fit);
    const lo = fit.estimates['min'] as number;
    const hi = fit.estimates['max'] as number;
    expect(ci['max']?.lower).toBe(hi);
    expectClose(ci['max']?.upper as number, lo + (hi - lo) * Math.exp(3.841458820694124 / (2 * x.length)), { rel: 1e-10 });
    expect(ci['min']?.upper).toBe(lo);
  });
  it('Bernoulli with every value 0: [0, 1 − 0.05^{…}] one-sided, the end solving n ln(1 − p) = −χ²/2', () => {
    const x = Array.from({ length: 10 }, () => 0);
    const fit = fitDistribution(x, 'bernoulli');
    expect(fit.method).toBe('boundary');
    const ci = confidenceIntervals(x, fit);
    expect(ci['prob']?.lower).toBe(0);
    // 10 ln(1 − p) = −3.841458820694124/2 (scipy.stats.chi2.ppf(0.95, 1) = 3.841458820694124).
    expectClose(ci['prob']?.upper as number, -Math.expm1(-3.841458820694124 / 20), { rel: 1e-9 });
  });
  it('negative binomial at the Poisson limit: size unbounded above', () => {
    const x = datasets['seed7_binomial_underdispersed'] as number[];
    const fit = fitDistribution(x, 'negativeBinomial');
    const ci = confidenceIntervals(x, fit);
    expect(ci['size']?.upper).toBe(Infinity);
    expect(ci['size']?.lower).toBeGreaterThan(0);
    expect(ci['size']?.lower).toBeLessThan(Infinity);
  });
  it('Laplace location: a profile interval around the median although its SE is NaN', () => {
    const x = datasets['seed13_laplace_odd'] as number[];
    const fit = fitDistribution(x, 'laplace');
    const ci = confidenceIntervals(x, fit);
    expect(ci['location']?.lower).toBeLessThan(fit.estimates['location'] as number);
    expect(ci['location']?.upper).toBeGreaterThan(fit.estimates['location'] as number);
  });
});

describe('properties (fast-check)', () => {
  const families: FamilyName[] = ['exponential', 'gamma', 'weibull', 'lognormal', 'normal', 'logistic', 'cauchy', 'poisson'];
  it('profile intervals contain the estimate and widen as the level rises', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(...families), (seed, family) => {
        const rs = createRandomState(seed);
        const u = rs.uniform(0, 1, 30);
        const x = family === 'poisson' ? Array.from(u, (v) => Math.floor(-4 * Math.log1p(-v))) : Array.from(u, (v) => 0.2 - Math.log1p(-v) * 3);
        const fit = fitDistribution(x, family);
        const a = confidenceIntervals(x, fit, { level: 0.8 });
        const b = confidenceIntervals(x, fit, { level: 0.95 });
        for (const name of fit.parameters) {
          const est = fit.estimates[name] as number;
          const ia = a[name] as { lower: number; upper: number };
          const ib = b[name] as { lower: number; upper: number };
          expect(ia.lower).toBeLessThanOrEqual(est);
          expect(ia.upper).toBeGreaterThanOrEqual(est);
          expect(ib.lower).toBeLessThanOrEqual(ia.lower);
          expect(ib.upper).toBeGreaterThanOrEqual(ia.upper);
        }
      }),
      { numRuns: 25 },
    );
  });
  it('Wald and profile intervals agree as n grows (gap below 0.2 % of the estimate at n = 20000, and shrinking)', () => {
    const rs = createRandomState(7);
    const gaps: number[] = [];
    for (const n of [50, 20000]) {
      const x = Array.from(rs.uniform(0, 1, n), (v) => -2 * Math.log1p(-v));
      const fit = fitDistribution(x, 'gamma');
      const w = confidenceIntervals(x, fit, { method: 'wald' });
      const p = confidenceIntervals(x, fit);
      const shape = fit.estimates['shape'] as number;
      gaps.push(Math.max(Math.abs((w['shape']?.lower as number) - (p['shape']?.lower as number)), Math.abs((w['shape']?.upper as number) - (p['shape']?.upper as number))) / shape);
    }
    expect(gaps[1]).toBeLessThan(0.002);
    expect(gaps[1]).toBeLessThan(gaps[0] as number);
  });
});
