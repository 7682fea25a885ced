import { describe, expect, it } from 'vitest';
import { gaussianConvolution } from '../../src/signal/convolve.ts';
import { gaussianFourierPair } from '../../src/signal/gaussian-fourier.ts';
import { gaussianFunctionArray } from '../../src/signal/gaussian-function.ts';
import { gaussianIntegral } from '../../src/signal/integrate.ts';
import { normalPdfArray } from '../../src/distributions/normal.ts';
import data from '../fixtures/signal.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

describe('gaussianFunctionArray (signal.json: A * np.exp(-B * (x - mu)**2))', () => {
  for (const c of data.gaussianFunction.cases) {
    it(`A = ${c.A}, B = ${c.B}, μ = ${c.mu}`, () => {
      // numpy rounds B·(d²) where core rounds (B·d)·d: a few ulps in the exponent's argument, which
      // e^(−u) carries as |u|·ε relative (|u| ≤ 64 here).
      expectAllClose(gaussianFunctionArray(c.x, { A: c.A, B: c.B, mu: c.mu }), c.y, { rel: 1e-13, abs: 1e-300 });
    });
  }

  it('is the normal pdf once A = √(B/π) (B = 1/(2σ²))', () => {
    const x = [-3, -1, 0, 0.5, 2];
    const g = gaussianIntegral({ A: 1, B: 2 });
    expectAllClose(gaussianFunctionArray(x, { A: g.normalizingA, B: 2 }), normalPdfArray(x, 0, g.sigma), { rel: 1e-15 });
  });

  it('TSDoc example, and the out array', () => {
    expect(Array.from(gaussianFunctionArray([0, 1], { A: 3, B: 2 }))).toEqual([3, 0.4060058497098381]);
    const out = new Float64Array(2);
    expect(gaussianFunctionArray([0, 1], { A: 3, B: 2 }, out)).toBe(out);
  });

  it('edge cases: empty, one value, NaN, ±Infinity, B = 0, offset 1e9', () => {
    expect(gaussianFunctionArray([], { A: 1, B: 1 })).toHaveLength(0);
    expect(Array.from(gaussianFunctionArray([2], { A: 5, B: 1, mu: 2 }))).toEqual([5]);
    expect(gaussianFunctionArray([NaN], { A: 1, B: 1 })[0]).toBeNaN();
    expect(Array.from(gaussianFunctionArray([Infinity, -Infinity], { A: 1, B: 1 }))).toEqual([0, 0]);
    expect(() => gaussianFunctionArray([0], { A: 1, B: 0 })).toThrow(/^gaussianFunctionArray: B must be a finite number greater than 0, got 0/);
    expect(() => gaussianFunctionArray([0], { A: -1, B: 1 })).toThrow(/A must be a finite number greater than 0/);
    expect(() => gaussianFunctionArray([0], { A: 1, B: 1, mu: NaN })).toThrow(/mu must be a finite number/);
    expect(() => gaussianFunctionArray([0], { A: 1, B: 1 }, new Float64Array(2))).toThrow(/out must be a Float64Array of length 1/);
    expectAllClose(gaussianFunctionArray([1e9 + 0.5], { A: 2, B: 1, mu: 1e9 }), gaussianFunctionArray([0.5], { A: 2, B: 1 }), { rel: 1e-15 });
  });
});

describe("the Gaussian results' derived fields (closed forms)", () => {
  it('gaussianIntegral: σ = √(1/(2B)) and the quadrature errors', () => {
    const g = gaussianIntegral({ A: 3, B: 2 });
    expect(g.sigma).toBe(0.5);
    expect(g.areaError).toBe(Math.abs(g.area - g.exactArea));
    expect(g.varianceError).toBe(Math.abs(g.variance - g.exactVariance));
    expect(g.areaError).toBeLessThan(1e-13);
  });

  it('gaussianConvolution: the input variances and the exact σ', () => {
    const c = gaussianConvolution({ sigma1: 1, sigma2: 1.5 });
    expect([c.variance1, c.variance2, c.exactVariance]).toEqual([1, 2.25, 3.25]);
    expect(c.exactSigma).toBe(Math.sqrt(3.25));
  });

  it('gaussianFourierPair: σ·σ_f = 1/(2π)', () => {
    for (const sigma of [0.05, 0.5, 3]) expectClose(gaussianFourierPair({ sigma, n: 64 }).widthProduct, 1 / (2 * Math.PI), { rel: 1e-15 });
  });
});
