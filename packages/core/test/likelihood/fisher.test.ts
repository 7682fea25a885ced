import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalFisherInformation, normalStandardErrors, normalWaldInterval } from '../../src/likelihood/fisher.ts';
import { normalLogLikelihoodSliceMu, normalLogLikelihoodSliceSigma2 } from '../../src/likelihood/likelihood-curves.ts';
import { normalMle } from '../../src/likelihood/normal-mle.ts';
import { normalSufficientStats } from '../../src/likelihood/normal-sufficient-stats.ts';
import data from '../fixtures/likelihood.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

const x = data.x;

describe('standard errors and Wald intervals (likelihood.json)', () => {
  it('SE(μ̂) = σ̂/√n, SE(σ̂) = σ̂/√(2n), SE(σ̂²) = σ̂²·√(2/n)', () => {
    const se = normalStandardErrors(x);
    const f = data.fisher;
    expectClose(se.seMu, f.seMu, { rel: 1e-15 });
    expectClose(se.seSigma, f.seSigma, { rel: 1e-15 });
    expectClose(se.seSigma2, f.seSigma2, { rel: 1e-15 });
    expectClose(se.seMu, f.semScipy, { rel: 1e-15 }); // scipy.stats.sem(x, ddof=0)
    expect(normalStandardErrors(normalSufficientStats(x))).toEqual(se);
  });

  for (const w of data.fisher.wald) {
    it(`${w.parameter} at level ${w.level}: scipy.stats.norm.interval(level, loc=estimate, scale=se)`, () => {
      const r = normalWaldInterval(x, { parameter: w.parameter as 'mu' | 'sigma' | 'sigma2', level: w.level });
      expectClose(r.estimate, w.estimate, { rel: 1e-15 });
      expectClose(r.standardError, w.standardError, { rel: 1e-15 });
      // mpmath −Φ⁻¹((1 − level)/2): exact for the given double level
      expectClose(r.z, w.zExact, { rel: 1e-15 });
      // scipy forms (1 + level)/2, rounding away the last digits of a level near 1 (2e−11 at 0.999999),
      // and its interval inherits that
      const scipyRounding = w.level > 0.999 ? 1e-11 : 1e-15;
      expectClose(r.z, w.z, { rel: 4 * scipyRounding });
      expectClose(r.lower, w.lower, { rel: scipyRounding });
      expectClose(r.upper, w.upper, { rel: scipyRounding });
    });
  }
});

describe('Fisher information', () => {
  it('TSDoc examples', () => {
    expectAllClose(normalFisherInformation(2, { n: 100 }), [25, 0, 0, 50], { rel: 0 });
    expectAllClose(normalFisherInformation(2, { n: 100, parameterization: 'sigma2' }), [25, 0, 0, 3.125], { rel: 0 });
    expectAllClose(normalFisherInformation(1), [1, 0, 0, 2], { rel: 0 });
    expectClose(normalStandardErrors([1, 2, 3, 4]).seMu, 0.5590169943749475, { rel: 1e-16 });
    const w = normalWaldInterval([1, 2, 3, 4]);
    expect(w).toMatchObject({ parameter: 'mu', level: 0.95, estimate: 2.5, standardError: 0.5590169943749475 });
    expectClose(w.z, 1.959963984540054, { rel: 1e-15 });
  });

  it('equals the observed information at the MLE (−ℓ″), for μ and for σ²', () => {
    const fit = normalMle(x);
    const n = x.length;
    const [iMu, , , iS2] = normalFisherInformation(fit.sigma, { n, parameterization: 'sigma2' }) as unknown as number[];
    expectClose(-(normalLogLikelihoodSliceMu(x, [fit.mu]).curvature[0] as number), iMu as number, { rel: 1e-15 });
    expectClose(-(normalLogLikelihoodSliceSigma2(x, [fit.sigma2]).curvature[0] as number), iS2 as number, { rel: 1e-14 });
  });

  it('the two parameterizations are related by the Jacobian dσ²/dσ = 2σ (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.integer({ min: 1, max: 10_000 }), (sigma, n) => {
        const a = normalFisherInformation(sigma, { n });
        const b = normalFisherInformation(sigma, { n, parameterization: 'sigma2' });
        expect(a[0]).toBe(b[0]);
        expectClose(a[3] as number, (b[3] as number) * (2 * sigma) ** 2, { rel: 1e-14 });
        // SE from the inverse information
        expectClose(1 / Math.sqrt(a[0] as number), sigma / Math.sqrt(n), { rel: 1e-15 });
      }),
    );
  });

  it('Wald intervals are nested in the level and centred on the estimate (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.98, noNaN: true }), fc.double({ min: 0.001, max: 0.019, noNaN: true }), (level, extra) => {
        const a = normalWaldInterval(x, { parameter: 'sigma', level });
        const b = normalWaldInterval(x, { parameter: 'sigma', level: level + extra });
        expect(b.lower).toBeLessThan(a.lower);
        expect(b.upper).toBeGreaterThan(a.upper);
        expectClose((a.lower + a.upper) / 2, a.estimate, { rel: 1e-15 });
      }),
    );
  });
});

describe('Fisher / Wald edge cases', () => {
  it('invalid inputs throw', () => {
    expect(() => normalFisherInformation(0)).toThrow(/^normalFisherInformation: sigma must be a finite number greater than 0/);
    expect(() => normalFisherInformation(1, { n: 0 })).toThrow(/n must be an integer ≥ 1/);
    expect(() => normalFisherInformation(1, { parameterization: 'var' as 'sigma' })).toThrow(/parameterization must be one of 'sigma', 'sigma2'/);
    expect(() => normalStandardErrors([])).toThrow(/^normalStandardErrors: x is empty/);
    expect(() => normalStandardErrors([2])).toThrow(/zero variance/);
    expect(() => normalStandardErrors([2, 2, 2])).toThrow(/zero variance/);
    expect(() => normalStandardErrors([1, NaN])).toThrow(/x\[1\] is NaN/);
    expect(() => normalWaldInterval(x, { level: 1 })).toThrow(/^normalWaldInterval: level must be a number in \(0, 1\), got 1$/);
    expect(() => normalWaldInterval(x, { level: NaN })).toThrow(/level must be/);
    expect(() => normalWaldInterval(x, { parameter: 'rho' as 'mu' })).toThrow(/parameter must be one of 'mu', 'sigma', 'sigma2'/);
  });

  it('a level near 1 stays accurate (the small tail is inverted, not 1 − tail)', () => {
    const { level, zExact } = data.fisher.zNearOne;
    // mpmath: −Φ⁻¹((1 − level)/2) with 1 − level = 1.000088900582341e−12 exactly
    expectClose(normalWaldInterval(x, { level }).z, zExact, { rel: 1e-15 });
  });

  it('data offset by 1e9: the interval just shifts', () => {
    const base = x.slice(0, 100).map((v) => v + 1e9);
    const a = normalWaldInterval(base);
    const b = normalWaldInterval(base.map((v) => v - 1e9));
    expectClose(a.standardError, b.standardError, { rel: 1e-13 });
    // each end is a double near 1e9 (ulp 1.2e−7), so the width carries that absolute rounding
    expectClose(a.upper - a.lower, b.upper - b.lower, { rel: 1e-13, abs: 2.4e-7 });
  });
});
