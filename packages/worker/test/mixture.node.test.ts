// The mixture jobs through the Node client, against scikit-learn 1.9 on the mixture lab's bimodal data:
//   rs = np.random.RandomState(42); w, mu, sd = np.array([0.45, 0.55]), np.array([-2, 3]), np.array([1, 1.2])
//   c = np.searchsorted(np.cumsum(w / w.sum()), rs.random_sample(1000), side='right')
//   x = (mu[c] + sd[c] * rs.standard_normal(1000)).reshape(-1, 1)
//   GaussianMixture(k, random_state=42, max_iter=1000, tol=1e-10, n_init=5).fit(x) (BIC), and for the
//   optimum itself GaussianMixture(2, random_state=42, max_iter=20000, tol=0).fit(x)
import { createNodeClient } from '@mle-lab/worker/node';
import { afterAll, describe, expect, it } from 'vitest';

const client = createNodeClient();
afterAll(async () => {
  await client.terminate();
});

function expectClose(actual: number, expected: number, rel: number, abs = 0): void {
  expect(Math.abs(actual - expected), `expected ${expected}, got ${actual}`).toBeLessThanOrEqual(abs + rel * Math.abs(expected));
}

const bimodal = { seed: 42, n: 1000, weights: [0.45, 0.55], means: [-2, 3], sds: [1, 1.2] };

describe('mixture jobs', () => {
  it('draws the overview: histogram, KDE, the single-normal MLE and the true density on one grid', async () => {
    const handle = await client.generateMixture(bimodal);
    const o = await client.mixtureOverview(handle, { truth: { weights: [0.45, 0.55], means: [-2, 3], variances: [1, 1.44] } });
    // scipy: norm.logpdf(x, x.mean(), x.std()).sum() → -2418.296190879749; GaussianMixture(1).bic(x) → 4850.407892317471
    expectClose(o.single.logLikelihood, -2418.296190879749, 1e-9);
    expectClose(o.single.mu, 0.8027249041624226, 1e-9);
    expectClose(o.single.bic, 4850.407892317471, 1e-6);
    expect(o.grid).toHaveLength(200);
    expect(o.kde.density).toHaveLength(200);
    expect(o.single.pdf).toHaveLength(200);
    expect(o.truth).toHaveLength(200);
    expect(o.histogram.edges.length).toBe(o.histogram.density.length + 1);
  });

  it('steps EM one iteration at a time (never lowering ℓ) and runs it to scikit-learn’s optimum', async () => {
    const handle = await client.generateMixture(bimodal);
    const o = await client.mixtureOverview(handle);
    let state = await client.mixtureInit(handle, { components: 2, seed: 42, grid: o.grid });
    expect(state.pdf).toHaveLength(200);
    const lls = [state.logLikelihood];
    for (let t = 0; t < 5; t++) {
      state = await client.mixtureStep(handle, { model: state.model, grid: o.grid });
      lls.push(state.logLikelihood);
    }
    for (let t = 1; t < lls.length; t++) expect(lls[t]).toBeGreaterThanOrEqual((lls[t - 1] as number) - 1e-9);
    const run = await client.mixtureRun(handle, { model: state.model, grid: o.grid });
    expect(run.converged).toBe(true);
    expectClose(run.logLikelihood[0] as number, state.logLikelihood, 1e-12);
    for (let t = 1; t < run.logLikelihood.length; t++) {
      expect(run.logLikelihood[t]).toBeGreaterThanOrEqual((run.logLikelihood[t - 1] as number) - 1e-9);
    }
    const order = Array.from(run.final.model.means).map((m, i) => [m, i] as const).toSorted((a, b) => a[0] - b[0]).map(([, i]) => i);
    const pick = (a: Float64Array) => order.map((i) => a[i] as number);
    // sklearn (tol=0, 20000 iterations): weights_ [0.46415622, 0.53584378], means_ [-1.86844724, 3.11653582],
    // covariances_ [0.94651137, 1.41767843]; our run stops at |Δℓ/n| < 1e-10.
    const [w1, w2] = pick(run.final.model.weights);
    const [m1, m2] = pick(run.final.model.means);
    const [v1, v2] = pick(run.final.model.variances);
    expectClose(w1 as number, 0.46415622, 0, 1e-5);
    expectClose(w2 as number, 0.53584378, 0, 1e-5);
    expectClose(m1 as number, -1.86844724, 0, 1e-5);
    expectClose(m2 as number, 3.11653582, 0, 1e-5);
    expectClose(v1 as number, 0.94651137, 0, 1e-5);
    expectClose(v2 as number, 1.41767843, 0, 1e-5);
    // sklearn: gm.score(x) * 1000 → -2161.3553145774363
    expectClose(run.final.logLikelihood, -2161.3553145774363, 0, 1e-6);
  });

  it('computes BIC for K = 1 … 4 and prefers K = 2 for bimodal data', async () => {
    const handle = await client.generateMixture(bimodal);
    const seen: number[] = [];
    const b = await client.mixtureBic(handle, { maxComponents: 4, seed: 42 }, { onProgress: (p) => seen.push(p.done) });
    expect(Array.from(b.components)).toEqual([1, 2, 3, 4]);
    // sklearn: GaussianMixture(1).bic(x) → 4850.407892317471; GaussianMixture(2).bic(x) → 4357.249405555818
    expectClose(b.bic[0] as number, 4850.407892317471, 1e-9);
    expectClose(b.bic[1] as number, 4357.249405555818, 0, 1e-3);
    const best = b.bic.indexOf(Math.min(...b.bic));
    expect(best).toBe(1);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('rejects bad options with a named error', async () => {
    const handle = await client.generateMixture(bimodal);
    await expect(client.mixtureInit(handle, { components: 0, grid: [0] })).rejects.toThrow(/mixtureInit: components must be an integer from 1 to 10, got 0/);
    await expect(client.mixtureBic(handle, { maxComponents: 11 })).rejects.toThrow(/mixtureBic: components must be an integer from 1 to 10/);
  });
});
