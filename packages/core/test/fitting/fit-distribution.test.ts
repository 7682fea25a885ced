import { describe, expect, it } from 'vitest';
import type { FamilyName } from '../../src/families/family.ts';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import data from '../fixtures/fitting.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

// Golden values: test/fixtures/fitting.py (exact MLEs from the score equations with mpmath at 40 digits,
// standard errors from the inverse observed information by mpmath.diff, scipy.stats fits, statsmodels
// GenericLikelihoodModel standard errors) and test/fixtures/fitting.R (R fitdistrplus fitdist on its
// own data sets: groundbeef, endosulfan, danishuni, toxocara).

interface GoldenCase {
  dataset: string;
  family: string;
  fixed: Record<string, number>;
  estimates: Record<string, number>;
  logLikelihood: number;
  standardErrors: Record<string, number>;
  covarianceRegular: number[][];
  regular: string[];
  scipy: { call: string; estimates: Record<string, number>; logLikelihood: number } | null;
  statsmodels?: { standardErrors: Record<string, number> } | null;
  r: { call: string; estimate: Record<string, number>; sd: Record<string, number> | unknown[]; loglik: number } | null;
}

const datasets = data.datasets as Record<string, number[]>;
const cases = data.cases as GoldenCase[];

function fitCase(c: GoldenCase) {
  return fitDistribution(datasets[c.dataset] as number[], c.family as FamilyName, { fixed: c.fixed });
}

describe('fitDistribution against the exact MLE (mpmath on the score equations, fitting.py)', () => {
  for (const c of cases) {
    const label = `${c.family} on ${c.dataset}${Object.keys(c.fixed).length > 0 ? ` with ${JSON.stringify(c.fixed)} fixed` : ''}`;
    it(`${label}: estimates within 1e-8, ℓ and standard errors`, () => {
      const fit = fitCase(c);
      expect(fit.converged).toBe(true);
      for (const [name, value] of Object.entries(c.estimates)) expectClose(fit.estimates[name] as number, value, { rel: 1e-8 });
      expectClose(fit.logLikelihood, c.logLikelihood, { rel: 1e-12 });
      for (const [name, value] of Object.entries(c.standardErrors)) expectClose(fit.standardErrors[name] as number, value, { rel: 1e-7 });
      // Non-regular parameters: NaN with a reason.
      for (const name of fit.parameters) {
        if (!c.regular.includes(name)) {
          expect(fit.standardErrors[name]).toBeNaN();
          expect(fit.notes[name]).toMatch(/not regular|boundary/);
        }
      }
      expectClose(fit.aic, -2 * c.logLikelihood + 2 * fit.parameters.length, { rel: 1e-12 });
    });
  }
});

describe('never below R fitdistrplus or scipy.stats on the same data', () => {
  for (const c of cases.filter((k) => k.r !== null || k.scipy !== null)) {
    it(`${c.family} on ${c.dataset}`, () => {
      const fit = fitCase(c);
      // R: c.r.call; scipy: c.scipy.call. Both stop at their optimiser's tolerance, so ours may be higher.
      if (c.r !== null) expect(fit.logLikelihood).toBeGreaterThanOrEqual(c.r.loglik - 1e-9 * Math.abs(c.r.loglik));
      if (c.scipy !== null) expect(fit.logLikelihood).toBeGreaterThanOrEqual(c.scipy.logLikelihood - 1e-9 * Math.abs(c.scipy.logLikelihood));
      // R's estimates agree where its optimiser converged well (groundbeef, danishuni): to 1e-2 relative.
      if (c.r !== null && c.dataset !== 'endosulfan_atv') {
        for (const [name, value] of Object.entries(c.r.estimate)) expectClose(fit.estimates[name] as number, value, { rel: 1e-2 });
      }
    });
  }
  it('statsmodels GenericLikelihoodModel standard errors (numerical Hessian) agree to 1e-4', () => {
    for (const c of cases.filter((k) => k.statsmodels)) {
      const fit = fitCase(c);
      for (const [name, value] of Object.entries(c.statsmodels?.standardErrors ?? {})) expectClose(fit.standardErrors[name] as number, value, { rel: 1e-4 });
    }
  });
});

describe('hard data', () => {
  it('the negative binomial on under-dispersed counts: converged at the Poisson limit, said so', () => {
    const x = datasets[data.poissonLimit.dataset] as number[];
    const fit = fitDistribution(x, 'negativeBinomial');
    expect(fit.converged).toBe(true);
    expect(fit.method).toBe('boundary');
    expect(fit.estimates['size']).toBe(Infinity);
    expectClose(fit.estimates['mu'] as number, data.poissonLimit.mean, { rel: 1e-15 });
    expect(fit.notes['size']).toMatch(/Poisson limit/);
    expect(fit.standardErrors['size']).toBeNaN();
    expectClose(fit.logLikelihood, data.poissonLimit.logLikelihood, { rel: 1e-12 });
    // mu's standard error is the Poisson's √(x̄/n).
    expectClose(fit.standardErrors['mu'] as number, Math.sqrt(data.poissonLimit.mean / x.length), { rel: 1e-12 });
  });
  it('the Poisson limit with mu held: size = Infinity exactly when Σ(x − mu)²/n ≤ x̄', () => {
    const x = datasets[data.poissonLimit.dataset] as number[];
    const m = data.poissonLimit.mean;
    const held = fitDistribution(x, 'negativeBinomial', { fixed: { mu: m } });
    expect(held.estimates['size']).toBe(Infinity);
    expectClose(held.logLikelihood, data.poissonLimit.logLikelihood, { rel: 1e-12 });
    // Far enough from x̄ the squared deviations exceed x̄: a finite size, found by Newton.
    const far = fitDistribution(x, 'negativeBinomial', { fixed: { mu: 3 * m } });
    expect(far.converged).toBe(true);
    expect(Number.isFinite(far.estimates['size'] as number)).toBe(true);
  });
});
