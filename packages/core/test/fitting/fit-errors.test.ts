import { describe, expect, it } from 'vitest';
import type { FamilyName } from '../../src/families/family.ts';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { logLikelihoodTerms } from '../../src/fitting/log-likelihood-terms.ts';
import data from '../fixtures/fitting.json' with { type: 'json' };
import { createRandomState } from '../../src/random/random-state.ts';
import { expectClose } from '../support/expect-close.ts';

const datasets = data.datasets as Record<string, number[]>;
const ALL: FamilyName[] = [
  'normal', 'lognormal', 'exponential', 'gamma', 'weibull', 'beta', 'logistic', 'laplace', 'cauchy', 'uniform',
  'poisson', 'geometric', 'negativeBinomial', 'binomial', 'bernoulli',
];
const opts = (f: FamilyName) => (f === 'binomial' ? { fixed: { size: 5 } } : {});

describe('fitDistribution: bad input (edge cases)', () => {
  it('NaN and ±Infinity are errors naming the index, for every family', () => {
    for (const f of ALL) {
      expect(() => fitDistribution([0.5, NaN, 0.2], f, opts(f))).toThrow(/fitDistribution: x\[1\] is NaN; only finite numbers/);
      expect(() => fitDistribution([0.5, 0.2, Infinity], f, opts(f))).toThrow(/fitDistribution: x\[2\] is Infinity/);
      expect(() => fitDistribution([-Infinity, 0.5, 0.2], f, opts(f))).toThrow(/x\[0\] is -Infinity/);
    }
  });
  it('empty data and non-arrays', () => {
    for (const f of ALL) expect(() => fitDistribution([], f, opts(f))).toThrow(/fitDistribution: x has 0 values; fitting the .* family needs at least/);
    expect(() => fitDistribution('1,2' as unknown as number[], 'normal')).toThrow(TypeError);
    expect(() => fitDistribution([1, '2' as unknown as number], 'normal')).toThrow(/x\[1\] is "2"; only numbers/);
  });
  it('values outside the support, with the index and what is allowed', () => {
    expect(() => fitDistribution([0.2, 1.2, 0.5], 'beta')).toThrow(/fitDistribution: x\[1\] is 1.2; the beta family allows only values strictly between 0 and 1/);
    expect(() => fitDistribution([0.2, 0, 0.5], 'beta')).toThrow(/x\[1\] is 0; the beta family/);
    expect(() => fitDistribution([3, -1, 2], 'poisson')).toThrow(/x\[1\] is -1; the poisson family allows only non-negative integers/);
    expect(() => fitDistribution([3, 1.5, 2], 'poisson')).toThrow(/x\[1\] is 1.5; the poisson family allows only non-negative integers/);
    expect(() => fitDistribution([1, 0, 2], 'bernoulli')).toThrow(/x\[2\] is 2; the bernoulli family allows only 0 and 1/);
    expect(() => fitDistribution([1, 6], 'binomial', { fixed: { size: 5 } })).toThrow(/x\[1\] is 6; the binomial family allows only integers from 0 to size = 5/);
    expect(() => fitDistribution([1, 0, 2], 'gamma')).toThrow(/x\[1\] is 0; the gamma family allows only values > 0/);
    expect(() => fitDistribution([1, -2], 'exponential')).toThrow(/x\[1\] is -2; the exponential family allows only values ≥ 0/);
    expect(() => fitDistribution([1, -2], 'lognormal')).toThrow(/lognormal family allows only values > 0/);
    expect(() => fitDistribution([1, 0], 'weibull')).toThrow(/weibull family allows only values > 0/);
  });
  it('too few points and constant samples: the MLE does not exist', () => {
    expect(() => fitDistribution([3], 'normal')).toThrow(/x has 1 value; fitting the normal family needs at least 2/);
    expect(() => fitDistribution([3, 3, 3], 'normal')).toThrow(/fitDistribution: the normal MLE does not exist for these data: every value equals 3, so σ̂ would be 0/);
    expect(() => fitDistribution([2, 2], 'gamma')).toThrow(/gamma MLE does not exist.*shape would be Infinity/);
    expect(() => fitDistribution([2, 2], 'weibull')).toThrow(/weibull MLE does not exist/);
    expect(() => fitDistribution([2, 2], 'logistic')).toThrow(/logistic MLE does not exist.*scale would be 0/);
    expect(() => fitDistribution([2, 2], 'laplace')).toThrow(/laplace MLE does not exist/);
    expect(() => fitDistribution([2, 2], 'uniform')).toThrow(/uniform MLE does not exist/);
    expect(() => fitDistribution([0.3, 0.3], 'beta')).toThrow(/beta MLE does not exist/);
    expect(() => fitDistribution([0, 0], 'exponential')).toThrow(/exponential MLE does not exist.*rate would be Infinity/);
    expect(() => fitDistribution([1, 2, 2, 2, 5], 'cauchy')).toThrow(/cauchy MLE does not exist.*3 of the 5 values are equal/);
  });
  it('a normal sample whose sum of squares overflows says so (it used to say "every value equals 2.4")', () => {
    // As normalMle does: σ̂² = (2·1e600 − …)/5 is beyond the double range.
    const overflow = /fitDistribution: the sum of squared deviations of x overflows; rescale the data/;
    expect(() => fitDistribution([1e300, -1e300, 5, 7, 1e-300], 'normal')).toThrow(overflow);
    expect(() => fitDistribution([1e308, -1e308, 1e-300], 'normal', { fixed: { mean: 0 } })).toThrow(overflow);
    // Values this far apart cannot share one power-of-two scale (1e-300 would become subnormal), so
    // they overflow; [1e200, −1e200, 3] can, and is fitted as the data times 2^-664 (data-scale.ts):
    // σ̂ = √((2·1e400 + 9 − 3)/3)… = 1e200·√(2/3) to rounding.
    expectClose(fitDistribution([1e200, -1e200, 3], 'normal').estimates.sd as number, 1e200 * Math.sqrt(2 / 3), { rel: 1e-15 });
    expectClose(fitDistribution([1e200, -1e200, 3], 'normal', { fixed: { mean: 0 } }).estimates.sd as number, 1e200 * Math.sqrt(2 / 3), { rel: 1e-15 });
    // Large but not overflowing: σ̂ = 1e150 exactly (Σd² = 2e300).
    expect(fitDistribution([1e150, -1e150], 'normal').estimates).toEqual({ mean: 0, sd: 1e150 });
  });
  it("the binomial's size must be given, and fixed values must be valid", () => {
    expect(() => fitDistribution([1, 2], 'binomial')).toThrow(TypeError);
    expect(() => fitDistribution([1, 2], 'binomial')).toThrow(/the binomial family's size is not estimated and must be given: fitDistribution\(x, 'binomial', \{ fixed: \{ size: … \} \}\)/);
    expect(() => fitDistribution([1, 2], 'binomial', { fixed: { size: 2.5 } })).toThrow(/options.fixed.size must be an integer ≥ 0, got 2.5/);
    expect(() => fitDistribution([1, 2], 'gamma', { fixed: { shape: 0 } })).toThrow(/options.fixed.shape must be a finite number > 0, got 0/);
    expect(() => fitDistribution([1, 2], 'gamma', { fixed: { scale: 1 } })).toThrow(/names 'scale', which is not a parameter of the gamma family \(its parameters: shape, rate\)/);
    expect(() => fitDistribution([1, 2], 'gammma' as FamilyName)).toThrow(/fitDistribution: family must be one of 'normal'.*got "gammma"/);
    expect(() => fitDistribution([1, 5], 'uniform', { fixed: { max: 4 } })).toThrow(/x\[1\] is 5, above the fixed max 4/);
  });
});

/** The Cauchy log-likelihood of y at (location, scale). */
const cauchyEll = (y: number[], location: number, scale: number) => logLikelihoodTerms(y, 'cauchy', { location, scale }).reduce((a, b) => a + b, 0);

describe('fitDistribution: the Cauchy with exactly half the values equal (once a 33 s hang)', () => {
  // Pairing each tied x₀ with another value y: f(x₀) f(y) ≤ 1/(π² (x₀ − y)²), the limit as μ → x₀,
  // γ → 0 (models/cauchy.ts): the supremum is approached there and attained nowhere.
  const x = [0, 0, 0, 0, 1, 2, 3, 5];
  it('is an error that says why, found at once', () => {
    expect(() => fitDistribution(x, 'cauchy')).toThrow(
      /fitDistribution: the cauchy MLE does not exist for these data: 4 of the 8 values equal 0 \(exactly half\), so the likelihood only approaches its supremum as the location → 0 and the scale → 0/,
    );
  });
  it('the likelihood stays below that limit at interior points, and approaches it', () => {
    // The limit: −8 ln π − 2 (ln 1 + ln 2 + ln 3 + ln 5).
    const limit = -8 * Math.log(Math.PI) - 2 * Math.log(30);
    for (const [mu, g] of [[0, 1], [0.5, 0.3], [1.5, 1.2], [0.01, 0.05], [-0.2, 0.01]] as const) expect(cauchyEll(x, mu, g)).toBeLessThan(limit);
    expectClose(cauchyEll(x, 0, 1e-6), limit, { rel: 1e-11 });
  });
  it('a large unsorted sample, the tied value at the odd places (the last one included) or the even ones', () => {
    for (const start of [0, 1]) {
      const y = createRandomState(106).standardCauchy(20000);
      for (let i = start; i < y.length; i += 2) y[i] = 0.25;
      expect(() => fitDistribution(y, 'cauchy')).toThrow(/10000 of the 20000 values equal 0.25 \(exactly half\)/);
    }
  });
  it('two values making up half each: a whole curve of maxima, so no unique MLE', () => {
    // ℓ(μ, γ) = −6 ln π wherever γ² = μ(1 − μ), 0 < μ < 1 (each pair f(0) f(1) = 1/π² there).
    expect(() => fitDistribution([0, 0, 0, 1, 1, 1], 'cauchy')).toThrow(/the cauchy MLE is not unique for these data: 0 and 1 each make up exactly half the sample/);
    const two = [0, 0, 0, 1, 1, 1];
    expectClose(cauchyEll(two, 0.5, 0.5), -6 * Math.log(Math.PI), { rel: 1e-14 });
    expectClose(cauchyEll(two, 0.2, 0.4), -6 * Math.log(Math.PI), { rel: 1e-14 });
  });
  it('one value fewer than half still has its maximum, and either parameter fixed is fine', () => {
    const fit = fitDistribution([0, 0, 0, 1, 2, 3, 5], 'cauchy');
    expect(fit.converged).toBe(true);
    expect(fit.estimates['scale']).toBeGreaterThan(0.1);
    expect(fitDistribution(x, 'cauchy', { fixed: { scale: 1 } }).converged).toBe(true);
    expect(fitDistribution(x, 'cauchy', { fixed: { location: 1 } }).converged).toBe(true);
  });
});

describe('fitDistribution: fixed parameters and starts', () => {
  it('every parameter fixed: nothing estimated, ℓ evaluated', () => {
    const fit = fitDistribution([1, 2, 3], 'normal', { fixed: { mean: 2, sd: 1 } });
    expect(fit.parameters).toEqual([]);
    // ℓ = −3 ln√(2π) − (1 + 0 + 1)/2.
    expectClose(fit.logLikelihood, -3 * 0.9189385332046727 - 1, { rel: 1e-15 });
    expect(fit.fixed).toEqual({ mean: 2, sd: 1 });
  });
  it('Weibull with its shape fixed at 1 is the exponential (scale = x̄)', () => {
    const x = datasets['groundbeef_serving'] as number[];
    const w = fitDistribution(x, 'weibull', { fixed: { shape: 1 } });
    const e = fitDistribution(x, 'exponential');
    expectClose(w.estimates['scale'] as number, 1 / (e.estimates['rate'] as number), { rel: 1e-13 });
    expectClose(w.logLikelihood, e.logLikelihood, { rel: 1e-13 });
    expect(w.parameters).toEqual(['scale']);
  });
  it('gamma with its rate fixed: Newton in one dimension reaches ψ(a) = ln b + mean ln x', () => {
    const x = datasets['groundbeef_serving'] as number[];
    const fit = fitDistribution(x, 'gamma', { fixed: { rate: 0.05 } });
    expect(fit.converged).toBe(true);
    expect(fit.method).toBe('newton');
    const free = fitDistribution(x, 'gamma');
    expect(fit.logLikelihood).toBeLessThanOrEqual(free.logLikelihood);
  });
  it('a start value is used and reaches the same maximum', () => {
    const x = datasets['groundbeef_serving'] as number[];
    const a = fitDistribution(x, 'weibull', { start: { shape: 20, scale: 10 } });
    const b = fitDistribution(x, 'weibull');
    expectClose(a.estimates['shape'] as number, b.estimates['shape'] as number, { rel: 1e-9 });
  });
  it('a Family object is accepted in place of its name', () => {
    const fit = fitDistribution([1, 2, 3, 4], { name: 'exponential' } as never);
    expect(fit.estimates['rate']).toBe(0.4);
  });
});

describe('fitDistribution: holding any one parameter at its MLE leaves the others at theirs', () => {
  const cases: [FamilyName, string][] = [
    ['normal', 'groundbeef_serving'], ['lognormal', 'groundbeef_serving'], ['gamma', 'groundbeef_serving'],
    ['weibull', 'groundbeef_serving'], ['logistic', 'groundbeef_serving'], ['cauchy', 'groundbeef_serving'],
    ['laplace', 'seed13_laplace_odd'], ['uniform', 'seed15_uniform'], ['beta', 'seed17_beta'],
    ['negativeBinomial', 'toxocara_number'],
  ];
  for (const [family, dataset] of cases) {
    it(`${family} on ${dataset}`, () => {
      const x = datasets[dataset] as number[];
      const full = fitDistribution(x, family);
      for (const held of full.parameters) {
        const fit = fitDistribution(x, family, { fixed: { [held]: full.estimates[held] as number } });
        expect(fit.converged).toBe(true);
        for (const name of fit.parameters) expectClose(fit.estimates[name] as number, full.estimates[name] as number, { rel: 1e-8 });
        expectClose(fit.logLikelihood, full.logLikelihood, { rel: 1e-13 });
      }
    });
  }
});

describe('fitDistribution: large samples (warm start from a strided subsample)', () => {
  it('reach the same maximum as Newton from the model’s own start, to 1e-9', () => {
    const rs = createRandomState(12);
    const z = rs.normal(0, 1, 60000);
    const positive = Array.from({ length: 30000 }, (_, i) => (z[i] as number) ** 2 + (z[30000 + i] as number) ** 2 + 0.01);
    for (const [family, x] of [['weibull', positive], ['logistic', Array.from(z.subarray(0, 30000))], ['cauchy', Array.from(z.subarray(0, 30000), (v, i) => v / ((z[30000 + i] as number) + 1e-300))]] as const) {
      const warm = fitDistribution(x, family);
      // An explicit start skips the subsample.
      const plain = fitDistribution(x, family, { start: { [warm.parameters[1] as string]: 1 } });
      expect(warm.converged).toBe(true);
      for (const name of warm.parameters) expectClose(warm.estimates[name] as number, plain.estimates[name] as number, { rel: 1e-9 });
    }
  });
});
