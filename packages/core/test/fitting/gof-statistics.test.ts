import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquaredCells, edfStatistics } from '../../src/fitting/gof-statistics.ts';
import type { FittedCdf } from '../../src/fitting/gof-statistics.ts';
import { erfc } from '../../src/internal/erf.ts';
import { expectAllClose, expectClose } from '../support/expect-close.ts';
import gofR from '../fixtures/gof_r.json' with { type: 'json' };
import gofMp from '../fixtures/gof.json' with { type: 'json' };

// Test-local cdfs in closed form (independent of src/families), accurate in both tails: the statistics
// are pure functions of the sorted data and these three functions.
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log P(Z > z) for a standard normal: erfc for z < 3, else log φ(z) + log of Mills' ratio (Laplace's continued fraction). */
function normalLogSf(z: number): number {
  if (z < 3) return Math.log(0.5 * erfc(z / Math.SQRT2));
  let f = z;
  for (let k = 60; k >= 1; k--) f = z + k / f;
  return -0.5 * z * z - LN_SQRT_2PI - Math.log(f);
}

type TestCdf = FittedCdf & { cdf(x: number): number };

function locationScale(logSfStd: (z: number) => number, logCdfStd: (z: number) => number, loc: number, scale: number, transform = (v: number) => v): TestCdf {
  const z = (v: number) => (transform(v) - loc) / scale;
  return { cdf: (v) => Math.exp(logCdfStd(z(v))), logCdf: (v) => logCdfStd(z(v)), logSf: (v) => logSfStd(z(v)) };
}

function distribution(family: string, p: Record<string, number>): TestCdf {
  switch (family) {
    case 'normal':
      return locationScale(normalLogSf, (z) => normalLogSf(-z), p.mean as number, p.sd as number);
    case 'lognormal':
      return locationScale(normalLogSf, (z) => normalLogSf(-z), p.meanlog as number, p.sdlog as number, Math.log);
    case 'logistic':
      // log F = −log(1 + e^(−z)), log S = −log(1 + e^z), written to avoid overflow.
      return locationScale(
        (z) => (z > 0 ? -z - Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z))),
        (z) => (z < 0 ? z - Math.log1p(Math.exp(z)) : -Math.log1p(Math.exp(-z))),
        p.location as number,
        p.scale as number,
      );
    case 'exponential': {
      const r = p.rate as number;
      return { cdf: (v) => -Math.expm1(-r * v), logCdf: (v) => Math.log(-Math.expm1(-r * v)), logSf: (v) => -r * v };
    }
    case 'weibull': {
      const t = (v: number) => (v / (p.scale as number)) ** (p.shape as number);
      return { cdf: (v) => -Math.expm1(-t(v)), logCdf: (v) => Math.log(-Math.expm1(-t(v))), logSf: (v) => -t(v) };
    }
    case 'geometric': {
      const q = Math.log1p(-(p.prob as number));
      const logS = (v: number) => (Math.floor(v) + 1) * q;
      return { cdf: (v) => -Math.expm1(logS(v)), logCdf: (v) => Math.log(-Math.expm1(logS(v))), logSf: logS };
    }
    default:
      throw new Error(`no test-local cdf for ${family}`);
  }
}

function sorted(values: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(values);
  out.sort();
  return out;
}
const sortedData = (name: string): Float64Array => sorted((gofR.datasets as Record<string, number[]>)[name] as number[]);
const closedForm = gofMp.fits.filter((f) => ['normal', 'lognormal', 'logistic', 'exponential', 'weibull', 'geometric'].includes(f.family));

describe('edfStatistics', () => {
  it('equals KS, CvM and AD evaluated in mpmath (50 digits) on fitdistrplus data at R fitdist estimates', () => {
    expect(closedForm.length).toBeGreaterThanOrEqual(12);
    for (const f of closedForm) {
      const got = edfStatistics(sortedData(f.dataset), distribution(f.family, f.estimate as Record<string, number>));
      const where = `${f.dataset} ${f.family}`;
      // mpmath: gof.py edf(sorted(x), family, estimate), the definitions in its docstring
      expectClose(got.ks, f.ks, { rel: 1e-12, abs: 1e-15 });
      expectClose(got.cvm, f.cvm, { rel: 1e-11 });
      expectClose(got.ad, f.ad, { rel: 1e-11 });
      expect(Number.isFinite(got.ad), where).toBe(true);
    }
  });

  it('matches scipy.stats.kstest and cramervonmises, and R gofstat where R is finite', () => {
    for (const f of closedForm) {
      const got = edfStatistics(sortedData(f.dataset), distribution(f.family, f.estimate as Record<string, number>));
      if (f.scipy_ks !== undefined) {
        // scipy 1.17: kstest(x, cdf).statistic, cramervonmises(x, cdf).statistic
        expectClose(got.ks, f.scipy_ks, { rel: 1e-12, abs: 1e-15 });
        expectClose(got.cvm, f.scipy_cvm as number, { rel: 1e-11 });
      }
      const r = gofR.fits.find((g) => g.dataset === f.dataset && g.family === f.family);
      // R 4.2 fitdistrplus 1.1.8: fitdistrplus:::compute.gofstat.KSCvMAD (as gofstat)
      expectClose(got.ks, r?.ks as number, { rel: 1e-12, abs: 1e-15 });
      expectClose(got.cvm, r?.cvm as number, { rel: 1e-11 });
      // R's log(1 − F) loses digits where F is near 1 (1e-6 relative on endosulfan) or gives Inf.
      if (r?.ad !== null) expectClose(got.ad, r?.ad as number, { rel: 1e-6 });
    }
  });

  it('stays finite and exact where 1 − F underflows (R gives Inf) and where F underflows', () => {
    for (const c of [gofMp.tail, gofMp.low]) {
      const got = edfStatistics(sorted(c.x), distribution(c.family, c.estimate as Record<string, number>));
      // mpmath: gof.py edf(...) for the tail points of N(0, 1) and the tiny exponential value
      expectClose(got.ks, c.ks, { rel: 1e-12 });
      expectClose(got.cvm, c.cvm, { rel: 1e-12 });
      expectClose(got.ad, c.ad, { rel: 1e-11 });
    }
  });

  it('by hand: n = 2 against the uniform cdf on [0, 1]', () => {
    const u: FittedCdf = { logCdf: Math.log, logSf: (v) => Math.log1p(-v) };
    const got = edfStatistics([0.25, 0.5], u);
    // KS: max(|.25 − .5|, |.25 − 0|, |.5 − 1|, |.5 − .5|) = 0.5
    // CvM: 1/24 + (.25 − .25)² + (.5 − .75)² = 1/24 + 1/16
    // AD: −2 − ½[1·(ln .25 + ln .5) + 3·(ln .5 + ln .75)]
    expect(got.ks).toBe(0.5);
    expectClose(got.cvm, 1 / 24 + 1 / 16, { rel: 1e-15 });
    expectClose(got.ad, -2 - 0.5 * (Math.log(0.25) + Math.log(0.5) + 3 * (Math.log(0.5) + Math.log(0.75))), { rel: 1e-14 });
  });

  it('property: KS in [1/(2n), 1], CvM ≥ 1/(12n), AD ≥ 0 for any sample against any continuous cdf', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (xs, s) => {
        const g = edfStatistics(sorted(xs), distribution('logistic', { location: 0, scale: s }));
        const n = xs.length;
        expect(g.ks).toBeGreaterThanOrEqual(1 / (2 * n) - 1e-15);
        expect(g.ks).toBeLessThanOrEqual(1);
        expect(g.cvm).toBeGreaterThanOrEqual(1 / (12 * n) - 1e-15);
        expect(g.ad).toBeGreaterThanOrEqual(-1e-9);
      }),
      { numRuns: 200 },
    );
  });

  describe('edge cases', () => {
    it('one value: KS = max(F, 1 − F), CvM = 1/12 + (F − ½)², AD = −1 − ln F − ln(1 − F)', () => {
      const u: FittedCdf = { logCdf: Math.log, logSf: (v) => Math.log1p(-v) };
      const g = edfStatistics([0.2], u);
      expectClose(g.ks, 0.8, { rel: 1e-15 });
      expectClose(g.cvm, 1 / 12 + 0.09, { rel: 1e-15 });
      expectClose(g.ad, -1 - Math.log(0.2) - Math.log(0.8), { rel: 1e-15 });
    });

    it('a point where F = 0 or 1 exactly makes AD infinite, as it should (not NaN)', () => {
      const u: FittedCdf = { logCdf: Math.log, logSf: (v) => Math.log1p(-v) };
      expect(edfStatistics([0, 0.5, 1], u).ad).toBe(Infinity);
    });
  });
});

/** A cdf on {0, 1, 2, 3} that reaches 1 at 3. */
const stepCdf = (v: number): number => (v < 0 ? 0 : v >= 3 ? 1 : ([0.3, 0.6, 0.8][Math.floor(v)] as number));

describe('chiSquaredCells', () => {
  it("equals gofstat's automatic cells, counts, statistic and df on fitdistrplus data", () => {
    for (const f of gofR.fits.filter((g) => closedForm.some((c) => c.family === g.family && c.dataset === g.dataset))) {
      const dist = distribution(f.family, f.estimate as Record<string, number>);
      const got = chiSquaredCells(sortedData(f.dataset), dist.cdf, Object.keys(f.estimate).length);
      // R: gofstat(fitdist(x, distr))$chisqbreaks, $chisqtable, $chisq, $chisqdf
      expect(got).not.toBeNull();
      expectAllClose(got?.breaks ?? [], f.chisqbreaks as number[], { rel: 0 });
      expectAllClose(got?.observed ?? [], f.chisqobserved as number[], { rel: 0 });
      expectAllClose(got?.expected ?? [], f.chisqexpected as number[], { rel: 1e-9 });
      expectClose(got?.statistic ?? NaN, f.chisq as number, { rel: 1e-9 });
      expect(got?.df).toBe(f.chisqdf);
    }
  });

  it('by hand: n = 10 gives meancount round(10/40^0.4) = 2, breaks at the 2nd, 4th, 6th values', () => {
    // 10 / 40^0.4 = 2.28 → 2; keep splitting while more than ⌈3⌉ = 3 values remain: 10 → 8 → 6 → 4 → stop at 4? 4 > 3, so a
    // fourth break at the 8th value leaves 2. Breaks: x(2), x(4), x(6), x(8).
    const x = Float64Array.from({ length: 10 }, (_, i) => (i + 0.5) / 10);
    const got = chiSquaredCells(x, (v) => Math.min(1, Math.max(0, v)), 0);
    expectAllClose(got?.breaks ?? [], [0.15, 0.35, 0.55, 0.75], { rel: 1e-15 });
    expectAllClose(got?.observed ?? [], [2, 2, 2, 2, 2], { rel: 0 });
    expectAllClose(got?.expected ?? [], [1.5, 2, 2, 2, 2.5], { rel: 1e-14 });
    expect(got?.df).toBe(4);
  });

  it('ties stay in one cell; a last cell with F = 1 and no data above is dropped (checked in R)', () => {
    const x = Float64Array.of(0, 0, 0, 1, 1, 1, 3, 3, 3, 3, 3, 3);
    const got = chiSquaredCells(x, stepCdf, 1);
    // meancount = round(12/48^0.4) = round(2.55) = 3, keep ⌈4.5⌉ = 5: x(3) = 0 leaves 9 values; the 3rd of them, 1,
    // leaves six 3s; 6 > 5, so 3 is a break and nothing is left: F(3) = 1 drops the cell above.
    // R: fitdistrplus:::compute.gofstat.Chi2(sort(x), 12, "my", "pmy", c(a = 1), NULL, c(0, 1, 3)) gives
    // obscounts 3 3 6, theocounts 3.6 3.6 4.8, chisq 0.5, chisqdf 1.
    expectAllClose(got?.breaks ?? [], [0, 1, 3], { rel: 0 });
    expectAllClose(got?.observed ?? [], [3, 3, 6], { rel: 0 });
    expectAllClose(got?.expected ?? [], [3.6, 3.6, 4.8], { rel: 1e-14 });
    expectClose(got?.statistic ?? NaN, 0.5, { rel: 1e-14 });
    expect(got?.df).toBe(1);
  });

  it('too small a sample for two cells gives null (gofstat: "too small to automatically define chisqbreaks")', () => {
    expect(chiSquaredCells([1], (v) => v, 0)).toBeNull();
    expect(chiSquaredCells([0.1, 0.2], (v) => v, 0)).toBeNull();
  });
});
