// normalPpf against mpmath at ~650 probabilities over the whole range, tails included, and the
// scalar normal functions against scipy 1.17 for a mean of ±Infinity (test/fixtures/differential.py);
// plus the scalar NaN policy: a non-number argument is NaN, never coerced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalIntervalProbability, normalLogPdf, normalPdf, normalPpf } from '../../src/distributions/normal.ts';
import data from '../fixtures/differential.json' with { type: 'json' };
import { fixtureNumber } from '../support/fixture-number.ts';
import { ulp } from '../support/ulp.ts';

/** |normalPpf(p) − Φ⁻¹(p)| in ulps of Φ⁻¹(p), Φ⁻¹(p) = exact + exactLow (mpmath, 60 digits). */
function ulpError(c: { p: number; exact: number; exactLow: number }): number {
  return Math.abs(normalPpf(c.p) - c.exact - c.exactLow) / ulp(c.exact);
}

describe('normalPpf against mpmath', () => {
  it(`is within 1 ulp of Φ⁻¹(p) at all ${data.ppf.length} probabilities from 5e-324 to 1 − 1e-16 (2 ulp for a subnormal p, refined by no Newton step)`, () => {
    let worst = 0;
    for (const c of data.ppf) {
      const err = ulpError(c);
      worst = Math.max(worst, err);
      expect(err, `p = ${c.p}`).toBeLessThanOrEqual(c.p < 2 ** -1022 ? 2 : 1);
    }
    expect(worst).toBeGreaterThan(0); // the fixture is really compared
  });

  it('regression: within 1 ulp across the central branch (0.075 ≤ p ≤ 0.925) and next to it, where p − ½ rounded below ¼ and a rounded erf or Φ once left up to 2.6 ulp', () => {
    let count = 0;
    for (const c of data.ppf) {
      if (!(Math.abs(c.p - 0.5) <= 0.46)) continue;
      count++;
      expect(ulpError(c), `p = ${c.p}`).toBeLessThanOrEqual(1);
    }
    expect(count).toBeGreaterThan(1000);
  });

  it('regression: the far tails are within 1 ulp (AS 241 alone is up to 5 ulp off there)', () => {
    for (const c of data.ppf) {
      if (c.p > 1e-3 || c.p < 2 ** -1022) continue;
      expect(ulpError(c), `p = ${c.p}`).toBeLessThanOrEqual(1);
    }
  });

  it('property: Φ(Φ⁻¹(p)) = p to the accuracy of Φ, and Φ⁻¹ is monotone', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1, noNaN: true, minExcluded: true, maxExcluded: true }), fc.double({ min: 1e-300, max: 1, noNaN: true, minExcluded: true, maxExcluded: true }), (p, q) => {
        const x = normalPpf(p);
        const back = normalCdf(x);
        // |Φ(x) − p| ≤ φ(x)·ulp(x) (x is one rounding from exact) + a few ulps of p.
        const slack = Math.exp(-(x * x) / 2) * 0.4 * 2 * ulp(x) + 8 * Number.EPSILON * Math.min(p, 1 - p + Number.EPSILON);
        if (p < 0.5 && !(Math.abs(back - p) <= slack + 8 * Number.EPSILON * p)) return false;
        return p <= q ? normalPpf(p) <= normalPpf(q) : normalPpf(p) >= normalPpf(q);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a mean of ±Infinity gives scipy 1.17’s limits', () => {
  const fns: Record<string, (x: number, mu: number, sigma: number) => number> = {
    pdf: normalPdf,
    logpdf: normalLogPdf,
    cdf: normalCdf,
    ppf: normalPpf,
  };
  for (const c of data.normalLimits) {
    it(`${c.fn}(${c.x}; μ = ${c.mu}, σ = ${c.sigma}) = ${c.value}`, () => {
      // scipy 1.17: norm.<fn>(x, loc=mu, scale=sigma)
      const f = fns[c.fn];
      if (f === undefined) throw new Error(c.fn);
      expect(f(fixtureNumber(c.x), fixtureNumber(c.mu), c.sigma)).toBe(fixtureNumber(c.value));
    });
  }

  it('interval probability: 0 for any interval short of the infinite mean (scipy: cdf(b) − cdf(a))', () => {
    expect(normalIntervalProbability(-5, 1e300, Infinity, 2)).toBe(0);
    expect(normalIntervalProbability(-Infinity, 3, -Infinity, 2)).toBe(Number.NaN);
    expect(normalIntervalProbability(-1, 3, -Infinity, 2)).toBe(0);
  });
});

describe('scalar NaN policy', () => {
  it('regression: a string is not coerced — NaN, as for any invalid argument', () => {
    const s = '1' as unknown as number;
    expect(normalPdf(s)).toBeNaN();
    expect(normalLogPdf(s)).toBeNaN();
    expect(normalCdf(s)).toBeNaN();
    expect(normalPpf('0.5' as unknown as number)).toBeNaN();
    expect(normalIntervalProbability(s, 2)).toBeNaN();
    expect(normalPdf(0, s)).toBeNaN();
    expect(normalPdf(0, 0, '2' as unknown as number)).toBeNaN();
    expect(normalPdf(null as unknown as number)).toBeNaN();
  });

  it('property: never throws, whatever the arguments', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (x, mu, sigma) => {
        for (const f of [normalPdf, normalLogPdf, normalCdf, normalPpf]) {
          const v = f(x as number, mu as number, sigma as number);
          if (typeof v !== 'number') return false;
          // undefined μ or σ is the default (0, 1), not an invalid argument.
          const bad = (a: unknown): boolean => a !== undefined && typeof a !== 'number';
          if ((typeof x !== 'number' || bad(mu) || bad(sigma)) && !Number.isNaN(v)) return false;
        }
        return true;
      }),
    );
  });
});
