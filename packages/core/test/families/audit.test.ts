import { describe, expect, it } from 'vitest';
import { bernoulliFamily } from '../../src/families/bernoulli.ts';
import { betaFamily } from '../../src/families/beta.ts';
import { binomialFamily } from '../../src/families/binomial.ts';
import { familyPpfArray } from '../../src/families/family-arrays.ts';
import type { FamilyParams } from '../../src/families/family.ts';
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

describe('geometric quantiles above 2^53 end (the bisection looped for ever)', () => {
  for (const c of data.geometricBig) {
    it(`prob ${c.prob}, ${c.upper ? 'isf' : 'ppf'}(${c.p})`, () => {
      const params = { prob: c.prob };
      const k = c.upper ? geometricFamily.isf(c.p, params) : geometricFamily.ppf(c.p, params);
      // Within a few ulps of k: ln sf = (k + 1)·log1p(−prob) carries ~1e−16 of its size (~30).
      expectClose(k, c.k, { rel: 1e-14 });
    });
  }
});

describe('uniform quantiles from the nearer end', () => {
  for (const c of data.uniform) {
    it(`[${c.min}, ${c.max}] ${c.upper ? 'isf' : 'ppf'}(${c.p})`, () => {
      const params = { min: c.min, max: c.max };
      // Before: isf(1 − 1e−15) on [0, 6.2e−5] was 6.78e−20 for 6.16e−20 (max − q·(max − min) cancelled).
      const v = c.upper ? uniformFamily.isf(c.p, params) : uniformFamily.ppf(c.p, params);
      expectClose(v, c.value, { rel: 1e-14 });
    });
  }
});

describe('negative binomial log pmf where size ≫ x', () => {
  for (const c of data.nbinom) {
    it(`size ${c.size}, mu ${c.mu} at x = ${c.x}`, () => {
      // Before: 0.05 off at size 1e13, μ 1e6 (R's −μ for size·ln p); 1.2e−11 at size 1e17, x = 1e6.
      expectClose(negativeBinomialFamily.logPdf(c.x, { size: c.size, mu: c.mu }), c.logPdf, { rel: 1e-12 });
    });
  }
});

describe('binomial log pmf near x = n', () => {
  for (const c of data.binom) {
    it(`size ${c.size}, prob ${c.prob} at x = ${c.x}`, () => {
      // Before: 1.4e−9 relative off at n = 3.4e8, x = n − 1 (log1p(−x/n) of a rounded x/n).
      expectClose(binomialFamily.logPdf(c.x, { size: c.size, prob: c.prob }), c.logPdf, { rel: 1e-12 });
    });
  }
});

describe('beta log density with one large shape (the binomial saddle point given the exact b − 1)', () => {
  for (const c of data.beta) {
    it(`shape1 ${c.shape1}, shape2 ${c.shape2} at x = ${c.x}`, () => {
      // Before: 4.2e−12 relative off at a = 9015, b = 3.7 (n − x from the rounded a + b − 2).
      expectClose(betaFamily.logPdf(c.x, { shape1: c.shape1, shape2: c.shape2 }), c.logPdf, { rel: 1e-12 });
    });
  }
});

describe('lognormal log density at small sdlog (the rounding of ln x recovered)', () => {
  for (const c of data.lognormal) {
    it(`meanlog ${c.meanlog}, sdlog ${c.sdlog} at x = ${c.x}`, () => {
      // Before: 2e−11 relative off at sdlog 1.1e−4 (scipy: 7.5e−13); now 3.5e−13. Where the log density is
      // near 0 (−0.026 from terms near 2.7) the error left, ~1e−16/sdlog·z absolute, can exceed 1e−12 of it.
      expectClose(lognormalFamily.logPdf(c.x, { meanlog: c.meanlog, sdlog: c.sdlog }), c.logPdf, { rel: 1e-12 });
    });
  }
});
