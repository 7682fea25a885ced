import { describe, expect, it } from 'vitest';
import { compareFits } from '../../src/fitting/compare-fits.ts';
import { createRandomState } from '../../src/random/random-state.ts';
import { expectClose } from '../support/expect-close.ts';
import gofR from '../fixtures/gof_r.json' with { type: 'json' };

const data = gofR.datasets as Record<string, number[]>;

describe('compareFits', () => {
  it("ranks groundbeef's families in R's AIC order, with R's AIC and BIC, ΔAIC and Akaike weights", () => {
    const x = data.groundbeef_serving as number[];
    const rFits = gofR.fits.filter((f) => f.dataset === 'groundbeef_serving');
    const r = compareFits(x, rFits.map((f) => f.family) as ['normal']);
    // R: sapply(fitdist(x, distr), aic), sorted
    expect(r.ranked.map((f) => f.family)).toEqual(rFits.toSorted((a, b) => a.aic - b.aic).map((f) => f.family));
    for (const f of r.ranked) {
      const rf = rFits.find((g) => g.family === f.family);
      // R: fitdist(x, distr)$aic and $bic; MLE Lab's log-likelihood is never below R's
      expectClose(f.aic, rf?.aic as number, { rel: 1e-7 });
      expectClose(f.bic, rf?.bic as number, { rel: 1e-7 });
      expect(f.gof?.ks.statistic).toBeGreaterThan(0);
    }
    expect(r.ranked[0]?.deltaAic).toBe(0);
    expectClose(r.ranked.reduce((s, f) => s + f.akaikeWeight, 0), 1, { rel: 1e-14 });
    const w = r.ranked.map((f) => f.akaikeWeight);
    // w_i / w_1 = exp(−Δ_i / 2)
    r.ranked.forEach((f, i) => expectClose((w[i] as number) / (w[0] as number), Math.exp(-f.deltaAic / 2), { rel: 1e-12 }));
    expect(r.failed).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it('reports every family it could not fit with its reason, never dropping one silently', () => {
    const x = data.groundbeef_serving as number[];
    const r = compareFits(x, ['gamma', 'beta', 'poisson', 'binomial']);
    expect(r.ranked.map((f) => f.family)).toEqual(['gamma']);
    expect(r.failed.map((f) => f.family)).toEqual(['beta', 'poisson', 'binomial']);
    for (const f of r.failed) {
      expect(f.reason).toMatch(/^fitDistribution: /);
      expect(f.fit).toBeNull();
    }
  });

  it('passes fixed parameters by family (the binomial needs its size)', () => {
    const x = [3, 5, 4, 6, 2, 5, 4, 7, 3, 5];
    const r = compareFits(x, ['binomial', 'poisson'], { fixed: { binomial: { size: 10 } } });
    expect(r.failed).toEqual([]);
    const binomial = r.ranked.find((f) => f.family === 'binomial');
    // The binomial MLE with the size fixed: prob = mean / size = 4.4 / 10
    expectClose(binomial?.fit.estimates.prob as number, 0.44, { rel: 1e-12 });
    expect(binomial?.fit.parameters).toEqual(['prob']);
  });

  it('notes when continuous and discrete families are ranked together', () => {
    const x = data.toxocara_number as number[];
    const r = compareFits(x, ['poisson', 'negativeBinomial', 'geometric', 'exponential'], { gof: false });
    expect(r.notes[0]).toMatch(/not comparable/);
    expect(r.ranked.every((f) => f.gof === null)).toBe(true);
  });

  it('AIC ranks the generating family first on a large sample', () => {
    const rs = createRandomState(11);
    const cases: [string, Float64Array][] = [
      ['gamma', rs.gamma(3, 2, 4000)],
      ['lognormal', rs.lognormal(0, 0.6, 4000)],
      ['weibull', rs.weibull(1.7, 4000)],
    ];
    for (const [family, y] of cases) {
      const r = compareFits(y, ['gamma', 'lognormal', 'weibull', 'normal', 'exponential'], { gof: false });
      expect(r.ranked[0]?.family, family).toBe(family);
    }
  });

  it('the TSDoc example', () => {
    const r = compareFits([0.2, 0.5, 0.9, 1.4, 2.2, 3.1], ['exponential', 'normal', 'poisson']);
    expect(r.ranked.map((f) => f.family)).toEqual(['exponential', 'normal']);
    expect(r.failed[0]?.family).toBe('poisson');
  });

  describe('edge cases', () => {
    it('bad input throws, naming compareFits', () => {
      expect(() => compareFits([1, Number.NaN], ['normal'])).toThrow('compareFits: x[1] is NaN');
      expect(() => compareFits([1, 2, 3], ['normal', 'normal'])).toThrow("compareFits: families names 'normal' twice");
      expect(() => compareFits([1, 2, 3], [3 as unknown as 'normal'])).toThrow(TypeError);
      // The argument is a list of names: an omitted one says so (it once said "an array of numbers").
      expect(() => compareFits([1, 2, 3], undefined as unknown as [])).toThrow(
        "compareFits: families must be an array of family names such as ['normal', 'gamma'] (FAMILY_NAMES lists them), got undefined",
      );
      // A misspelt family is the caller's error, thrown with getFamily's list, not a fit that failed.
      expect(() => compareFits([1, 2, 3], ['normal', 'Gamma' as 'gamma'])).toThrow(
        /^compareFits: families\[1\]: no family is named "Gamma" \(did you mean 'gamma'\?\); the families are 'normal', /,
      );
      expect(() => compareFits([1, 2, 3], ['normal', 'Gamma' as 'gamma'])).toThrow(RangeError);
    });

    it('no family fits: an empty ranking and every reason', () => {
      const r = compareFits([-1, 2, 3], ['exponential', 'poisson']);
      expect(r.ranked).toEqual([]);
      expect(r.failed.length).toBe(2);
    });
  });
});
