// simulateEstimator through the Node client: the first repetition equals a direct core fit of numpy's
// first sample, coverage behaves as the theory says for small n, progress and cancel work.
import { confidenceIntervals, createRandomState, fitDistribution, getFamily } from '@mle-lab/core';
import { createNodeClient } from '@mle-lab/worker/node';
import { afterAll, describe, expect, it } from 'vitest';

const client = createNodeClient();
afterAll(async () => {
  await client.terminate();
});

describe('simulateEstimator', () => {
  it("each repetition is core's fit and intervals of the next n draws of one seeded stream", async () => {
    const r = await client.simulateEstimator({ family: 'gamma', params: { shape: 2, rate: 1 }, parameter: 'shape', n: 20, repetitions: 3, seed: 7 });
    const rs = createRandomState(7);
    for (let k = 0; k < 3; k++) {
      const x = getFamily('gamma').sample(rs, { shape: 2, rate: 1 }, 20);
      const fit = fitDistribution(x, 'gamma');
      expect(r.estimates[k]).toBe(fit.estimates['shape']);
      expect(r.kept.waldLower[k]).toBe(confidenceIntervals(x, fit, { method: 'wald' })['shape']?.lower);
      expect(r.kept.profileUpper[k]).toBe(confidenceIntervals(x, fit, { method: 'profile' })['shape']?.upper);
    }
    expect(r.truth).toBe(2);
    expect(r.kept.estimate).toHaveLength(3);
  });

  it('exponential rate, n = 10: the profile interval is near 95 %; Wald covers about as often but misses almost only on one side (numpy agrees)', async () => {
    // numpy 2.4, 200,000 repetitions of RandomState(42).exponential(1, (m, 10)): Wald rate coverage 0.9549
    // with 3.9 % of intervals below λ and 0.6 % above; profile (LR) coverage 0.9479, 2.0 % below and 3.2 % above.
    const r = await client.simulateEstimator({ family: 'exponential', params: { rate: 1 }, parameter: 'rate', n: 10, repetitions: 20_000, seed: 42 });
    const m = r.repetitions;
    // Monte Carlo standard error of a coverage near 0.95 over 20,000 repetitions: √(0.95·0.05/20000) ≈ 0.0015.
    expect(Math.abs(r.covered.profile / m - 0.9479)).toBeLessThan(0.006);
    expect(Math.abs(r.covered.wald / m - 0.9549)).toBeLessThan(0.006);
    expect(r.missedBelow.wald / m).toBeGreaterThan(0.03);
    expect(r.missedAbove.wald / m).toBeLessThan(0.01);
    expect(Math.abs(r.missedBelow.profile / m - 0.0198)).toBeLessThan(0.004);
    expect(Math.abs(r.missedAbove.profile / m - 0.0324)).toBeLessThan(0.005);
    expect(r.running.at[r.running.at.length - 1]).toBe(m);
    expect(r.running.wald[r.running.wald.length - 1]).toBe(r.covered.wald / m);
    // The asymptotic standard error λ/√n and E[λ̂] = nλ/(n − 1) = 1.111 (λ̂ = n/Gamma(n, 1)).
    expect(r.asymptoticSe).toBeCloseTo(1 / Math.sqrt(10), 14);
    expect(Math.abs(r.mean - 10 / 9)).toBeLessThan(4 * (r.std / Math.sqrt(m)));
  });

  it('a coin with p = 0.1 and n = 10: Wald intervals under-cover badly, profile intervals do not', async () => {
    // With p̂ = 0 (probability 0.9¹⁰ ≈ 0.35) the Wald interval is the single point 0 and misses.
    const r = await client.simulateEstimator({ family: 'bernoulli', params: { prob: 0.1 }, parameter: 'prob', n: 10, repetitions: 5000, seed: 3 });
    expect(r.covered.wald / r.repetitions).toBeLessThan(0.75);
    expect(r.covered.profile / r.repetitions).toBeGreaterThan(0.93);
  });

  it("the normal: σ̂²'s mean against (n − 1)σ²/n", async () => {
    const r = await client.simulateEstimator({ family: 'normal', params: { mean: 0, sd: 2 }, parameter: 'sd', n: 5, repetitions: 5000, seed: 1 });
    expect(r.sigma2?.truth).toBe(4);
    expect(r.sigma2?.expectedMle).toBeCloseTo(3.2, 14);
    // Var(σ̂²) = 2(n−1)σ⁴/n² = 5.12; 4 standard errors of the mean over 5,000 repetitions ≈ 0.128.
    expect(Math.abs((r.sigma2?.meanMle ?? NaN) - 3.2)).toBeLessThan(0.128);
  });

  it('reports progress and stops when cancelled; rejects bad specs', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const pending = client.simulateEstimator(
      { family: 'gamma', params: { shape: 2, rate: 1 }, parameter: 'shape', n: 50, repetitions: 100_000, seed: 5 },
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
    expect(seen[seen.length - 1]).toBeLessThan(100_000);
    await expect(client.simulateEstimator({ family: 'exponential', params: { rate: 1 }, parameter: 'shape', n: 10, repetitions: 10, seed: 1 })).rejects.toThrow(/parameter must be one of the exponential family's parameters \(rate\)/);
    await expect(client.simulateEstimator({ family: 'exponential', params: { rate: -1 }, parameter: 'rate', n: 10, repetitions: 10, seed: 1 })).rejects.toThrow(/rate/);
    await expect(client.simulateEstimator({ family: 'exponential', params: { rate: 1 }, parameter: 'rate', n: 1, repetitions: 10, seed: 1 })).rejects.toThrow(/n must be an integer from 2 to 10,000/);
    await expect(client.simulateEstimator({ family: 'weibull' as 'gamma', params: {}, parameter: 'shape', n: 10, repetitions: 10, seed: 1 })).rejects.toThrow(/family must be one of/);
  });
});
