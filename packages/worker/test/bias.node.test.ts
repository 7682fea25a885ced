// biasSimulation through the Node client: numpy's numbers for a fixed seed, the theory's mean of σ̂²
// as a seeded statistical check, and cancellation.
import { createNodeClient } from '@mle-lab/worker/node';
import { afterAll, describe, expect, it } from 'vitest';

const client = createNodeClient();
afterAll(async () => {
  await client.terminate();
});

const total = (c: Float64Array) => c.reduce((a, b) => a + b, 0);

function expectClose(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected), `expected ${expected}, got ${actual}`).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('biasSimulation', () => {
  it("reproduces numpy's repeated samples for seed 42", async () => {
    const r = await client.biasSimulation({ seed: 42, n: 5, sigma: 2, repetitions: 10_000 });
    // numpy 2.4: x = np.random.RandomState(42).normal(0.0, 2.0, size=(10000, 5))
    //            x.var(axis=1).mean() → 3.193701836206601, x.var(axis=1, ddof=1).mean() → 3.992127295258251
    //            x.var(axis=1)[0] → 1.6050972027001873, x.var(axis=1, ddof=1)[2] → 3.384400670438076
    // (rel 1e-9: core's normal draws may differ from numpy's by an ulp where V8's log rounds differently)
    expectClose(r.mle.mean, 3.193701836206601, 1e-9);
    expectClose(r.unbiased.mean, 3.992127295258251, 1e-9);
    expectClose(r.mle.std, 2.2043487717990944, 1e-9);
    expectClose(r.mle.values[0] as number, 1.6050972027001873, 1e-9);
    expectClose(r.unbiased.values[2] as number, 3.384400670438076, 1e-9);
    expect(r.mle.values).toBeInstanceOf(Float64Array);
    expect(r.mle.values).toHaveLength(10_000);
    expect(r.sigma2).toBe(4);
    expect(r.expectedMle).toBe(3.2);
    expect(r.edges).toHaveLength(61);
    // Every s² is σ̂²·n/(n−1), so both histograms on the shared edges hold nearly all repetitions.
    expect(total(r.unbiased.counts)).toBeGreaterThan(0.99 * 10_000);
    expect(total(r.mle.counts)).toBeGreaterThan(total(r.unbiased.counts));
  });

  it('agrees with the theory: E[σ̂²] = (n−1)σ²/n and E[s²] = σ² (seeded, within 4 standard errors)', async () => {
    for (const spec of [
      { seed: 1, n: 2, sigma: 1, repetitions: 50_000 },
      { seed: 2, n: 5, sigma: 3, repetitions: 20_000 },
      { seed: 3, n: 30, sigma: 0.5, repetitions: 20_000 },
    ]) {
      const r = await client.biasSimulation(spec);
      const sigma2 = spec.sigma ** 2;
      // Standard error of an average of R independent estimates: std/√R. With 4 SE, a correct
      // simulation fails this check with probability about 6e-5 per seed; these seeds are fixed.
      const delta = (std: number) => (4 * std) / Math.sqrt(spec.repetitions);
      expect(Math.abs(r.mle.mean - ((spec.n - 1) * sigma2) / spec.n)).toBeLessThan(delta(r.mle.std));
      expect(Math.abs(r.unbiased.mean - sigma2)).toBeLessThan(delta(r.unbiased.std));
      // The theory's spread: Var(σ̂²) = 2(n−1)σ⁴/n², within 5 % for these repetition counts.
      const theoryStd = Math.sqrt((2 * (spec.n - 1) * sigma2 ** 2) / spec.n ** 2);
      expect(Math.abs(r.mle.std - theoryStd) / theoryStd).toBeLessThan(0.05);
    }
  });

  it('reports progress and stops when cancelled', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const pending = client.biasSimulation(
      { seed: 5, n: 1000, sigma: 1, repetitions: 100_000 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (seen.length === 2) controller.abort();
        },
      },
    );
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[seen.length - 1]).toBeLessThan(100_000);
    // The worker stays usable.
    const small = await client.biasSimulation({ seed: 42, n: 5, sigma: 2, repetitions: 100 });
    expect(small.repetitions).toBe(100);
  });

  it('rejects bad specs with a message naming the allowed range', async () => {
    await expect(client.biasSimulation({ seed: 1, n: 1, sigma: 1, repetitions: 10 })).rejects.toThrow(/biasSimulation: n must be an integer from 2 to 10,000, got 1/);
    await expect(client.biasSimulation({ seed: 1, n: 5, sigma: 0, repetitions: 10 })).rejects.toThrow(/sigma must be a finite number greater than 0/);
    await expect(client.biasSimulation({ seed: 1, n: 10_000, sigma: 1, repetitions: 1_000_000 })).rejects.toThrow(/n × repetitions must be at most 100,000,000/);
  });
});
