// The likelihood jobs through the Node client, against scipy on numpy's seed-42 sample:
// np.random.seed(42); x = np.random.normal(5.0, 2.0, 1000); mu, s2 = x.mean(), x.var(); S = n*s2.
import { createNodeClient } from '@mle-lab/worker/node';
import { afterAll, describe, expect, it } from 'vitest';

const client = createNodeClient();
afterAll(async () => {
  await client.terminate();
});

function expectClose(actual: number, expected: number, rel: number, abs = 0): void {
  expect(Math.abs(actual - expected), `expected ${expected}, got ${actual}`).toBeLessThanOrEqual(abs + rel * Math.abs(expected));
}

describe('likelihood jobs', () => {
  it('draws ℓ(μ) and ℓ(σ²) through the MLE with the maximum and its curvature', async () => {
    const handle = await client.generate({ seed: 42, mu: 5, sigma: 2, n: 1000 });
    const c = await client.likelihoodCurves(handle, { points: 101 });
    expectClose(c.mle.mu, 5.0386641116446516, 1e-12);
    expectClose(c.mle.sigma2, 3.831619958926069, 1e-12);
    // scipy: norm.logpdf(x, mu, np.sqrt(s2)).sum() → -2090.582372977066
    expectClose(c.mle.logLikelihood, -2090.582372977066, 1e-12);
    expect(c.mu.x).toBeInstanceOf(Float64Array);
    expect(c.mu.x).toHaveLength(101);
    expect(c.mu.maximiser).toBe(c.mle.mu);
    expectClose(c.mu.maximum, -2090.582372977066, 1e-12);
    // −n/σ̂² → -260.98621750584084 and −n/(2σ̂⁴) → -34.05690286400303
    expectClose(c.mu.secondDerivative, -260.98621750584084, 1e-12);
    expectClose(c.sigma2.secondDerivative, -34.05690286400303, 1e-12);
    expect(c.mu.fixed).toBe(c.mle.sigma2);
    expect(c.sigma2.fixed).toBe(c.mle.mu);
    // The window is μ̂ ± z·SE(μ̂), z = norm.ppf(1 - 0.00006/2) → 4.012810811118454, SE = 0.061900080443615495.
    expectClose(c.mu.x[0] as number, 5.0386641116446516 - 4.012810811118454 * 0.061900080443615495, 1e-9);
    expectClose(c.mu.x[100] as number, 5.0386641116446516 + 4.012810811118454 * 0.061900080443615495, 1e-9);
    // The middle point is μ̂ itself; every other point is lower (a maximum).
    expectClose(c.mu.x[50] as number, c.mle.mu, 1e-12);
    for (const slice of [c.mu, c.sigma2]) {
      for (const v of slice.logLikelihood) expect(v).toBeLessThanOrEqual(slice.maximum + 1e-9);
    }
    // scipy: norm.logpdf(x, mu, np.sqrt(v)).sum() at the σ² window's right end.
    const last = c.sigma2.x[100] as number;
    expectClose(last, 3.831619958926069 + 4.012810811118454 * 0.17135525384207284, 1e-9);
  });

  it('gives ℓ and the score at any point of a slice', async () => {
    const handle = await client.generate({ seed: 42, mu: 5, sigma: 2, n: 1000 });
    const atMu = await client.likelihoodScore(handle, { parameter: 'mu', value: 5 });
    // n·(x̄ − 5)/σ̂² → 10.090800251361145; norm.logpdf(x, 5, np.sqrt(s2)).sum() → -2090.777448890817
    expectClose(atMu.score, 10.090800251361145, 1e-9);
    expectClose(atMu.logLikelihood, -2090.777448890817, 1e-12);
    const atSigma2 = await client.likelihoodScore(handle, { parameter: 'sigma2', value: 4 });
    // (S − 4n)/(2·16) → -5.2618762835603405; norm.logpdf(x, mu, 2).sum() → -2091.0382086303766
    expectClose(atSigma2.score, -5.2618762835603405, 1e-9);
    expectClose(atSigma2.logLikelihood, -2091.0382086303766, 1e-12);
    await expect(client.likelihoodScore(handle, { parameter: 'sigma2', value: -1 })).rejects.toThrow(/sigma2\[0\] is -1/);
  });

  it('gives standard errors from the Fisher information and Wald intervals', async () => {
    const handle = await client.generate({ seed: 42, mu: 5, sigma: 2, n: 1000 });
    const f = await client.normalFisher(handle, { level: 0.95 });
    expect(f.truth).toEqual({ mu: 5, sigma: 2, sigma2: 4 });
    expectClose(f.z, 1.959963984540054, 1e-12);
    expectClose(f.mu.standardError, 0.061900080443615495, 1e-12);
    expectClose(f.sigma2.standardError, 0.17135525384207284, 1e-12);
    expectClose(f.sigma.standardError, 0.04376996663767331, 1e-12);
    expectClose(f.mu.lower, 4.917342183335033, 1e-12);
    expectClose(f.mu.upper, 5.15998603995427, 1e-12);
    expectClose(f.sigma2.lower, 3.4957698328338878, 1e-12);
    expectClose(f.sigma.upper, 2.043239973709068, 1e-12);
    await expect(client.normalFisher(handle, { level: 1 })).rejects.toThrow(/normalFisher: level must be a number in \(0, 1\), got 1/);
  });
});
