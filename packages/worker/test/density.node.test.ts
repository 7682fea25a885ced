// density1d and jointDensity through the Node client: scipy's numbers, the interval's probability
// in the far tail, the grid's shape, and the messages for bad input.
import { createNodeClient } from '@mle-lab/worker/node';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAllClose, expectClose } from './support/expect-close.ts';

const client = createNodeClient();
afterAll(async () => {
  await client.terminate();
});

describe('density1d', () => {
  it("matches scipy's pdf and cdf and puts a and b on the grid", async () => {
    const r = await client.density1d({ mu: 0, sigma: 1, a: -1, b: 1 });
    // scipy 1.17: norm.cdf(1) - norm.cdf(-1) → 0.6826894921370859; norm.pdf(0) → 0.3989422804014327
    expectClose(r.probability, 0.6826894921370859, { rel: 1e-15 });
    expectClose(r.peak, 0.3989422804014327, { rel: 1e-15 });
    expectClose(r.pdfA, 0.24197072451914337, { rel: 1e-15 });
    expectClose(r.cdfA, 0.15865525393145707, { rel: 1e-15 });
    // f(μ) = 1 exactly when σ = 1/√(2π) = φ(0).
    expect(r.unitPeakSigma).toBe(r.peak);
    expect(r.x[0]).toBe(-4);
    expect(r.x[r.x.length - 1]).toBe(4);
    expect(Array.from(r.x)).toContain(-1);
    expect(Array.from(r.x)).toContain(1);
    for (let i = 1; i < r.x.length; i++) expect(r.x[i] as number).toBeGreaterThan(r.x[i - 1] as number);
    for (let i = 0; i < r.x.length; i++) {
      const inside = (r.x[i] as number) >= -1 && (r.x[i] as number) <= 1;
      if (inside) expect(r.shaded[i]).toBe(r.pdf[i]);
      else expect(r.shaded[i]).toBeNaN();
    }
  });

  it('keeps the probability of an interval far above the mean', async () => {
    const r = await client.density1d({ mu: 0, sigma: 1, a: 9, b: 10 });
    // F(10) − F(9) is 1 − 1 = 0 in double precision; scipy 1.17: norm.sf(9) - norm.sf(10) → 1.1285122074235907e-19
    expectClose(r.probability, 1.1285122074235907e-19, { rel: 1e-12 });
    // The grid reaches b only up to μ + 8σ.
    expect(r.x[r.x.length - 1]).toBe(8);
  });

  it('shows a density above 1 for a small σ', async () => {
    const r = await client.density1d({ mu: 2, sigma: 0.1, a: 1.95, b: 2.05 });
    // scipy 1.17: norm.pdf(2, 2, 0.1) → 3.989422804014327; norm.cdf(2.05, 2, 0.1) - norm.cdf(1.95, 2, 0.1) → 0.38292492254802574
    expectClose(r.peak, 3.989422804014327, { rel: 1e-15 });
    expectClose(r.probability, 0.38292492254802574, { rel: 1e-13 });
  });

  it('says what is wrong with bad input', async () => {
    await expect(client.density1d({ mu: 0, sigma: 1, a: 2, b: 1 })).rejects.toThrow('density1d: a (2) must be smaller than b (1)');
    await expect(client.density1d({ mu: 0, sigma: 0, a: -1, b: 1 })).rejects.toThrow('density1d: sigma must be a finite number greater than 0, got 0');
    await expect(client.density1d({ mu: Number.NaN, sigma: 1, a: -1, b: 1 })).rejects.toThrow('density1d: mu must be a finite number, got NaN');
  });
});

describe('jointDensity', () => {
  it("matches scipy's multivariate normal on the grid", async () => {
    const r = await client.jointDensity({ sigma1: 1, sigma2: 2, rho: 0.3, gridSize: 5 });
    // The square range ±3.5·max(σ₁, σ₂) = ±7 on both axes.
    expect(Array.from(r.x)).toEqual([-7, -3.5, 0, 3.5, 7]);
    expect(Array.from(r.y)).toEqual([-7, -3.5, 0, 3.5, 7]);
    expect(Array.from(r.cov)).toEqual([1, 0.6, 0.6, 4]);
    // scipy 1.17: x = np.linspace(-7, 7, 5); X, Y = np.meshgrid(x, x)
    //             multivariate_normal([0, 0], [[1, 0.6], [0.6, 4]]).pdf(np.dstack([X, Y])).ravel()[:13]
    expectAllClose(
      r.z.subarray(0, 13),
      [
        6.506581641023741e-13, 6.743403229304018e-6, 9.957114561533678e-5, 2.094671899124293e-9, 6.278076990462964e-20,
        1.7857607526299906e-12, 1.394088358943939e-4, 0.015505488593563698, 2.4570202691032695e-6, 5.547025351884772e-16,
        1.6932679815623632e-13, 9.957114561533695e-5, 0.08341985676628685,
      ],
      { rel: 1e-12 },
    );
    expectClose(r.peak, 0.08341985676628685, { rel: 1e-14 });
    expect(r.z).toHaveLength(25);
  });

  it('says what is wrong with bad input', async () => {
    await expect(client.jointDensity({ sigma1: 1, sigma2: 1, rho: 1 })).rejects.toThrow('jointDensity: rho must be a number strictly between −1 and 1, got 1');
    await expect(client.jointDensity({ sigma1: -1, sigma2: 1, rho: 0 })).rejects.toThrow('jointDensity: sigma1 must be a finite number greater than 0');
    await expect(client.jointDensity({ sigma1: 1, sigma2: 1, rho: 0, gridSize: 1 })).rejects.toThrow('the grid size must be an integer from 2 to 401');
  });
});
