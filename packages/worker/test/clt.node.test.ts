// The CLT experiment through the Node client: numpy's means for a fixed seed, the histogram of the
// means (a density), lattice-aligned bins for the Bernoulli source, limits and cancellation.
import { createNodeClient } from '@mle-lab/worker/node';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAllClose, expectClose } from './support/expect-close.ts';

const client = createNodeClient();
afterAll(async () => {
  await client.terminate();
});

const area = (edges: Float64Array, density: Float64Array) => density.reduce((s, d, i) => s + d * ((edges[i + 1] as number) - (edges[i] as number)), 0);

describe('clt', () => {
  it("reproduces numpy's means of 5 uniform draws", async () => {
    const r = await client.clt({ seed: 42, source: 'uniform', k: 5, m: 10_000 });
    // numpy 2.4: m = np.random.RandomState(42).random_sample((10000, 5)).mean(1)
    //   m[:3] → [0.5623850983416314, 0.4778883735637184, 0.44342021302871915]
    //   m.mean() → 0.49886340350288627, m.std() → 0.12892087695308288
    expectAllClose(r.means.subarray(0, 3), [0.5623850983416314, 0.4778883735637184, 0.44342021302871915], { rel: 1e-14 });
    expectClose(r.sampleMean, 0.49886340350288627, { rel: 1e-13 });
    expectClose(r.sampleSd, 0.12892087695308288, { rel: 1e-12 });
    // Theory: μ = 1/2, σ/√k = 1/√60.
    expect(r.expectedMean).toBe(0.5);
    expectClose(r.expectedSd, 0.12909944487358055, { rel: 1e-15 });
    expect(r.edges).toHaveLength(61);
    expectClose(area(r.edges, r.density), 1, { rel: 1e-12 });
    expect(r.x[0]).toBe(r.edges[0]);
    expect(r.x).toHaveLength(300);
  });

  it('centres each Bernoulli bin on one of the values j/k', async () => {
    const r = await client.clt({ seed: 42, source: 'bernoulli', k: 5, m: 10_000, p: 0.3 });
    // The means are 0, 0.2, …, 1: one bin around each.
    expectAllClose(r.edges, [-0.1, 0.1, 0.3, 0.5, 0.7, 0.9, 1.1], { abs: 1e-15 });
    // numpy 2.4: b = (np.random.RandomState(42).random_sample((10000, 5)) < 0.3).mean(1)
    //            np.bincount(np.round(b * 5).astype(int)) → [1673, 3594, 3073, 1351, 279, 30]
    const counts = Array.from(r.density, (d, i) => Math.round(d * 10_000 * ((r.edges[i + 1] as number) - (r.edges[i] as number))));
    expect(counts).toEqual([1673, 3594, 3073, 1351, 279, 30]);
    expectClose(r.expectedSd, Math.sqrt(0.21 / 5), { rel: 1e-15 });
  });

  it('groups the Bernoulli values when there are more of them than bins', async () => {
    const r = await client.clt({ seed: 1, source: 'bernoulli', k: 1000, m: 2000, p: 0.5, bins: 20 });
    expect(r.edges.length - 1).toBeLessThanOrEqual(20);
    // Every edge lies halfway between two values j/k.
    for (const e of r.edges) expectClose((e as number) * 1000 - Math.floor((e as number) * 1000), 0.5, { abs: 1e-6 });
    expectClose(area(r.edges, r.density), 1, { rel: 1e-12 });
  });

  it('says what is wrong with bad input', async () => {
    await expect(client.clt({ seed: 1, source: 'uniform', k: 1000, m: 100_000 })).rejects.toThrow('clt: k × m must be at most 20,000,000, got 100,000,000');
    await expect(client.clt({ seed: 1, source: 'bernoulli', k: 5, m: 100, p: 1 })).rejects.toThrow("clt: p must be a number strictly between 0 and 1 for the 'bernoulli' source, got 1");
    await expect(client.clt({ seed: 1, source: 'uniform', k: 0, m: 100 })).rejects.toThrow('clt: k must be an integer from 1 to 10,000, got 0');
    const error = await client.clt({ seed: 1, source: 'poisson' as 'uniform', k: 5, m: 100 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^createCltRun: source must be one of 'uniform', 'exponential', 'bernoulli'/);
  });

  it('stops when cancelled and stays usable', async () => {
    const controller = new AbortController();
    const pending = client.clt({ seed: 1, source: 'exponential', k: 100, m: 200_000 }, { signal: controller.signal, key: 'clt-test' });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    const r = await client.clt({ seed: 42, source: 'uniform', k: 5, m: 10_000 });
    expectClose(r.sampleMean, 0.49886340350288627, { rel: 1e-13 });
  });
});
