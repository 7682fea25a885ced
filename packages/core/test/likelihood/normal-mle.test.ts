import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalMle } from '../../src/likelihood/normal-mle.ts';
import { normalSufficientStats } from '../../src/likelihood/normal-sufficient-stats.ts';
import data from '../fixtures/likelihood.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

describe('normalMle against the notebook / numpy / scipy (likelihood.json)', () => {
  for (const c of data.mle) {
    it(c.name, () => {
      const fit = normalMle(c.x);
      expect(fit.n).toBe(c.n);
      // the exact mean and m2/n (Python Fractions, rounded once): the compensated two-pass sums hit
      // them to the last bit or two
      expectClose(fit.mu, c.meanExact, { rel: 2e-16 });
      expectClose(fit.sigma2, c.sigma2Exact, { rel: 1e-15 });
      // the notebook's np.mean(x) and np.mean((x - mu)**2): numpy's pairwise sums are accurate too,
      // except that its two-pass variance skips the mean correction and drifts by 1.5e−11 on the
      // 1e−6-scaled data offset by −3e4 (exact: 3.4172102616072733e−12, numpy …6581166e−12)
      expectClose(fit.mu, c.mu, { rel: 1e-15 });
      expectClose(fit.sigma2, c.sigma2, { rel: c.name.startsWith('scale') ? 2e-11 : 1e-14 });
      expectClose(fit.sigma, Math.sqrt(c.sigma2Exact), { rel: 1e-15 });
      // np.var(x, ddof=1)
      expectClose(fit.sigma2Unbiased, c.sigma2Unbiased, { rel: c.name.startsWith('scale') ? 2e-11 : 1e-14 });
      // −n/2·(ln(2πσ̂²) + 1) at the exact σ̂² (Fractions)
      expectClose(fit.logLikelihood, c.logLikelihoodExact, { rel: 1e-15 });
      // math.fsum(norm.logpdf(x, mu, sigma)) and the closed form with numpy's σ̂²: they inherit numpy's
      // σ̂² error, n/2 times over (3.7e−10 absolute on the scaled case)
      const numpyError = c.name.startsWith('scale') ? 1e-12 : 1e-15;
      expectClose(fit.logLikelihood, c.logLikelihood, { rel: numpyError });
      expectClose(fit.logLikelihood, c.logLikelihoodClosedForm, { rel: numpyError });
    });
  }

  it('data offset by 1e9 keep every digit: statistics.pvariance (exact rationals) agrees', () => {
    const offset = data.mle.find((c) => c.name === 'offset 1e9');
    if (offset === undefined) throw new Error('fixture case missing');
    expectClose(normalMle(offset.x).sigma2, data.pvarianceOffset, { rel: 1e-15 });
    // a naive one-pass E[x²] − E[x]² would lose all of them: 1e18·ε ≈ 222 ≫ σ² ≈ 3.4
  });

  it('TSDoc example', () => {
    const fit = normalMle([1, 2, 3, 4]);
    expect(fit).toEqual({
      n: 4,
      mu: 2.5,
      sigma2: 1.25,
      sigma: 1.118033988749895,
      sigma2Unbiased: 1.6666666666666667,
      logLikelihood: fit.logLikelihood,
    });
    expectClose(fit.logLikelihood, -6.12204123544711, { rel: 1e-15 }); // scipy: norm.logpdf(x, 2.5, sqrt(1.25)).sum()
  });
});

describe('normalMle properties (fast-check)', () => {
  const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 60 });

  it('affine maps of the data map the estimates: x → a·x + b gives μ̂ → a·μ̂ + b, σ̂ → |a|·σ̂', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), (x, a, b) => {
        fc.pre(Math.abs(a) > 1e-3);
        const base = normalMle(x);
        fc.pre(base.sigma > 1e-6 * (1 + Math.abs(base.mu)));
        const mapped = normalMle(x.map((v) => a * v + b));
        // rounding of a·v + b (relative ε of its size) bounds the agreement
        const scale = Math.abs(a) * (Math.abs(base.mu) + base.sigma) + Math.abs(b);
        expectClose(mapped.mu, a * base.mu + b, { rel: 0, abs: 1e-13 * scale });
        expectClose(mapped.sigma, Math.abs(a) * base.sigma, { rel: 0, abs: 1e-13 * scale });
        // ℓ shifts by −n·ln|a| (the Jacobian)
        expectClose(mapped.logLikelihood, base.logLikelihood - x.length * Math.log(Math.abs(a)), {
          rel: 0,
          abs: 1e-9 * (1 + Math.abs(base.logLikelihood)) * (scale / (Math.abs(a) * base.sigma)),
        });
      }),
    );
  });

  it('σ̂² = m2/n and s² = m2/(n − 1) with m2 from normalSufficientStats', () => {
    fc.assert(
      fc.property(sample, (x) => {
        const fit = normalMle(x);
        const { m2 } = normalSufficientStats(x);
        expect(fit.sigma2).toBe(m2 / x.length);
        expect(fit.sigma2Unbiased).toBe(m2 / (x.length - 1));
      }),
    );
  });
});

describe('normalMle edge cases', () => {
  it('empty and one value throw; two values work', () => {
    expect(() => normalMle([])).toThrow(/^normalMle: x is empty; at least one value is required$/);
    expect(() => normalMle([3])).toThrow(/^normalMle: x has 1 value; at least 2 are required/);
    expect(normalMle([1, 4])).toMatchObject({ n: 2, mu: 2.5, sigma2: 2.25, sigma: 1.5, sigma2Unbiased: 4.5 });
  });

  it('NaN and ±Infinity throw with their index (plain and typed arrays)', () => {
    expect(() => normalMle([1, NaN, 3])).toThrow(/^normalMle: x\[1\] is NaN; only finite numbers are allowed/);
    expect(() => normalMle(Float64Array.of(1, 2, Infinity))).toThrow(/^normalMle: x\[2\] is Infinity/);
    expect(() => normalMle(Float64Array.of(-Infinity, 2))).toThrow(/^normalMle: x\[0\] is -Infinity/);
    expect(() => normalMle([1, '2' as unknown as number])).toThrow(TypeError);
    expect(() => normalMle('12' as unknown as number[])).toThrow(TypeError);
  });

  it('zero variance (σ = 0): σ̂² = 0 and the likelihood is unbounded (+Infinity)', () => {
    const fit = normalMle([7, 7, 7]);
    expect(fit).toEqual({ n: 3, mu: 7, sigma2: 0, sigma: 0, sigma2Unbiased: 0, logLikelihood: Infinity });
  });

  it('values whose sum overflows still have a mean; deviations too large to square throw', () => {
    expect(normalMle(Float64Array.of(1.7e308, 1.7e308))).toMatchObject({ mu: 1.7e308, sigma2: 0 });
    expect(() => normalMle([1e300, -1e300])).toThrow(/^normalMle: the sum of squared deviations of x overflows/);
  });

  it('a huge offset with a tiny spread (1e9 + 1e−3·k)', () => {
    const x = Float64Array.from({ length: 101 }, (_, k) => 1e9 + 1e-3 * (k - 50));
    const fit = normalMle(x);
    // the stored values are 1e9 + round(1e−3·k to a multiple of 2^−23): mean exactly 1e9 by symmetry
    expect(fit.mu).toBe(1e9);
    let m2 = 0;
    for (const v of x) m2 += (v - 1e9) ** 2; // exact deviations, tiny rounding in the squares
    expectClose(fit.sigma2, m2 / 101, { rel: 1e-14 });
  });
});
