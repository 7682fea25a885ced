import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitDistribution } from '../../src/fitting/fit-distribution.ts';
import { cdfComparison, ecdf, ppoints, ppPoints, qqPoints } from '../../src/fitting/plot-data.ts';
import { expectAllClose, expectClose } from '../support/expect-close.ts';
import gofR from '../fixtures/gof_r.json' with { type: 'json' };
import { fitAt } from './fit-at.ts';

const data = gofR.datasets as Record<string, number[]>;

describe('ecdf', () => {
  it('by hand: [3, 1, 2, 2] steps to 1/4 at 1, 3/4 at 2, 1 at 3', () => {
    const e = ecdf([3, 1, 2, 2]);
    expect(Array.from(e.x)).toEqual([1, 2, 3]);
    expect(Array.from(e.y)).toEqual([0.25, 0.75, 1]);
    expect(e.n).toBe(4);
  });

  it('property: y rises strictly to 1 over the distinct sorted values, and counts add up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 100 }), (xs) => {
        const e = ecdf(xs);
        expect(e.x.length).toBe(new Set(xs).size);
        expect(e.y[e.y.length - 1]).toBe(1);
        for (let i = 1; i < e.x.length; i++) {
          expect(e.x[i]).toBeGreaterThan(e.x[i - 1] as number);
          expect(e.y[i]).toBeGreaterThan(e.y[i - 1] as number);
        }
        e.x.forEach((v, i) => expect(e.y[i]).toBe(xs.filter((u) => u <= v).length / xs.length));
      }),
    );
  });

  describe('edge cases', () => {
    it('one value, ties only, NaN, empty', () => {
      expect(Array.from(ecdf([5]).y)).toEqual([1]);
      expect(Array.from(ecdf([2, 2, 2]).x)).toEqual([2]);
      expect(() => ecdf([1, Number.NaN])).toThrow('ecdf: x[1] is NaN');
      expect(() => ecdf([])).toThrow('ecdf: x is empty');
    });
  });
});

describe('ppoints', () => {
  it("equals R's ppoints (a = 3/8 for n ≤ 10, else 1/2) and ppoints(n, a = 0.5)", () => {
    // R: ppoints(5), ppoints(5, a = 0.5), ppoints(12)
    expectAllClose(ppoints(5), gofR.ppoints.n5, { rel: 1e-15 });
    expectAllClose(ppoints(5, 0.5), gofR.ppoints.n5a, { rel: 1e-15 });
    expectAllClose(ppoints(12), gofR.ppoints.n12, { rel: 1e-15 });
  });
});

describe('qqPoints and ppPoints', () => {
  const small = gofR.fits.filter((f) => f.qq !== null);

  it("equal fitdistrplus qqcomp/ppcomp data: q<distr>(ppoints(n, a = 0.5)) and p<distr>(sort(x)) at R's estimates", () => {
    expect(small.length).toBeGreaterThanOrEqual(10);
    for (const f of small) {
      const x = data[f.dataset] as number[];
      const fit = fitAt(f.family, f.estimate as Record<string, number>, x.length);
      const qq = qqPoints(x, fit);
      const pp = ppPoints(x, fit);
      // R: do.call(q<distr>, c(list(ppoints(n, a = 0.5)), estimate)) and p<distr>(sort(x), estimate)
      expectAllClose(qq.theoretical, f.qq as number[], { rel: 1e-9, abs: 1e-12 });
      expectAllClose(pp.theoretical, f.pp as number[], { rel: 1e-11, abs: 1e-300 });
      expectAllClose(qq.empirical, x.toSorted((a, b) => a - b), { rel: 0 });
      expectAllClose(pp.empirical, ppoints(x.length, 0.5), { rel: 0 });
    }
  });

  it('take another plotting offset (Blom, a = 0.375) and check it', () => {
    const x = [1, 2, 3, 4];
    const fit = fitDistribution(x, 'exponential');
    // (1 − 0.375)/(4 + 1 − 0.75) = 0.625/4.25; the exponential quantile −ln(1 − p)/rate with rate = 1/2.5
    expectClose(qqPoints(x, fit, { a: 0.375 }).theoretical[0] as number, -Math.log1p(-0.625 / 4.25) * 2.5, { rel: 1e-13 });
    expect(() => qqPoints(x, fit, { a: 2 })).toThrow('qqPoints: options.a must be a plotting-position offset in [0, 1]');
  });

  it('the TSDoc examples', () => {
    const fit = fitDistribution([1, 2, 3, 4], 'exponential');
    // python: -math.log(0.875)/0.4 and 1 - math.exp(-0.4)
    expectClose(qqPoints([1, 2, 3, 4], fit).theoretical[0] as number, 0.33382848156130657, { rel: 1e-14 });
    expectClose(ppPoints([1, 2, 3, 4], fit).theoretical[0] as number, 0.3296799539643607, { rel: 1e-14 });
  });

  describe('edge cases', () => {
    it('data of another length than the fit, NaN in x', () => {
      const fit = fitDistribution([1, 2, 3, 4], 'exponential');
      expect(() => qqPoints([1, 2, 3], fit)).toThrow('qqPoints: x has 3 values but the fit was made on 4');
      expect(() => ppPoints([1, 2, Number.POSITIVE_INFINITY, 4], fit)).toThrow('ppPoints: x[2] is Infinity');
    });
  });
});

describe('cdfComparison', () => {
  it('a continuous fit: 101 points from min to max (R seq(min, max, length.out = 101)) and the fitted cdf', () => {
    const x = data.groundbeef_serving as number[];
    const f = gofR.fits.find((g) => g.dataset === 'groundbeef_serving' && g.family === 'weibull');
    const estimate = f?.estimate as { shape: number; scale: number };
    const fit = fitAt('weibull', estimate, x.length);
    const c = cdfComparison(x, fit);
    expect(c.grid.length).toBe(101);
    expect(c.grid[0]).toBe(Math.min(...x));
    expect(c.grid[100]).toBe(Math.max(...x));
    const { shape, scale } = estimate;
    // The Weibull cdf 1 − exp(−(x/scale)^shape) in closed form.
    expectAllClose(c.cdf, Array.from(c.grid, (g) => -Math.expm1(-((g / scale) ** shape))), { rel: 1e-13 });
    expect(c.discrete).toBe(false);
  });

  it('a discrete fit: every integer from min to max', () => {
    const x = [0, 1, 1, 2, 5];
    const c = cdfComparison(x, fitDistribution(x, 'poisson'));
    expect(Array.from(c.grid)).toEqual([0, 1, 2, 3, 4, 5]);
    // Poisson(1.8) cdf at 0: e^−1.8
    expectClose(c.cdf[0] as number, Math.exp(-1.8), { rel: 1e-14 });
    expect(c.discrete).toBe(true);
  });
});
