import { describe, expect, it } from 'vitest';
import type { FamilyName } from '../../src/families/family.ts';
import { asymptoticStandardErrors, fisherInformation } from '../../src/fitting/fisher-information.ts';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { likelihoodTests } from '../../src/fitting/likelihood-tests.ts';
import { likelihoodTerms, logLikelihoodTerms } from '../../src/fitting/log-likelihood-terms.ts';
import { profileLogLikelihood } from '../../src/fitting/profile-log-likelihood.ts';
import data from '../fixtures/profile_tests.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

describe('logLikelihoodTerms against scipy (profile_tests.py)', () => {
  for (const [family, c] of Object.entries(data.terms)) {
    it(`${family}: each value's scipy logpdf/logpmf`, () => {
      expectAllClose(logLikelihoodTerms(c.x, family as FamilyName, c.params), c.logpdf, { rel: 1e-12 });
    });
  }
  it('sums to the fit log-likelihood at the MLE', () => {
    const x = data.terms.gamma.x;
    const fit = fitDistribution(x, 'gamma');
    const sum = logLikelihoodTerms(x, 'gamma', fit.estimates).reduce((a, b) => a + b, 0);
    expectClose(sum, fit.logLikelihood, { rel: 1e-12 });
  });
  it('likelihoodTerms: densities, their product and ℓ agree with scipy', () => {
    const c = data.terms.poisson;
    const t = likelihoodTerms(c.x, 'poisson', c.params);
    expectAllClose(t.density, c.logpdf.map(Math.exp), { rel: 1e-12 });
    const l = c.logpdf.reduce((a, b) => a + b, 0);
    expectClose(t.logLikelihood, l, { rel: 1e-12 });
    expectClose(t.likelihood, Math.exp(l), { rel: 1e-11 });
    // (1e-300)⁵/5! per value: the product underflows to 0 while ℓ stays finite.
    const tiny = likelihoodTerms([5, 5], 'poisson', { lambda: 1e-300 });
    expect(tiny.likelihood).toBe(0);
    expect(Number.isFinite(tiny.logLikelihood)).toBe(true);
  });
  it('edge cases: outside the support is −Infinity; bad parameters and values throw', () => {
    expect([...logLikelihoodTerms([-1, 2.5], 'poisson', { lambda: 1 })]).toEqual([-Infinity, -Infinity]);
    expect(logLikelihoodTerms([], 'normal', { mean: 0, sd: 1 })).toHaveLength(0);
    expect(() => logLikelihoodTerms([1], 'exponential', { rate: -1 })).toThrow(/logLikelihoodTerms: params.rate must be a finite number > 0/);
    expect(() => logLikelihoodTerms([1], 'normal', { mean: 0 })).toThrow(/params.sd/);
    expect(() => logLikelihoodTerms([Number.NaN], 'normal', { mean: 0, sd: 1 })).toThrow(/x\[0\] is NaN/);
    expect(() => logLikelihoodTerms([1], 'nope' as FamilyName, {})).toThrow(/family must be one of/);
  });
});

describe('profileLogLikelihood against scipy (closed-form restricted maxima)', () => {
  const cases = [
    ['normal', 'mean', data.profileNormalMean],
    ['gamma', 'shape', data.profileGammaShape],
    ['exponential', 'rate', data.profileExponentialRate],
  ] as const;
  for (const [family, parameter, c] of cases) {
    it(`${family} ${parameter}: ℓ_p and its slope`, () => {
      const p = profileLogLikelihood(c.x, fitDistribution(c.x, family), parameter, c.values);
      expectAllClose(p.logLikelihood, c.logLikelihood, { rel: 1e-9 });
      expectAllClose(p.slope, c.slope, { rel: 1e-7, abs: 1e-9 });
      expectAllClose(p.values, c.values, { rel: 0 });
    });
  }
  it('agrees with likelihoodTests: LR = 2(ℓ̂ − ℓ_p(θ₀)) and S = U² / (profile information)', () => {
    const x = data.profileGammaShape.x;
    const fit = fitDistribution(x, 'gamma');
    const p = profileLogLikelihood(x, fit, 'shape', [1.3]);
    const t = likelihoodTests(x, fit, { shape: 1.3 });
    expectClose(2 * (fit.logLikelihood - (p.logLikelihood[0] as number)), t.likelihoodRatio.statistic, { rel: 1e-9 });
  });
  it('edge cases: a fixed or unknown parameter, values outside the domain', () => {
    const x = [1, 2, 3];
    const fit = fitDistribution(x, 'exponential');
    expect(profileLogLikelihood(x, fit, 'rate', []).logLikelihood).toHaveLength(0);
    expect(() => profileLogLikelihood(x, fit, 'shape', [1])).toThrow(/profileLogLikelihood: parameter must be a free parameter/);
    expect(() => profileLogLikelihood(x, fit, 'rate', [0])).toThrow(/values\[0\].rate must be a finite number > 0/);
    expect(() => profileLogLikelihood([1, 2], fit, 'rate', [1])).toThrow(/x has 2 values but the fit was made on 3/);
  });
});

describe('fisherInformation against scipy (quadrature, sums and polygamma)', () => {
  for (const [family, c] of Object.entries(data.fisher)) {
    it(family, () => {
      expectAllClose(fisherInformation(family as FamilyName, c.params), c.matrix, { rel: 1e-10, abs: 1e-15 });
    });
  }
  it('edge cases', () => {
    expect(() => fisherInformation('weibull', { shape: 1, scale: 1 })).toThrow(/fisherInformation: family must be one of/);
    expect(() => fisherInformation('bernoulli', { prob: 0 })).toThrow(/strictly between 0 and 1/);
    expect(() => fisherInformation('poisson', { lambda: -2 })).toThrow(/params.lambda/);
  });
});

describe('asymptoticStandardErrors against numpy (sqrt(diag(inv(n·I))), n = 20)', () => {
  for (const [family, c] of Object.entries(data.asymptoticSe)) {
    it(family, () => {
      expectAllClose(Object.values(asymptoticStandardErrors(family as FamilyName, c.params, c.n)), c.se, { rel: 1e-10 });
    });
  }
  it('edge cases', () => {
    expect(() => asymptoticStandardErrors('exponential', { rate: 1 }, 0)).toThrow(/n must be a positive integer/);
    expect(() => asymptoticStandardErrors('exponential', { rate: 1 }, 2.5)).toThrow(/n must be a positive integer/);
  });
});
