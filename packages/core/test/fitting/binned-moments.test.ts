import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOMENT_BINS, binnedMoments, twoPointSample } from '../../src/fitting/models/binned-moments.ts';
import { createRandomState, fitDistribution } from '../../src/index.ts';
import { engineMaximum } from '../support/engine-maximum.ts';
import { expectClose } from '../support/expect-close.ts';

// A large sample summarised by its bins' first four moments, and per bin the two-point Gauss rule that
// matches moments 0…3 (models/binned-moments.ts): what a large logistic fit now works on in place of
// the values (models/logistic.ts). Checked against the values themselves.

/** Σ (x − origin)^k for k = 0…4, term by term. */
function powerSums(x: ArrayLike<number>, origin: number): number[] {
  const s = [0, 0, 0, 0, 0];
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] as number) - origin;
    for (let k = 0; k < 5; k++) s[k] = (s[k] as number) + d ** k;
  }
  return s;
}

/** Σ |x − origin|^k: the scale of the rounding in powerSums. */
function absoluteSums(x: ArrayLike<number>, origin: number): number[] {
  return powerSums(Array.from(x, (v) => origin + Math.abs(v - origin)), origin);
}

describe('binnedMoments and twoPointSample', () => {
  it('the rule has each bin’s moments 0…3 and its fourth less the excess (fast-check)', () => {
    const values = fc.oneof(
      fc.double({ min: -1e3, max: 1e3, noNaN: true }),
      fc.integer({ min: -5, max: 5 }).map((k) => k / 4),
      fc.double({ min: 1e9, max: 1e9 + 10, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(values, { minLength: 2, maxLength: 300 }), (list) => {
        const x = Float64Array.from(list);
        const min = Math.min(...list);
        const max = Math.max(...list);
        fc.pre(MOMENT_BINS / (max - min) < Infinity);
        const b = binnedMoments(x, min, max);
        const rule = twoPointSample(b);
        expect(rule.origin).toBe(min);
        expect(b.counts.reduce((a, c) => a + c, 0)).toBe(x.length);
        // Nodes in increasing order within the extent, weights positive — to 1e-4 of a bin: a bin whose
        // values span less than that gets the symmetric rule, whose nodes m ± √v may stand a little
        // outside them (see SYMMETRIC).
        const slack = 1e-4 * b.width;
        for (let i = 0; i < rule.values.length; i++) {
          expect(rule.weights[i]).toBeGreaterThan(0);
          expect(rule.values[i]).toBeGreaterThanOrEqual(i === 0 ? -slack : (rule.values[i - 1] as number) - slack);
          expect(rule.values[i]).toBeLessThanOrEqual(max - min + slack);
        }
        const exact = powerSums(x, min);
        const scale = absoluteSums(x, min);
        const got = powerSums([], 0);
        for (let i = 0; i < rule.values.length; i++) {
          for (let k = 0; k < 5; k++) got[k] = (got[k] as number) + (rule.weights[i] as number) * (rule.values[i] as number) ** k;
        }
        for (const e of rule.excess) {
          expect(e).toBeGreaterThanOrEqual(0);
          got[4] = (got[4] as number) + e;
        }
        for (let k = 0; k < 5; k++) {
          expectClose(got[k] as number, exact[k] as number, { rel: 0, abs: 1e-11 * (scale[k] as number) + 1e-300 });
        }
      }),
      { numRuns: 300 },
    );
  });
  it('keeps a bin of tied values as one node, and bins a value of its own exactly', () => {
    const x = Float64Array.of(0, 0, 0, 5, 5, 10);
    const rule = twoPointSample(binnedMoments(x, 0, 10));
    expect(Array.from(rule.values)).toEqual([0, 5, 10]);
    expect(Array.from(rule.weights)).toEqual([3, 2, 1]);
    expect(Array.from(rule.excess)).toEqual([0, 0, 0]);
  });
  it('bins of width (max − min)/1024', () => {
    expect(binnedMoments(Float64Array.of(-3, 1, 5), -3, 5).width).toBe(8 / MOMENT_BINS);
  });
});

/** ℓ of the logistic at (μ, s), term by term with Math (z = (x − μ)/s). */
function directLogLikelihood(x: Float64Array, mu: number, s: number): number {
  let ll = 0;
  for (const v of x) {
    const a = Math.abs((v - mu) / s);
    ll += -Math.log(s) - a - 2 * Math.log1p(Math.exp(-a));
  }
  return ll;
}

describe('fitDistribution logistic on a large sample with narrow bins (the two-point rules, no pass over the values)', () => {
  const rs = createRandomState(2026);
  const cases: [string, Float64Array][] = [
    ['normal data', rs.normal(5, 2, 60000)],
    ['logistic data', rs.logistic(-2, 3.5, 40000)],
    ['uniform data', rs.uniform(0, 1, 30000)],
    ['values rounded to 0.1 (ties)', rs.normal(10, 1, 50000).map((v) => Math.round(v * 10) / 10)],
    ['values near 1e9', rs.normal(1e9, 1, 30000)],
    ['skewed data', rs.standardExponential(40000)],
  ];
  for (const [name, x] of cases) {
    it(`${name}: the maximum and ℓ over the values themselves`, () => {
      const fit = fitDistribution(x, 'logistic');
      const mu = fit.estimates['location'] as number;
      const s = fit.estimates['scale'] as number;
      let min = Infinity;
      let max = -Infinity;
      for (const v of x) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      // The bins are narrow enough for the rules (models/logistic.ts, MAX_BIN_WIDTH = 0.03).
      expect((max - min) / MOMENT_BINS / s).toBeLessThan(0.03);
      expect(fit.converged).toBe(true);
      const full = engineMaximum('logistic', x, Float64Array.of(mu, s));
      const fs = full.theta[1] as number;
      expectClose(mu, full.theta[0] as number, { rel: 0, abs: 1e-10 * fs });
      expectClose(s, fs, { rel: 1e-10 });
      expectClose(fit.logLikelihood, full.logLikelihood, { rel: 1e-13 });
      expectClose(fit.logLikelihood, directLogLikelihood(x, mu, s), { rel: 1e-13 });
    });
  }
});
