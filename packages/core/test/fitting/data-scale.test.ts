// Data of extreme magnitude: the fit, intervals, tests and profile of x·2^k are those of x with each
// parameter mapped (a location or scale times 2^k, a rate over 2^k, a shape unchanged) and the
// log-likelihood shifted by −n·k·ln 2. Multiplying by a power of two is exact, so this is an identity
// of the exact MLE, not an approximation: the only differences are the fits' own convergence
// tolerances. Before src/fitting/data-scale.ts, a normal sample near 1e-200 was called constant, and
// the gamma, logistic and Cauchy fits near 1e±200 did not converge or had no standard errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FamilyName } from '../../src/families/family.ts';
import { confidenceIntervals } from '../../src/fitting/confidence-intervals.ts';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { likelihoodTests } from '../../src/fitting/likelihood-tests.ts';
import { profileLogLikelihood } from '../../src/fitting/profile-log-likelihood.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { expectClose } from '../support/expect-close.ts';

/** How each parameter maps when the data are multiplied by c (the family's scale equivariance). */
const MAPS: Partial<Record<FamilyName, Record<string, (v: number, c: number) => number>>> = {
  normal: { mean: (v, c) => v * c, sd: (v, c) => v * c },
  exponential: { rate: (v, c) => v / c },
  gamma: { shape: (v) => v, rate: (v, c) => v / c },
  weibull: { shape: (v) => v, scale: (v, c) => v * c },
  logistic: { location: (v, c) => v * c, scale: (v, c) => v * c },
  laplace: { location: (v, c) => v * c, scale: (v, c) => v * c },
  cauchy: { location: (v, c) => v * c, scale: (v, c) => v * c },
  uniform: { min: (v, c) => v * c, max: (v, c) => v * c },
};
const FAMILIES = Object.keys(MAPS) as FamilyName[];

/** A positive sample (a gamma(2.5) one, so every family above accepts it). */
function sample(seed: number, n: number): Float64Array {
  return createRandomState(seed).gamma(2.5, 1, n);
}

describe('fits of data of extreme magnitude', () => {
  const x = sample(7, 300);
  for (const family of FAMILIES) {
    it(`${family}: the fit of x·2^k is the fit of x mapped, for k from −900 to 900`, () => {
      const base = fitDistribution(x, family);
      expect(base.converged).toBe(true);
      for (const k of [-900, -700, -300, -61, 61, 300, 700, 900]) {
        const c = 2 ** k;
        const fit = fitDistribution(Float64Array.from(x, (v) => v * c), family);
        expect(fit.converged, `${family} at 2^${k}: ${JSON.stringify(fit.notes)}`).toBe(true);
        for (const name of base.parameters) {
          const map = MAPS[family]?.[name] as (v: number, c: number) => number;
          expectClose(fit.estimates[name] as number, map(base.estimates[name] as number, c), { rel: 1e-9 });
          const se = base.standardErrors[name] as number;
          if (Number.isNaN(se)) expect(fit.standardErrors[name]).toBeNaN();
          else expectClose(fit.standardErrors[name] as number, Math.abs(map(se, c)), { rel: 1e-7 });
        }
        expect(fit.notes).toEqual(base.notes);
        expectClose(fit.logLikelihood, base.logLikelihood - x.length * k * Math.LN2, { rel: 1e-12 });
        expectClose(fit.aic - base.aic, 2 * x.length * k * Math.LN2, { rel: 1e-12 });
      }
    });
  }

  it('a large Float64Array (the quick magnitude check of fitDistribution) is rescaled the same way, negative values included', () => {
    const big = createRandomState(11).logistic(-3, 0.5, 6000);
    for (const family of ['logistic', 'normal', 'cauchy'] as const) {
      const base = fitDistribution(big, family);
      for (const k of [-800, -61, 60, 800]) {
        const c = 2 ** k;
        const fit = fitDistribution(Float64Array.from(big, (v) => v * c), family);
        expect(fit.converged).toBe(true);
        for (const name of base.parameters) {
          const map = MAPS[family]?.[name] as (v: number, c: number) => number;
          expectClose(fit.estimates[name] as number, map(base.estimates[name] as number, c), { rel: 1e-9 });
        }
        expectClose(fit.logLikelihood, base.logLikelihood - big.length * k * Math.LN2, { rel: 1e-12 });
      }
    }
  });

  it('fixed parameters and start values are mapped too', () => {
    const c = 2 ** -650;
    const xs = Float64Array.from(x, (v) => v * c);
    const fit = fitDistribution(xs, 'gamma', { fixed: { rate: 2 / c } });
    expect(fit.fixed).toEqual({ rate: 2 / c });
    expectClose(fit.estimates.shape as number, fitDistribution(x, 'gamma', { fixed: { rate: 2 } }).estimates.shape as number, { rel: 1e-10 });
    const started = fitDistribution(xs, 'weibull', { start: { scale: 3 * c } });
    expectClose(started.estimates.scale as number, (fitDistribution(x, 'weibull').estimates.scale as number) * c, { rel: 1e-9 });
  });

  it('profile intervals, the three tests and the profile map the same way', () => {
    const k = 680;
    const c = 2 ** k;
    const xs = Float64Array.from(x, (v) => v * c);
    const base = fitDistribution(x, 'gamma');
    const fit = fitDistribution(xs, 'gamma');
    const ci0 = confidenceIntervals(x, base);
    const ci = confidenceIntervals(xs, fit);
    expectClose(ci.shape?.lower as number, ci0.shape?.lower as number, { rel: 1e-8 });
    expectClose(ci.rate?.upper as number, (ci0.rate?.upper as number) / c, { rel: 1e-8 });
    const t0 = likelihoodTests(x, base, { shape: 2 });
    const t = likelihoodTests(xs, fit, { shape: 2 });
    expectClose(t.likelihoodRatio.statistic, t0.likelihoodRatio.statistic, { rel: 1e-7 });
    expectClose(t.score.statistic, t0.score.statistic, { rel: 1e-7 });
    expectClose(t.wald.statistic, t0.wald.statistic, { rel: 1e-7 });
    expectClose(t.restricted.rate as number, (t0.restricted.rate as number) / c, { rel: 1e-9 });
    const p0 = profileLogLikelihood(x, base, 'rate', [1, 2]);
    const p = profileLogLikelihood(xs, fit, 'rate', [1 / c, 2 / c]);
    expect(Array.from(p.values)).toEqual([1 / c, 2 / c]);
    expectClose(p.logLikelihood[0] as number, (p0.logLikelihood[0] as number) - x.length * k * Math.LN2, { rel: 1e-12 });
    expectClose(p.slope[1] as number, (p0.slope[1] as number) * c, { rel: 1e-8 });
  });

  it('property: any seed, size and power of two beyond 2^±60 (normal and Weibull)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 20, max: 200 }), fc.integer({ min: 61, max: 950 }), fc.boolean(), (seed, n, k, down) => {
        const xs = sample(seed, n);
        const c = 2 ** (down ? -k : k);
        for (const family of ['normal', 'weibull'] as const) {
          const base = fitDistribution(xs, family);
          const fit = fitDistribution(Float64Array.from(xs, (v) => v * c), family);
          for (const name of base.parameters) {
            const map = MAPS[family]?.[name] as (v: number, c: number) => number;
            expectClose(fit.estimates[name] as number, map(base.estimates[name] as number, c), { rel: 1e-9 });
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  describe('edge cases', () => {
    it('errors still name the values as given', () => {
      expect(() => fitDistribution([1e-200, -3e-201, 2e-200], 'exponential')).toThrow(/x\[1\] is -3e-201; the exponential family allows only values ≥ 0/);
      expect(() => fitDistribution([1e200, 2e200], 'gamma', { fixed: { rate: -1 } })).toThrow(/options.fixed.rate must be a finite number > 0, got -1/);
      expect(() => fitDistribution([5e-200, 5e-200, 5e-200], 'normal')).toThrow(/every value equals 5e-200/);
      const fit = fitDistribution([1e-200, 3e-200, 2e-200], 'normal');
      expect(() => likelihoodTests([1e-200, 3e-200, 2e-200], fit, { sd: -2e-200 })).toThrow(/hypothesis.sd must be a finite number > 0, got -2e-200/);
    });
    it('a sample near 1e-200 is not called constant', () => {
      const fit = fitDistribution([1e-200, 3e-200, 2e-200], 'normal');
      expectClose(fit.estimates.mean as number, 2e-200, { rel: 1e-15 });
      expectClose(fit.estimates.sd as number, Math.sqrt(2 / 3) * 1e-200, { rel: 1e-15 });
    });
    it('magnitudes too far apart for one scale keep the unscaled fit', () => {
      // 1e-300 and 1e300 cannot both stay normal doubles after one scaling: fitted as given.
      const fit = fitDistribution([1e-300, 1e300, 3e299], 'exponential');
      expectClose(fit.estimates.rate as number, 3 / (1e300 + 3e299), { rel: 1e-15 });
    });
  });
});
