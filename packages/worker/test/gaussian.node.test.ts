// The Gaussian's jobs through the Node client: product versus sum of logs, the Gaussian integral,
// smoothing, convolution, the Fourier pair and the heat kernel — numpy/scipy numbers for fixed seeds
// and parameters.
import { createNodeClient } from '@mle-lab/worker/node';
import { afterAll, describe, expect, it } from 'vitest';
import uses from './fixtures/gaussian-uses.json' with { type: 'json' };
import { expectAllClose, expectClose } from './support/expect-close.ts';

const client = createNodeClient();
afterAll(async () => {
  await client.terminate();
});

describe('productVsLog', () => {
  it("follows numpy's cumprod and cumsum of the seed-42 sample to the underflow", async () => {
    const r = await client.productVsLog({ seed: 42, mu: 0, sigma: 1, n: 1000 });
    // numpy 2.4 / scipy 1.17: np.random.seed(42); x = np.random.normal(0, 1, 1000); x[0] → 0.4967141530112327
    //   p = np.cumprod(norm.pdf(x)); p[:2] → [0.3526423148607351, 0.1393456070960026]
    //   np.argmax(p == 0) + 1 → 534; p[532] → 1e-323; np.cumsum(norm.logpdf(x))[-1] → -1398.0778922615893
    // (rel 1e-12: core's normal draws may differ from numpy's by an ulp where V8's log rounds differently)
    expectClose(r.x[0] as number, 0.4967141530112327, { rel: 1e-12 });
    expectAllClose(r.product.subarray(0, 2), [0.3526423148607351, 0.1393456070960026], { rel: 1e-12 });
    expect(r.underflowN).toBe(534);
    expect(r.overflowN).toBeNull();
    expect(r.product[533]).toBe(0);
    expect(r.lastProduct).toBe(1e-323);
    expectClose(r.logSum[999] as number, -1398.0778922615893, { rel: 1e-12 });
    expectClose(r.meanLogPdf, -1.39807789226159, { rel: 1e-12 });
    expect(Array.from(r.n.subarray(0, 3))).toEqual([1, 2, 3]);
  });

  it('reports an overflow to ∞ when the densities are mostly above 1', async () => {
    const r = await client.productVsLog({ seed: 42, mu: 0, sigma: 0.05, n: 1000 });
    // numpy 2.4 / scipy 1.17: np.cumprod(norm.pdf(x, 0, 0.05)) is inf from n = 442; p[440] → 3.2499489823409895e+307
    expect(r.overflowN).toBe(442);
    expect(r.underflowN).toBeNull();
    expectClose(r.lastProduct, 3.2499489823409895e307, { rel: 1e-9 });
    expectClose(r.logSum[999] as number, 1597.654381292398, { rel: 1e-12 });
  });

  it('says what is wrong with bad input', async () => {
    await expect(client.productVsLog({ seed: 1, mu: 0, sigma: 0, n: 10 })).rejects.toThrow('productVsLog: sigma must be a finite number greater than 0, got 0');
    await expect(client.productVsLog({ seed: 1, mu: 0, sigma: 1, n: 0 })).rejects.toThrow('productVsLog: n must be an integer from 1 to 1,000,000, got 0');
  });
});

describe('gaussianIntegral', () => {
  it('integrates A·e^(−Bx²) to its closed forms', async () => {
    const r = await client.gaussianIntegral({ a: 3, b: 2 });
    // scipy 1.17: quad(lambda x: 3 * np.exp(-2 * x**2), -np.inf, np.inf) → 3.7599424119465006 = 3·√(π/2);
    //             the variance → 0.25 = 1/(2B); √(B/π) → 0.7978845608028654
    expectClose(r.area, 3.7599424119465006, { rel: 1e-13 });
    expectClose(r.exactArea, 3.7599424119465006, { rel: 1e-15 });
    expectClose(r.variance, 0.25, { rel: 1e-13 });
    expect(r.exactVariance).toBe(0.25);
    expectClose(r.normalizingA, 0.7978845608028654, { rel: 1e-15 });
    expect(r.sigma).toBe(0.5);
    expect(r.isDensity).toBe(false);
    expect(r.areaError).toBeLessThan(1e-13);
    // The grid spans ±4σ with x = 0 in the middle, where the curve is A and the pdf √(B/π).
    expect(r.x[0]).toBe(-2);
    expectClose(r.curve[150] as number, 3, { rel: 1e-15 });
    expectClose(r.pdf[150] as number, 0.7978845608028654, { rel: 1e-15 });
  });

  it('is a density once A = √(B/π)', async () => {
    const r = await client.gaussianIntegral({ a: 0.3989422804014327, b: 0.5 });
    expectClose(r.area, 1, { rel: 1e-14 });
    expect(r.isDensity).toBe(true);
    await expect(client.gaussianIntegral({ a: 1, b: 0 })).rejects.toThrow(/gaussianIntegral: B must be a finite number greater than 0/);
  });
});

describe('smoothSignal', () => {
  for (const c of uses.cases) {
    it(`equals scipy on numpy's noisy steps: seed ${c.seed}, σ = ${c.kernel}, edges at ${c.threshold} of the strongest`, async () => {
      const r = await client.smoothSignal({ seed: c.seed, kernel: c.kernel, threshold: c.threshold });
      expectAllClose(r.smoothed, c.smoothed, { rel: 1e-12, abs: 1e-14 });
      expectClose(r.residualSd, c.residualSd, { rel: 1e-12 });
      expectClose(r.noiseSd, c.noiseSd, { rel: 1e-12 });
      expect(r.taps).toBe(c.taps);
      expectAllClose(r.response, c.response, { rel: 1e-12, abs: 1e-14 });
      expect(Array.from(r.edges)).toEqual(c.edges);
      expect(Array.from(r.edgeStrength)).toEqual(c.edges.map((j) => r.response[j]));
      expectClose(r.edgeHeight, c.edgeHeight, { rel: 1e-12 });
      expect(Array.from(r.trueEdges)).toEqual(uses.trueEdges);
    });
  }

  it('names what was wrong', async () => {
    await expect(client.smoothSignal({ seed: 42, kernel: 0 })).rejects.toThrow('smoothSignal: kernel must be from 0.1 to 100 samples, got 0');
    await expect(client.smoothSignal({ seed: 42, kernel: 4, threshold: 2 })).rejects.toThrow('smoothSignal: threshold must be from 0 to 1, got 2');
  });
});

describe('convolveGaussians', () => {
  it('adds the variances', async () => {
    const r = await client.convolveGaussians({ sigma1: 1, sigma2: 1.5 });
    expect(r.variance1).toBe(1);
    expect(r.variance2).toBe(2.25);
    expect(r.exactVariance).toBe(3.25);
    expectClose(r.variance, 3.25, { rel: 1e-12 });
    expect(r.maxError).toBeLessThan(1e-12);
    // Cropped to ±4.5·√3.25 = ±8.11…
    expect(Math.max(...Array.from(r.x, Math.abs))).toBeLessThanOrEqual(4.5 * Math.sqrt(3.25));
    expect(r.x).toHaveLength(r.convolution.length);
  });
});

describe('gaussianFourier', () => {
  it('finds the transform of a Gaussian to be a Gaussian of width 1/(2πσ)', async () => {
    const r = await client.gaussianFourier({ width: 0.5 });
    // 1/(2π·0.5) = 0.3183098861837907; numpy 2.4 with n = 4096, dt = 0.025:
    //   np.abs(dt·|fftshift(fft(norm.pdf(t, 0, 0.5)))| − exp(−2π²σ²f²)).max() → 3.3e-16
    expectClose(r.sigmaF, 0.3183098861837907, { rel: 1e-15 });
    expectClose(r.product, 1 / (2 * Math.PI), { rel: 1e-15 });
    expect(r.maxError).toBeLessThan(1e-14);
    const zero = Array.from(r.f).indexOf(0);
    expectClose(r.spectrum[zero] as number, 1, { rel: 1e-14 });
    expect(Math.max(...Array.from(r.t, Math.abs))).toBeLessThanOrEqual(9);
    expect(Math.max(...Array.from(r.f, Math.abs))).toBeLessThanOrEqual(2);
    expect(r.size).toBe(4096);
    await expect(client.gaussianFourier({ width: 20 })).rejects.toThrow('gaussianFourier: width must be from 0.05 to 10, got 20');
  });
});

describe('heatEquation', () => {
  for (const c of uses.heat) {
    it(`diffuses the ${c.profile} profile for t = ${c.time} at D = ${c.diffusivity} as numpy's FTCS loop, beside scipy's Gaussian of σ = √(2Dt)`, async () => {
      const r = await client.heatEquation({ profile: c.profile as 'point' | 'step' | 'spots', time: c.time, diffusivity: c.diffusivity });
      expect(Array.from(r.x)).toEqual(uses.x);
      expect(Array.from(r.initial)).toEqual(c.initial);
      // The same operations in the same order as numpy's vector update: equal to the last bit.
      expect(Array.from(r.solution)).toEqual(c.solution);
      expectAllClose(r.smoothed, c.smoothed, { rel: 1e-13, abs: 1e-15 });
      expect([r.steps, r.dt, r.ratio, r.dx]).toEqual([c.steps, c.dt, c.ratio, 0.1]);
      expect(r.sigma).toBe(c.sigma);
      expectClose(r.maxDifference, c.maxDifference, { rel: 1e-9, abs: 1e-15 });
      expectClose(r.initialHeat, c.initialHeat, { rel: 1e-15 });
      expectClose(r.heat, c.heat, { rel: 1e-15 });
      expectClose(r.smoothedHeat, c.smoothedHeat, { rel: 1e-13 });
      for (const key of ['initialVariance', 'variance', 'expectedVariance'] as const) {
        const expected = c[key];
        if (expected === null) expect(r[key]).toBeNull();
        else expectClose(r[key] as number, expected, { rel: 1e-12, abs: 1e-15 });
      }
    });
  }

  it('keeps the heat, and the spread grows as σ₀² + 2Dt while it stays away from the ends', async () => {
    // Every case of the fixture (numpy 2.4): the total heat moves by less than 1e-15, and the variance
    // of the localized profiles is σ₀² + 2Dt to within 1e-5 even at 2Dt = 8 (σ = 2.83 on a rod of ±15).
    for (const c of uses.heat) {
      expectClose(c.heat, c.initialHeat, { rel: 1e-15 });
      if (c.variance !== null) expectClose(c.variance, c.expectedVariance as number, { rel: 1e-5 });
    }
    const r = await client.heatEquation({ profile: 'spots', time: 2, diffusivity: 0.5 });
    expectClose(r.heat, 1, { rel: 1e-15 });
    expectClose(r.variance as number, 4 + 2, { rel: 1e-9 });
  });

  it('names what was wrong', async () => {
    await expect(client.heatEquation({ profile: 'ring' as 'point', time: 1, diffusivity: 0.5 })).rejects.toThrow(
      "heatEquation: profile must be one of 'point', 'step', 'spots', got ring",
    );
    await expect(client.heatEquation({ profile: 'point', time: 5, diffusivity: 0.5 })).rejects.toThrow('heatEquation: time must be from 0 to 4, got 5');
    await expect(client.heatEquation({ profile: 'point', time: 1, diffusivity: 0 })).rejects.toThrow('heatEquation: diffusivity must be from 0.01 to 1, got 0');
    await expect(client.heatEquation({ profile: 'point', time: Number.NaN, diffusivity: 0.5 })).rejects.toThrow('heatEquation: time must be a finite number, got NaN');
  });
});
