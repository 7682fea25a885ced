import { describe, expect, it } from 'vitest';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { likelihoodRatioTest, likelihoodTests } from '../../src/fitting/likelihood-tests.ts';
import data from '../fixtures/fitting.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

const datasets = data.datasets as Record<string, number[]>;

describe('likelihoodTests against mpmath (fitting.py: gamma shape = 1 on groundbeef)', () => {
  const t = data.tests;
  const x = datasets[t.dataset] as number[];
  const result = likelihoodTests(x, fitDistribution(x, 'gamma'), t.hypothesis);
  it('Wald, likelihood ratio and score statistics (score with the observed information at the restricted MLE)', () => {
    expectClose(result.wald.statistic, t.wald, { rel: 1e-8 });
    expectClose(result.likelihoodRatio.statistic, t.likelihoodRatio, { rel: 1e-9 });
    expectClose(result.score.statistic, t.score, { rel: 1e-9 });
    for (const k of ['wald', 'likelihoodRatio', 'score'] as const) expect(result[k].df).toBe(1);
  });
  it('p-values as scipy.stats.chi2.sf(statistic, 1)', () => {
    expectClose(result.wald.pValue, t.pValues.wald, { rel: 1e-7 });
    expectClose(result.likelihoodRatio.pValue, t.pValues.likelihoodRatio, { rel: 1e-7 });
    expectClose(result.score.pValue, t.pValues.score, { rel: 1e-7 });
  });
  it('the restricted MLE: rate = 1/x̄', () => {
    expectClose(result.restricted['rate'] as number, t.restricted.rate, { rel: 1e-12 });
    expect(result.restricted['shape']).toBe(1);
  });
});

describe('likelihoodTests: hand-derived cases', () => {
  it('exponential rate: W = (λ̂ − λ₀)²/(λ̂²/n), S = (n/λ₀ − Σx)²·λ₀²/n, LR = 2(ℓ(λ̂) − ℓ(λ₀))', () => {
    // x = [1, 2, 3, 4]: λ̂ = 0.4, SE² = 0.04; λ₀ = 1: W = 0.36/0.04 = 9; U(1) = 4 − 10 = −6, I(1) = 4,
    // S = 36/4 = 9; ℓ(0.4) = 4 ln 0.4 − 4, ℓ(1) = −10, LR = 2(4 ln 0.4 + 6) = 4.669674145006...
    const x = [1, 2, 3, 4];
    const r = likelihoodTests(x, fitDistribution(x, 'exponential'), { rate: 1 });
    expectClose(r.wald.statistic, 9, { rel: 1e-14 });
    expectClose(r.score.statistic, 9, { rel: 1e-14 });
    expectClose(r.likelihoodRatio.statistic, 2 * (4 * Math.log(0.4) + 6), { rel: 1e-14 });
    // P(χ²₁ > 9) = erfc(3/√2) = 0.0026997960632601866 (scipy.stats.chi2.sf(9, 1)).
    expectClose(r.wald.pValue, 0.0026997960632601866, { rel: 1e-13 });
  });
  it('two parameters at once: df = 2 (normal mean and sd)', () => {
    const x = datasets['groundbeef_serving'] as number[];
    const r = likelihoodTests(x, fitDistribution(x, 'normal'), { mean: 70, sd: 35 });
    expect(r.likelihoodRatio.df).toBe(2);
    // P(χ²₂ > s) = e^{−s/2}.
    expectClose(r.likelihoodRatio.pValue, Math.exp(-r.likelihoodRatio.statistic / 2), { rel: 1e-14 });
  });
  it('the three tests agree on a large sample near the truth', () => {
    const x = datasets['danishuni_loss'] as number[];
    const fit = fitDistribution(x, 'lognormal');
    const r = likelihoodTests(x, fit, { sdlog: (fit.estimates['sdlog'] as number) * 1.01 });
    expectClose(r.wald.statistic, r.likelihoodRatio.statistic, { rel: 0.05 });
    expectClose(r.score.statistic, r.likelihoodRatio.statistic, { rel: 0.05 });
  });
  it('NaN for the Wald and score tests where the model is not regular (Laplace location)', () => {
    const x = datasets['seed13_laplace_odd'] as number[];
    const r = likelihoodTests(x, fitDistribution(x, 'laplace'), { location: 3 });
    expect(r.wald.statistic).toBeNaN();
    expect(r.score.statistic).toBeNaN();
    expect(r.likelihoodRatio.statistic).toBeGreaterThan(0);
  });
});

describe('likelihoodRatioTest for nested fits', () => {
  it('exponential inside gamma on groundbeef: the same LR as likelihoodTests, df 1', () => {
    const x = datasets['groundbeef_serving'] as number[];
    const r = likelihoodRatioTest(fitDistribution(x, 'exponential'), fitDistribution(x, 'gamma'));
    expect(r.df).toBe(1);
    expectClose(r.statistic, data.tests.likelihoodRatio, { rel: 1e-9 });
  });
  it('Poisson inside the negative binomial on toxocara; a fixed parameter inside the free one', () => {
    const x = datasets['toxocara_number'] as number[];
    const r = likelihoodRatioTest(fitDistribution(x, 'negativeBinomial', { fixed: { size: 1 } }), fitDistribution(x, 'negativeBinomial'));
    expect(r.df).toBe(1);
    expect(r.statistic).toBeGreaterThanOrEqual(0);
  });
  it('errors: the alternative must have more free parameters, and the same n', () => {
    const x = [1, 2, 3, 4];
    expect(() => likelihoodRatioTest(fitDistribution(x, 'gamma'), fitDistribution(x, 'exponential'))).toThrow(/likelihoodRatioTest: altFit has 1 free parameters/);
    expect(() => likelihoodRatioTest(fitDistribution(x, 'exponential'), fitDistribution([1, 2, 3], 'gamma'))).toThrow(/same data/);
  });
});

describe('likelihoodTests: errors', () => {
  const x = [1, 2, 3, 4];
  const fit = fitDistribution(x, 'gamma');
  it('names the function, the parameter and what is allowed', () => {
    expect(() => likelihoodTests(x, fit, {})).toThrow(/likelihoodTests: hypothesis must name at least one/);
    expect(() => likelihoodTests(x, fit, { scale: 1 })).toThrow(/likelihoodTests: hypothesis names 'scale', which is not a parameter of the gamma family/);
    expect(() => likelihoodTests(x, fit, { shape: -1 })).toThrow(/hypothesis.shape must be a finite number > 0, got -1/);
    expect(() => likelihoodTests([1, 2, 3], fit, { shape: 1 })).toThrow(/x has 3 values but the fit was made on 4/);
    const fixed = fitDistribution(x, 'gamma', { fixed: { shape: 2 } });
    expect(() => likelihoodTests(x, fixed, { shape: 1 })).toThrow(/shape is fixed in this fit/);
  });
});
