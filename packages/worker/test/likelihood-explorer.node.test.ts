// likelihoodExplorer, testsCurve and testsAtNull through the Node client: every number equals a direct
// core call on the same inputs.
import { fitDistribution, likelihoodTerms, likelihoodTests, profileLogLikelihood } from '@mle-lab/core';
import { createNodeClient } from '@mle-lab/worker/node';
import { afterAll, describe, expect, it } from 'vitest';

const client = createNodeClient();
afterAll(async () => {
  await client.terminate();
});

describe('likelihoodExplorer', () => {
  it("each point's density, the product and ℓ equal core's likelihoodTerms; the MLE core's fit", async () => {
    const data = [2, 0, 1, 3, 1, 0, 2, 1, 4, 0, 1, 2];
    const r = await client.likelihoodExplorer({ family: 'poisson', data, params: { lambda: 2 } });
    const t = likelihoodTerms(data, 'poisson', { lambda: 2 });
    expect([...r.density]).toEqual([...t.density]);
    expect(r.logLikelihood).toBe(t.logLikelihood);
    expect(r.likelihood).toBe(t.likelihood);
    expect(r.mle?.estimates['lambda']).toBe(fitDistribution(data, 'poisson').estimates['lambda']);
    expect([...r.curve.x]).toEqual([0, 1, 2, 3, 4]);
    expect([...r.curve.density]).toEqual([...likelihoodTerms([0, 1, 2, 3, 4], 'poisson', { lambda: 2 }).density]);
  });

  it('normal: a continuous curve over the given range; bad input is rejected with a named error', async () => {
    const r = await client.likelihoodExplorer({ family: 'normal', data: [1, 2, 4], params: { mean: 2, sd: 1 }, range: [-2, 6] });
    expect(r.curve.x).toHaveLength(201);
    expect(r.curve.x[0]).toBe(-2);
    await expect(client.likelihoodExplorer({ family: 'normal', data: [], params: { mean: 0, sd: 1 } })).rejects.toThrow(/likelihoodExplorer: data must be an array of 1 to 1,000 numbers/);
    await expect(client.likelihoodExplorer({ family: 'normal', data: [1], params: { mean: 0, sd: -1 } })).rejects.toThrow(/params.sd must be a finite number > 0/);
    await expect(client.likelihoodExplorer({ family: 'cauchy' as 'normal', data: [1], params: {} })).rejects.toThrow(/family must be one of/);
  });

  it('reports a missing MLE instead of failing (a constant normal sample)', async () => {
    const r = await client.likelihoodExplorer({ family: 'normal', data: [3, 3, 3], params: { mean: 3, sd: 1 } });
    expect(r.mle).toBeNull();
    expect(r.mleProblem).not.toBe('');
  });
});

describe('testsCurve and testsAtNull', () => {
  const data = [0.5, 1.2, 2.2, 3.9, 0.8, 1.7, 0.3, 2.8, 1.1, 0.6];
  it("the curve is core's profile ℓ; the quadratic's drop is half core's Wald statistic", async () => {
    const c = await client.testsCurve({ family: 'gamma', data, parameter: 'shape', include: 4 });
    const fit = fitDistribution(data, 'gamma');
    expect([...c.profile]).toEqual([...profileLogLikelihood(data, fit, 'shape', c.x).logLikelihood]);
    const i = 20;
    const v = c.x[i] as number;
    expect(c.quadratic[i]).toBe(fit.logLikelihood - likelihoodTests(data, fit, { shape: v }).wald.statistic / 2);
    expect(c.x[c.x.length - 1]).toBeGreaterThanOrEqual(4);
    expect(c.x[0]).toBeGreaterThan(0);
  });

  it("the statistics and p-values equal core's likelihoodTests; the slope is the profile's", async () => {
    for (const [family, parameter, value] of [
      ['exponential', 'rate', 1],
      ['gamma', 'shape', 1],
      ['normal', 'mean', 2],
    ] as const) {
      const r = await client.testsAtNull({ family, data, parameter, value });
      const fit = fitDistribution(data, family);
      const t = likelihoodTests(data, fit, { [parameter]: value });
      expect(r.wald).toEqual(t.wald);
      expect(r.likelihoodRatio).toEqual(t.likelihoodRatio);
      expect(r.score).toEqual(t.score);
      expect(r.slopeAtNull).toBe(profileLogLikelihood(data, fit, parameter, [value]).slope[0]);
    }
    await expect(client.testsAtNull({ family: 'exponential', data, parameter: 'mean', value: 1 })).rejects.toThrow(/testsAtNull: parameter must be one of/);
    await expect(client.testsAtNull({ family: 'exponential', data: [], parameter: 'rate', value: 1 })).rejects.toThrow(/data must be an array of 1 to 100,000/);
  });
});
