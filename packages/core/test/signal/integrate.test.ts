import { describe, expect, it } from 'vitest';
import { gaussianIntegral, integrate } from '../../src/signal/integrate.ts';
import data from '../fixtures/signal.json' with { type: 'json' };
import { expectClose } from '../support/expect-close.ts';

const limit = (v: number | string): number => (v === '-Infinity' ? -Infinity : v === 'Infinity' ? Infinity : Number(v));

const integrands: Record<string, (x: number) => number> = {
  'exp(-x^2) on (-inf, inf)': (x) => Math.exp(-x * x),
  'sqrt(x) on [0, 1]': Math.sqrt,
  'log(x) on [0, 1]': Math.log,
  '1/(1+x^2) on (-inf, inf)': (x) => 1 / (1 + x * x),
  'x^2 exp(-x) on [0, inf)': (x) => x * x * Math.exp(-x),
  'exp(x) on (-inf, 0]': Math.exp,
  'sin(x) on [0, pi]': Math.sin,
  '1/x^2 on [1, inf)': (x) => 1 / (x * x),
  'x^5 - 3x on [-2, 3]': (x) => x ** 5 - 3 * x,
  '(1+x)^-1.5 on [0, inf)': (x) => (1 + x) ** -1.5,
  'exp(-x^2/2)/sqrt(2 pi) on [-1.96, 1.96]': (x) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI),
};

/** N(500, 0.1²) without its constant: far from 0 and narrow. */
function narrowPeak(x: number): number {
  return Math.exp(-((x - 500) ** 2) / (2 * 0.01));
}

describe('integrate against closed forms and scipy.integrate.quad (signal.json)', () => {
  for (const c of data.integrate.cases) {
    it(c.name, () => {
      const f = integrands[c.name];
      if (f === undefined) throw new Error(`no integrand for ${c.name}`);
      const r = integrate(f, limit(c.a), limit(c.b));
      expect(r.converged).toBe(true);
      // closed form (x^5 − 3x sums terms of ±120, so its last bits are ~1e-14 absolute)
      expectClose(r.value, c.exact, { rel: 2e-15, abs: 1e-15 });
      // scipy.integrate.quad(f, a, b, epsabs=1e-14, epsrel=1e-13)
      expectClose(r.value, c.quad, { rel: 2e-13, abs: 1e-14 });
      expect(r.error).toBeLessThan(1e-12);
    });
  }

  it('∫ x·e^(−x²) over the line vanishes by symmetry: the tolerance is relative to ∫|f|', () => {
    const r = integrate((x) => x * Math.exp(-x * x), -Infinity, Infinity);
    expect(r.converged).toBe(true);
    expect(Math.abs(r.value)).toBeLessThan(1e-16);
  });

  it('reversed limits give minus the integral; equal limits give 0', () => {
    expectClose(integrate(Math.sin, Math.PI, 0).value, -2, { rel: 1e-15 });
    expectClose(integrate(Math.exp, 0, -Infinity).value, -1, { rel: 1e-15 });
    expect(integrate(Math.sin, 2, 2).value).toBe(0);
  });

  it('a narrow peak far from 0 needs center and scale; with them it is exact to the integrand’s rounding', () => {
    const exact = Math.sqrt(2 * Math.PI * 0.01);
    // x − 500 carries ulp(500) ≈ 1e-13 of rounding, i.e. 1e-12 of the width: ~1e-14 in the area
    expectClose(integrate(narrowPeak, -Infinity, Infinity, { center: 500, scale: 0.1 }).value, exact, { rel: 1e-13 });
  });
});

describe('integrate edge cases', () => {
  it('a NaN from the integrand is reported, not skipped', () => {
    const r = integrate((x) => (x > 0.5 ? Number.NaN : x), 0, 1);
    expect(r.value).toBeNaN();
    expect(r.converged).toBe(false);
  });

  it('a range offset by 1e9 is limited only by the spacing of doubles there (ulp(1e9) ≈ 1.2e-7)', () => {
    const r = integrate((x) => Math.cos(x - 1e9), 1e9, 1e9 + 1);
    expectClose(r.value, Math.sin(1), { abs: 3e-7 });
  });

  it('throws on bad limits and options', () => {
    expect(() => integrate(Math.sin, Number.NaN, 1)).toThrow(/integrate: a must be a number or ±Infinity, got NaN/);
    expect(() => integrate(Math.sin, 0, Number.NaN)).toThrow(/integrate: b must be/);
    expect(() => integrate(Math.sin, Infinity, Infinity)).toThrow(/integrate: a and b are both Infinity; the range is empty/);
    expect(() => integrate('sin' as unknown as (x: number) => number, 0, 1)).toThrow(TypeError);
    expect(() => integrate(Math.sin, 0, 1, { tolerance: 0 })).toThrow(/integrate: tolerance must be a finite number greater than 0/);
    expect(() => integrate(Math.sin, 0, 1, { maxLevels: 0 })).toThrow(/integrate: maxLevels must be an integer from 1 to 20/);
    expect(() => integrate(Math.sin, 0, Infinity, { scale: -1 })).toThrow(/integrate: scale must be/);
  });
});

describe('gaussianIntegral: ∫A·e^(−B(x−μ)²)dx = A·√(π/B), variance 1/(2B)', () => {
  for (const c of data.gaussianIntegral.cases) {
    it(`A = ${c.A}, B = ${c.B}, μ = ${c.mu}`, () => {
      const g = gaussianIntegral({ A: c.A, B: c.B, mu: c.mu });
      // the brief's bar is 1e-10; the quadrature reaches rounding level
      expectClose(g.exactArea, c.exactArea, { rel: 1e-15 });
      expectClose(g.area, c.exactArea, { rel: 1e-14 });
      expectClose(g.mean, c.mu, { rel: 1e-15, abs: 1e-14 / Math.sqrt(c.B) });
      expectClose(g.variance, c.exactVariance, { rel: 1e-14 });
      expect(g.exactVariance).toBe(c.exactVariance);
      if (c.quadArea !== null) expectClose(g.area, c.quadArea, { rel: 1e-13 }); // scipy.integrate.quad
    });
  }

  it('with A = √(B/π) the function is a density, and with B = 1/(2σ²) its variance is σ²', () => {
    const sigma = 2.5;
    const B = 1 / (2 * sigma * sigma);
    const g = gaussianIntegral({ A: Math.sqrt(B / Math.PI), B, mu: 1e9 });
    expectClose(g.area, 1, { rel: 1e-14 });
    expectClose(g.variance, sigma * sigma, { rel: 1e-14 });
    expectClose(g.normalizingA, 1 / Math.sqrt(2 * Math.PI * sigma * sigma), { rel: 1e-15 });
    expectClose(g.mean, 1e9, { rel: 1e-16 });
  });

  it('throws on invalid A, B, μ', () => {
    expect(() => gaussianIntegral({ A: 0, B: 1 })).toThrow(/gaussianIntegral: A must be a finite number greater than 0, got 0/);
    expect(() => gaussianIntegral({ A: 1, B: -1 })).toThrow(/gaussianIntegral: B must be a finite number greater than 0/);
    expect(() => gaussianIntegral({ A: 1, B: 1, mu: Infinity })).toThrow(/gaussianIntegral: mu must be a finite number/);
  });
});
