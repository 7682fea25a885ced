// The numbers the worker now takes from core helpers instead of computing itself: the fit history's
// ρ and L − L̂, the NLL surface's start, and the grids built with core's linspace.
import { createNormalGdRun, linspace, normalFitStart, normalMle } from '@mle-lab/core';
import { createNodeClient } from '@mle-lab/worker/node';
import { afterAll, describe, expect, it } from 'vitest';

const client = createNodeClient();
afterAll(async () => {
  await client.terminate();
});

describe('fit history from core', () => {
  it('carries ρ (σ = e^ρ) and the gap L − L̂ to the closed form, decimated like the rest', async () => {
    const handle = await client.generate({ seed: 42, mu: 5, sigma: 2, n: 1000 });
    for (const method of ['gd', 'adam'] as const) {
      const fit = await client.fit(handle, { method, learningRate: method === 'gd' ? 1e-4 : 0.05, maxIterations: 3000, maxPoints: 100 });
      expect(fit.history.rho).toHaveLength(fit.history.mu.length);
      for (let i = 0; i < fit.history.rho.length; i++) {
        expect(fit.history.sigma[i]).toBe(Math.exp(fit.history.rho[i] as number));
        // The gap is the difference the optimizer race used to take itself, bit for bit.
        expect(fit.history.lossGap[i]).toBe((fit.history.loss[i] as number) - fit.closedForm.loss);
      }
    }
    const closed = await client.fit(handle, { method: 'closed-form' });
    expect(closed.history.rho).toHaveLength(0);
    expect(closed.history.lossGap).toHaveLength(0);
    await client.release(handle);
  });
});

describe('starts and grids from core', () => {
  it("the NLL surface's start is the fits' default start", async () => {
    const handle = await client.generate({ seed: 7, mu: -1, sigma: 0.5, n: 300 });
    const values = await client.values(handle);
    const s = await client.nllSurface(handle);
    const start = normalFitStart(values);
    expect(s.start).toEqual({ mu: start.mu0, logSigma: start.rho0 });
    const run = createNormalGdRun(values).current();
    expect([run.mu, run.rho]).toEqual([s.start.mu, s.start.logSigma]);
    expect(s.closedForm.mu).toBe(normalMle(values).mu);
    await client.release(handle);
  });

  it('curves are drawn on linspace grids (numpy: np.linspace(edges[0], edges[-1], points))', async () => {
    const handle = await client.generate({ seed: 1, mu: 0, sigma: 1, n: 500 });
    const s = await client.summarize(handle, { curvePoints: 7, kde: false, box: false });
    const edges = s.histogram.edges;
    expect(Array.from(s.curves.x)).toEqual(Array.from(linspace(edges[0] as number, edges[edges.length - 1] as number, 7)));
    const p = await client.productVsLog({ seed: 1, mu: 0, sigma: 1, n: 5 });
    expect(Array.from(p.n)).toEqual([1, 2, 3, 4, 5]);
    await client.release(handle);
  });
});
