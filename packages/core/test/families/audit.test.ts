import { describe, expect, it } from 'vitest';
import { bernoulliFamily } from '../../src/families/bernoulli.ts';
import { betaFamily } from '../../src/families/beta.ts';
import { binomialFamily } from '../../src/families/binomial.ts';
import { familyPpfArray } from '../../src/families/family-arrays.ts';
import type { Family, FamilyParams } from '../../src/families/family.ts';
import { gammaFamily } from '../../src/families/gamma.ts';
import { geometricFamily } from '../../src/families/geometric.ts';
import { lognormalFamily } from '../../src/families/lognormal.ts';
import { negativeBinomialFamily } from '../../src/families/negative-binomial.ts';
import { getFamily } from '../../src/families/registry.ts';
import { uniformFamily } from '../../src/families/uniform.ts';
import data from '../fixtures/family_audit.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

// Regressions from the accuracy audit: inputs the families.json grid never sampled, where a family
// was wrong. Every expected value is exact (mpmath, test/fixtures/family_audit.py).

describe('gamma where βx underflows (x > 0, βx subnormal or 0)', () => {
  for (const c of data.gamma) {
    it(`shape ${c.params.shape}, rate ${c.params.rate} at x = ${c.x}`, () => {
      const params = c.params as FamilyParams;
      // Before: logPdf +Infinity for shape < 1 (α/x overflowed); cdf 6e−7 off or 0 (βx lost its digits).
      expectClose(gammaFamily.logPdf(c.x, params), c.logPdf, { rel: 1e-12 });
      expectClose(gammaFamily.pdf(c.x, params), Number(c.pdf), { rel: 1e-12 }); // 'Infinity' past the doubles
      // P = exp(α ln βx − ln Γ(α + 1)): a log of size ~700 leaves ~1e−13 relative in P.
      expectClose(gammaFamily.cdf(c.x, params), c.cdf, { rel: 1e-12 });
      expectClose(gammaFamily.logCdf(c.x, params), c.logCdf, { rel: 1e-14 });
      expectClose(gammaFamily.sf(c.x, params), c.sf, { rel: 1e-15 });
      expectClose(gammaFamily.logSf(c.x, params), c.logSf, { rel: 1e-12 });
    });
  }

  it('the cdf array kernel takes the same path, bit for bit', () => {
    for (const c of data.gamma) {
      const params = c.params as FamilyParams;
      const xs = [c.x, 1, c.x * 2, 0];
      const out = getFamily('gamma').arrayKernels?.cdf?.(xs, params, new Float64Array(xs.length)) as Float64Array;
      xs.forEach((x, i) => expect(out[i]).toBe(gammaFamily.cdf(x, params)));
    }
  });
});

describe('discrete ppf near p = 1 and isf near q = 1 decide on the small tail', () => {
  for (const c of data.discrete) {
    it(`${c.family} ${JSON.stringify(c.params)}`, () => {
      const family = getFamily(c.family);
      const params = c.params as FamilyParams;
      // Before (poisson λ = 41120): ppf(1 − 1e−15) = 42739 for 42741, isf(1 − 1e−15) = 39519 for 39520.
      c.p.forEach((p, i) => {
        expect(family.ppf(p, params)).toBe(c.ppf[i]);
        expect(family.isf(p, params)).toBe(c.isf[i]);
      });
      // The array's shortcut along a grid keeps the scalar answers, in the upper half too.
      const grid = [...c.p, ...c.p].toSorted((a, b) => a - b);
      const out = familyPpfArray(family, grid, params);
      grid.forEach((p, i) => expect(out[i]).toBe(family.ppf(p, params)));
    });
  }
});

describe('bernoulli ppf compares p with the exact cdf(0) = 1 − prob', () => {
  for (const c of data.bernoulli) {
    it(`prob ${c.prob}, p ${c.p}`, () => {
      expect(bernoulliFamily.ppf(c.p, { prob: c.prob })).toBe(c.ppf);
    });
  }
});

/**
 * One test a case: the family's isf(p) for an upper case, else its ppf(p), against the exact quantile,
 * within 1e−14 relative. The test is named `name(c)` and the call, e.g. 'prob 0.01, isf(1e-300)'.
 */
function quantileCases<C extends { p: number; upper: boolean }>(
  family: Family,
  cases: readonly C[],
  params: (c: C) => FamilyParams,
  name: (c: C) => string,
  expected: (c: C) => number,
): void {
  for (const c of cases) {
    const fn = c.upper ? 'isf' : 'ppf';
    it(`${name(c)} ${fn}(${c.p})`, () => {
      expectClose(family[fn](c.p, params(c)), expected(c), { rel: 1e-14 });
    });
  }
}

/** One test a case: the family's log density at c.x against the exact one, within 1e−12 relative. */
function logPdfCases<C extends { x: number; logPdf: number }>(
  family: Family,
  cases: readonly C[],
  params: (c: C) => FamilyParams,
  name: (c: C) => string,
): void {
  for (const c of cases) {
    it(`${name(c)} at x = ${c.x}`, () => {
      expectClose(family.logPdf(c.x, params(c)), c.logPdf, { rel: 1e-12 });
    });
  }
}

describe('geometric quantiles above 2^53 end (the bisection looped for ever)', () => {
  // Within a few ulps of k: ln sf = (k + 1)·log1p(−prob) carries ~1e−16 of its size (~30).
  quantileCases(geometricFamily, data.geometricBig, (c) => ({ prob: c.prob }), (c) => `prob ${c.prob},`, (c) => c.k);
});

describe('uniform quantiles from the nearer end', () => {
  // Before: isf(1 − 1e−15) on [0, 6.2e−5] was 6.78e−20 for 6.16e−20 (max − q·(max − min) cancelled).
  quantileCases(uniformFamily, data.uniform, (c) => ({ min: c.min, max: c.max }), (c) => `[${c.min}, ${c.max}]`, (c) => c.value);
});

describe('negative binomial log pmf where size ≫ x', () => {
  // Before: 0.05 off at size 1e13, μ 1e6 (R's −μ for size·ln p); 1.2e−11 at size 1e17, x = 1e6.
  logPdfCases(negativeBinomialFamily, data.nbinom, (c) => ({ size: c.size, mu: c.mu }), (c) => `size ${c.size}, mu ${c.mu}`);
});

describe('binomial log pmf near x = n', () => {
  // Before: 1.4e−9 relative off at n = 3.4e8, x = n − 1 (log1p(−x/n) of a rounded x/n).
  logPdfCases(binomialFamily, data.binom, (c) => ({ size: c.size, prob: c.prob }), (c) => `size ${c.size}, prob ${c.prob}`);
});

describe('beta log density with one large shape (the binomial saddle point given the exact b − 1)', () => {
  // Before: 4.2e−12 relative off at a = 9015, b = 3.7 (n − x from the rounded a + b − 2).
  logPdfCases(betaFamily, data.beta, (c) => ({ shape1: c.shape1, shape2: c.shape2 }), (c) => `shape1 ${c.shape1}, shape2 ${c.shape2}`);
});

describe('lognormal log density at small sdlog (the rounding of ln x recovered)', () => {
  // Before: 2e−11 relative off at sdlog 1.1e−4 (scipy: 7.5e−13); now 3.5e−13. Where the log density is
  // near 0 (−0.026 from terms near 2.7) the error left, ~1e−16/sdlog·z absolute, can exceed 1e−12 of it.
  logPdfCases(lognormalFamily, data.lognormal, (c) => ({ meanlog: c.meanlog, sdlog: c.sdlog }), (c) => `meanlog ${c.meanlog}, sdlog ${c.sdlog}`);
});
