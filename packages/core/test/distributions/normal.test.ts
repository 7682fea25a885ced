import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalCdf,
  normalLogPdf,
  normalLogPdfArray,
  normalPdf,
  normalPdfArray,
  normalPpf,
} from '../../src/distributions/normal.ts';
import { erf, erfc } from '../../src/internal/erf.ts';
import data from '../fixtures/distributions.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

describe('normalPdf / normalLogPdf / normalCdf against scipy.stats.norm (distributions.json)', () => {
  for (const c of data.normal) {
    it(`mu = ${c.mu}, sigma = ${c.sigma}`, () => {
      c.x.forEach((x, i) => {
        // scipy.stats.norm.pdf(x, mu, sigma): same formula and operation order, so ~1 ulp; exp's own
        // rounding of an argument near −800 is the only difference.
        expectClose(normalPdf(x, c.mu, c.sigma), c.pdf[i] as number, { rel: 1e-14, abs: 0 });
        // scipy.stats.norm.logpdf: −z²/2 − ln√(2π) − ln σ.
        expectClose(normalLogPdf(x, c.mu, c.sigma), c.logpdf[i] as number, { rel: 1e-15 });
        // scipy.stats.norm.cdf (cephes ndtr): scipy rounds t = z/√2 before erfc(t) ∝ e^(−t²), which
        // costs it up to 2t²·ε = z²·ε relative in the tail (6e−14 at z = −30), so the tolerance grows
        // with z²; the exact tail is checked against mpmath below, to 1e−15.
        const z = (x - c.mu) / c.sigma;
        const tol = 1e-15 + 2.5e-16 * z * z;
        // Below z = −37.5 the tail is subnormal; scipy returns 0 at z = −38 where the exact value is
        // 2.885e−316 (ours, checked against mpmath below).
        expectClose(normalCdf(x, c.mu, c.sigma), c.cdf[i] as number, { rel: tol, abs: z < -37.5 ? 3e-316 : 0 });
      });
    });
  }

  it('the notebook’s 1-D density: norm.pdf(np.linspace(-4, 4, 200), 0, 1)', () => {
    const x = data.notebookPdf.x;
    expectAllClose(normalPdfArray(x), data.notebookPdf.pdf, { rel: 1e-15 });
    expectAllClose(x.map((v) => normalPdf(v)), data.notebookPdf.pdf, { rel: 1e-15 });
  });
});

describe('normal tails', () => {
  it('logpdf at x = −40 is exact: −800 − ln√(2π)', () => {
    // −40²/2 − 0.9189385332046727 = −800.9189385332047 (one rounding of the sum)
    expect(normalLogPdf(-40)).toBe(-800 - 0.9189385332046727);
    expect(normalPdf(-40)).toBe(0); // e^−800 underflows; the log does not
  });

  it('cdf in the tails matches mpmath.ncdf to a few ulps (scipy does not)', () => {
    const { x, cdfExact, cdfScipy } = data.tail;
    let worstOurs = 0;
    let worstScipy = 0;
    x.forEach((xi, i) => {
      const exact = cdfExact[i] as number;
      const ours = normalCdf(xi);
      // mpmath.ncdf(x) at 50 digits, rounded to double. Below 2.2e−308 the result is subnormal and
      // carries only its absolute precision.
      expectClose(ours, exact, { rel: 1e-15, abs: 1e-322 });
      if (exact > 1e-300) {
        worstOurs = Math.max(worstOurs, Math.abs(ours - exact) / exact);
        worstScipy = Math.max(worstScipy, Math.abs((cdfScipy[i] as number) - exact) / exact);
      }
    });
    expect(worstOurs).toBeLessThan(1e-15);
    expect(worstScipy).toBeGreaterThan(1e-14); // why the tail golden is mpmath, not scipy
  });

  it('cdf at −8.5: 9.479534822203318e−18 (mpmath), to 1e−15', () => {
    expectClose(normalCdf(-8.5), 9.479534822203318e-18, { rel: 1e-15 });
    expectClose(normalCdf(8.5), 1 - 9.479534822203318e-18, { rel: 1e-16 });
  });

  it('ppf matches mpmath to ~4 ulps from 1e−300 to 1 − 1e−16, and scipy to 1e−15', () => {
    const { p, scipy, exact, shifted } = data.ppf;
    p.forEach((pi, i) => {
      // exact = mpmath.findroot(ncdf(y) − p); the quantile is within an ulp of it (normal.differential.test.ts).
      expectClose(normalPpf(pi), exact[i] as number, { rel: 1e-15, abs: 1e-300 });
      // scipy.stats.norm.ppf(p) (cephes ndtri)
      expectClose(normalPpf(pi), scipy[i] as number, { rel: 2e-15, abs: 1e-300 });
      expectClose(normalPpf(pi, shifted.mu, shifted.sigma), shifted.ppf[i] as number, { rel: 2e-15, abs: 1e-15 });
    });
    // mpmath: Φ⁻¹(1e−300) = −37.0470962993612…
    expectClose(normalPpf(1e-300), -37.0470962993612, { rel: 1e-15 });
  });

  it('erf and erfc agree with each other and with their symmetries', () => {
    for (const x of [-30, -6, -3, -1.3, -1, -0.9, -0.5, -1e-10, 0, 1e-20, 0.2, 0.3, 0.84375, 1, 1.25, 2, 2.857, 3, 5.9, 6, 27, 28, 30]) {
      expectClose(erf(-x), -erf(x), { rel: 0 });
      expectClose(erfc(x) + erfc(-x), 2, { rel: 2e-16 });
      expectClose(erf(x) + erfc(x), 1, { rel: 0, abs: 3e-16 });
    }
    expect(erf(Infinity)).toBe(1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
  });
});

describe('normal properties (fast-check)', () => {
  const z = fc.double({ min: -30, max: 30, noNaN: true });
  const p = fc.double({ min: 1e-300, max: 1 - 1e-12, noNaN: true });

  it('ppf inverts cdf: Φ(Φ⁻¹(p)) = p', () => {
    fc.assert(
      fc.property(p, (q) => {
        // Φ'(x)/Φ(x) ≈ |x| in the lower tail, so a relative error δ in x = Φ⁻¹(p) becomes x²·δ in Φ:
        // the tolerance scales with 1 + x² (x² ≈ 1370 at p = 1e−300).
        const x = normalPpf(q);
        expectClose(normalCdf(x), q, { rel: 1e-15 * (4 + x * x) });
      }),
    );
  });

  it('cdf is monotone and symmetric: Φ(−z) = 1 − Φ(z)', () => {
    fc.assert(
      fc.property(z, z, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(normalCdf(lo)).toBeLessThanOrEqual(normalCdf(hi));
        expectClose(normalCdf(-a), 1 - normalCdf(a), { rel: 0, abs: 2e-16 });
      }),
    );
  });

  it('log pdf is the log of the pdf, and location/scale work as (x − μ)/σ', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (zz, mu, sigma) => {
          const x = mu + sigma * zz;
          expectClose(normalLogPdf(x, mu, sigma), Math.log(normalPdf(x, mu, sigma)), { rel: 1e-13, abs: 1e-13 });
          expectClose(normalPdf(x, mu, sigma), normalPdf((x - mu) / sigma) / sigma, { rel: 1e-14 });
          expectClose(normalCdf(x, mu, sigma), normalCdf((x - mu) / sigma), { rel: 1e-15 });
        },
      ),
    );
  });
});

describe('normal edge cases', () => {
  it('invalid parameters give NaN (scipy style), never throw', () => {
    // μ = ±Infinity is not invalid: it gives scipy's limits (normal.differential.test.ts).
    for (const [mu, sigma] of [[0, 0], [0, -1], [0, NaN], [NaN, 1], [0, Infinity]] as const) {
      expect(normalPdf(0, mu, sigma)).toBeNaN();
      expect(normalLogPdf(0, mu, sigma)).toBeNaN();
      expect(normalCdf(0, mu, sigma)).toBeNaN();
      expect(normalPpf(0.5, mu, sigma)).toBeNaN();
    }
  });

  it('NaN and ±Infinity points', () => {
    expect(normalPdf(NaN)).toBeNaN();
    expect(normalLogPdf(NaN)).toBeNaN();
    expect(normalCdf(NaN)).toBeNaN();
    expect(normalPpf(NaN)).toBeNaN();
    expect(normalPdf(Infinity)).toBe(0);
    expect(normalPdf(-Infinity)).toBe(0);
    expect(normalLogPdf(-Infinity)).toBe(-Infinity);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });

  it('ppf at and beyond the ends of [0, 1]', () => {
    expect(normalPpf(0)).toBe(-Infinity);
    expect(normalPpf(1)).toBe(Infinity);
    expect(normalPpf(0, 5, 2)).toBe(-Infinity);
    expect(normalPpf(-1e-300)).toBeNaN();
    expect(normalPpf(1.0000000000000002)).toBeNaN();
    expect(normalPpf(0.5)).toBe(0);
    expect(normalPpf(0.5, 5, 2)).toBe(5);
  });

  it('huge offsets: the density depends only on x − μ', () => {
    // (1e9 + 3) − 1e9 = 3 exactly, so the values equal the standard ones at z = 1.5.
    expect(normalPdf(1e9 + 3, 1e9, 2)).toBe(normalPdf(1.5) / 2);
    expect(normalCdf(1e9 - 17, 1e9, 2)).toBe(normalCdf(-8.5));
    expectClose(normalPpf(0.975, 1e9, 2), 1e9 + 2 * 1.959963984540054, { rel: 1e-16 });
  });

  it('TSDoc examples', () => {
    expect(normalPdf(0)).toBe(0.3989422804014327);
    expectClose(normalPdf(7, 5, 2), 0.12098536225957168, { rel: 1e-16 });
    expect(normalLogPdf(-40)).toBe(-800.9189385332047);
    expectClose(normalCdf(1.959963984540054), 0.975, { rel: 1e-16 });
    expectClose(normalCdf(-8.5), 9.479534822203318e-18, { rel: 2e-16 });
    expectClose(normalPpf(0.975), 1.9599639845400536, { rel: 2e-16 });
    expectClose(normalPpf(1e-300), -37.0470962993612, { rel: 2e-16 });
    expectAllClose(normalPdfArray([0, 1]), [0.3989422804014327, 0.24197072451914337], { rel: 1e-16 });
    expectAllClose(normalLogPdfArray([0, -40]), [-0.9189385332046727, -800.9189385332047], { rel: 1e-16 });
  });
});

describe('normalPdfArray / normalLogPdfArray', () => {
  it('equal the scalar functions and write into out', () => {
    const x = [-3, -0.5, 0, 2.25, 7];
    const out = new Float64Array(5);
    expect(normalPdfArray(x, 1, 2, out)).toBe(out);
    x.forEach((v, i) => expect(out[i]).toBe(normalPdf(v, 1, 2)));
    const logs = normalLogPdfArray(Float64Array.from(x), 1, 2);
    x.forEach((v, i) => expect(logs[i]).toBe(normalLogPdf(v, 1, 2)));
  });

  it('edge cases: empty, NaN points propagate, invalid parameters and out throw', () => {
    expect(normalPdfArray([]).length).toBe(0);
    expect(normalPdfArray([1])[0]).toBe(normalPdf(1));
    expect(normalPdfArray([NaN])[0]).toBeNaN();
    expect(normalLogPdfArray([Infinity])[0]).toBe(-Infinity);
    expect(() => normalPdfArray([1], 0, 0)).toThrow(/^normalPdfArray: sigma must be a finite number greater than 0, got 0$/);
    expect(() => normalLogPdfArray([1], NaN, 1)).toThrow(RangeError);
    expect(() => normalPdfArray([1, 2], 0, 1, new Float64Array(1))).toThrow(/^normalPdfArray: out must be a Float64Array of length 2/);
    expect(() => normalPdfArray(3 as unknown as number[])).toThrow(TypeError);
  });
});
